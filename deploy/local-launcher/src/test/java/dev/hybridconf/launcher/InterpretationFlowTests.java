package dev.hybridconf.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Interpretation on the local stack, end to end through the gateway (issue 12's last acceptance line): for the demo
 * Seminar (its interpreter roster loaded with {@code DEMO_ROSTERS}), an organiser sets the conference's languages;
 * a participant approved for the Seminar shows in the language demand; the plan solves in the background, feasible,
 * and publishes; an interpreter of the roster, linked to their registration, reads their own schedule (and nobody
 * else's); participants read each session's channels in the programme and filter on them; and the streaming staff's
 * board shows the interpretation of an interpreted session ready on Zoom.
 *
 * <p>The stack is the one the flow tests share ({@link FlowStack}); the test makes its own registrations.
 * Response shapes the design leaves open (lists wrapped or not, where a count sits) are read by searching the JSON
 * tree, so the test pins the behaviour, not the layout.
 */
class InterpretationFlowTests extends FlowTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    /** The solve runs in the background under its own time limit; this only bounds the test. */
    private static final Duration SOLVING = Duration.ofMinutes(5);
    private static final String SEMINAR = "uclg-seminar-campus-2021";
    private static final String INTERPRETATION = "/api/interpretation/conferences/" + SEMINAR;

    @Test
    void demandAppearsThePlanPublishesTheInterpreterSeesTheirScheduleAndTheBoardShowsInterpretationReady() {
        // The interpretation service learns the Seminar from the programme's events, and its roster from the demo.
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Http.Answer languages = gateway.get(INTERPRETATION + "/languages", organiser);
            assertThat(languages.status()).as(languages.body()).isEqualTo(200);
            assertThat(entries(gateway.get(INTERPRETATION + "/interpreters", organiser))).isNotEmpty();
        });
        Http.Answer set = gateway.put(INTERPRETATION + "/languages",
                "{\"extras\": [], \"alwaysOffer\": [\"en\", \"fr\", \"es\"], \"threshold\": 1}", organiser);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(texts(set.json(), "alwaysOffer")).contains("en", "fr", "es");
        assertThat(gateway.put(INTERPRETATION + "/languages", "{\"alwaysOffer\": [\"en\"]}",
                stack.demoTokens().get("participant")).status()).as("only organisers set languages").isEqualTo(403);

        // A participant approved for the Seminar (fully online: remote) counts in the plenaries' French demand.
        long frenchBefore = remoteListeners(demand(), "fr");
        String email = "mariama." + UUID.randomUUID() + "@niamey.ne";
        Http.Answer registered = gateway.post("/api/registrations",
                Http.registration(SEMINAR, email, "REMOTE", "fr", invite(email, List.of(), false)), null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String participant = registered.json().path("id").asString();
        Http.Answer approved = gateway.post("/api/registrations/" + participant + "/approve", "{}", organiser);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(remoteListeners(demand(), "fr"))
                .as("remote French listeners over the Seminar's sessions").isGreaterThan(frenchBefore));

        // Solve in the background, on one replica, until done: the demo roster staffs the Seminar feasibly.
        Http.Answer started = gateway.post(INTERPRETATION + "/plan/solve", "{}", organiser);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(gateway.post(INTERPRETATION + "/plan/solve", "{}", stack.demoTokens().get("interpreter")).status())
                .as("only organisers solve").isEqualTo(403);
        JsonNode[] progress = new JsonNode[1];
        await().atMost(SOLVING).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Http.Answer answer = gateway.get(INTERPRETATION + "/plan/solve", organiser);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().path("status").asString()).as(answer.body()).isIn("RUNNING", "DONE");
            assertThat(answer.json().path("status").asString()).isEqualTo("DONE");
            progress[0] = answer.json();
        });
        assertThat(progress[0].path("feasible").asBoolean()).as("0 hard violations: " + progress[0]).isTrue();

        Http.Answer published = gateway.post(INTERPRETATION + "/plan/publish", "{}", organiser);
        assertThat(published.status()).as(published.body()).isIn(200, 201);
        long planVersion = published.json().path("planVersion").asLong();
        assertThat(planVersion).isPositive();

        // An interpreter of the published plan, linked to a registration with the interpreter role, reads their
        // own schedule; nobody else reads it.
        Http.Answer plan = gateway.get(INTERPRETATION + "/plan", organiser);
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        List<String> seated = texts(plan.json(), "interpreterId");
        assertThat(seated).as("interpreters seated in the published plan").isNotEmpty();
        String interpreterId = seated.get(0);
        String interpreterEmail = "interpreter." + UUID.randomUUID() + "@booths.example";
        Http.Answer asInterpreter = gateway.post("/api/registrations", Http.registration(SEMINAR, interpreterEmail,
                "REMOTE", "es", invite(interpreterEmail, List.of("participant", "interpreter"), true)), null);
        assertThat(asInterpreter.status()).as(asInterpreter.body()).isEqualTo(201);
        String interpreterRegistration = asInterpreter.json().path("id").asString();
        linkToRegistration(interpreterId, interpreterRegistration);
        String interpreter = gateway.post("/api/registrations/access-tokens",
                "{\"code\":\"" + accessCodeMailedTo(interpreterEmail) + "\"}", null).json().path("token").asString();

        Http.Answer schedule = gateway.get("/api/interpretation/me/schedule?conference=" + SEMINAR, interpreter);
        assertThat(schedule.status()).as(schedule.body()).isEqualTo(200);
        assertThat(texts(schedule.json(), "sessionId")).as("their published assignments").isNotEmpty();
        Http.Answer own = gateway.get(INTERPRETATION + "/interpreters/" + interpreterId + "/schedule", interpreter);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        String other = entries(gateway.get(INTERPRETATION + "/interpreters", organiser)).stream()
                .map(InterpretationFlowTests::idOf).filter(id -> !id.equals(interpreterId)).findFirst().orElseThrow();
        assertThat(gateway.get(INTERPRETATION + "/interpreters/" + other + "/schedule", interpreter).status())
                .as("another interpreter's schedule").isIn(403, 404);
        assertThat(gateway.get(INTERPRETATION + "/interpreters/" + interpreterId + "/schedule",
                stack.demoTokens().get("participant")).status()).as("a participant").isIn(403, 404);

        // Participants read each interpreted session's channels in the programme, and filter on them.
        String participantToken = stack.demoTokens().get("participant");
        JsonNode[] interpreted = new JsonNode[1];
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Http.Answer programme = gateway.get("/api/sessions/conferences/" + SEMINAR + "/programme",
                    participantToken);
            assertThat(programme.status()).as(programme.body()).isEqualTo(200);
            interpreted[0] = firstSession(programme.json(), session -> {
                JsonNode languages = session.path("languages");
                return languages.path("planVersion").asLong() == planVersion && !languages.path("channels").isEmpty()
                        && languages.path("channels").valueStream().allMatch(c -> c.path("covered").asBoolean());
            });
            assertThat(interpreted[0]).as("a session with every channel of plan " + planVersion + " covered")
                    .isNotNull();
        });
        JsonNode session = interpreted[0];
        String sessionId = session.path("id").asString();
        JsonNode channel = session.path("languages").path("channels").get(0);
        assertThat(channel.path("onZoom").asBoolean()).as("the Seminar is online: channels on Zoom " + channel)
                .isTrue();
        assertThat(channel.path("name").path("fr").asString()).isNotBlank();
        Http.Answer filtered = gateway.get("/api/sessions/conferences/" + SEMINAR + "/programme?language="
                + channel.path("code").asString(), participantToken);
        assertThat(filtered.status()).as(filtered.body()).isEqualTo(200);
        assertThat(firstSession(filtered.json(), s -> sessionId.equals(s.path("id").asString()))).isNotNull();
        assertThat(gateway.get("/api/sessions/conferences/" + SEMINAR + "/programme?language=english",
                participantToken).status()).isEqualTo(400);

        // The streaming service set up Zoom's interpretation from the published plan: ready on the staff's board.
        String staff = stack.demoTokens().get("streaming-staff");
        String day = session.path("day").asString();
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Http.Answer board = gateway.get("/api/streaming/board?day=" + day, staff);
            assertThat(board.status()).as(board.body()).isEqualTo(200);
            JsonNode row = null;
            for (JsonNode candidate : board.json().path("rows")) {
                if (sessionId.equals(candidate.path("sessionId").asString())) {
                    row = candidate;
                }
            }
            assertThat(row).as("session " + sessionId + " on the board of " + day).isNotNull();
            List<String> readiness = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : row.properties()) {
                if (field.getKey().toLowerCase(java.util.Locale.ROOT).contains("interpretation")) {
                    readiness.addAll(texts(field.getValue(), null));
                }
            }
            assertThat(readiness).as("interpretation readiness of " + row).contains("READY");
        });
    }

    /** Sets the roster entry's {@code registrationId}, keeping everything else it holds. */
    private static void linkToRegistration(String interpreterId, String registrationId) {
        Http.Answer entry = gateway.get(INTERPRETATION + "/interpreters/" + interpreterId, organiser);
        assertThat(entry.status()).as(entry.body()).isEqualTo(200);
        JsonNode read = entry.json();
        ObjectNode body = JsonMapper.shared().createObjectNode();
        for (String field : List.of("name", "email", "zoomEmail", "languages", "mode", "availability",
                "preferredPartners")) {
            if (read.has(field)) {
                body.set(field, read.get(field));
            }
        }
        body.put("registrationId", registrationId);
        Http.Answer linked = gateway.put(INTERPRETATION + "/interpreters/" + interpreterId, body.toString(), organiser);
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().path("registrationId").asString()).isEqualTo(registrationId);
    }

    private static JsonNode demand() {
        Http.Answer demand = gateway.get(INTERPRETATION + "/demand", organiser);
        assertThat(demand.status()).as(demand.body()).isEqualTo(200);
        return demand.json();
    }

    /** The sum of {@code remote} over every object of the demand that is about {@code language}. */
    private static long remoteListeners(JsonNode node, String language) {
        long sum = 0;
        if (node.isObject() && language.equals(node.path("language").asString(null)) && node.path("remote").isNumber()) {
            sum += node.path("remote").asLong();
        }
        if (node.isContainer()) {
            for (JsonNode child : node) {
                sum += remoteListeners(child, language);
            }
        }
        return sum;
    }

    /** The entries of a list answer, whether it is the list itself or an object holding one. */
    private static List<JsonNode> entries(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode json = answer.json();
        JsonNode list = json.isArray() ? json : null;
        for (JsonNode child : json) {
            if (list == null && child.isArray()) {
                list = child;
            }
        }
        List<JsonNode> entries = new ArrayList<>();
        if (list != null) {
            list.forEach(entries::add);
        }
        return entries;
    }

    private static String idOf(JsonNode interpreter) {
        return interpreter.has("interpreterId") ? interpreter.path("interpreterId").asString()
                : interpreter.path("id").asString();
    }

    /** Every distinct text under {@code field} anywhere in the tree (null: every text value), in document order. */
    private static List<String> texts(JsonNode node, String field) {
        List<String> found = new ArrayList<>();
        collect(node, field, field == null, found);
        return found.stream().distinct().toList();
    }

    private static void collect(JsonNode node, String field, boolean take, List<String> found) {
        if (node == null) {
            return;
        }
        if (node.isString()) {
            if (take) {
                found.add(node.asString());
            }
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> collect(child, field, take, found));
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                collect(entry.getValue(), field, take || entry.getKey().equals(field), found);
            }
        }
    }

    private static JsonNode firstSession(JsonNode programme, Predicate<JsonNode> wanted) {
        for (JsonNode day : programme.path("days")) {
            for (JsonNode session : day.path("sessions")) {
                if (wanted.test(session)) {
                    return session;
                }
            }
        }
        return null;
    }

    /** An organiser's invitation to the Seminar for {@code email}, with those roles; returns its code. */
    private static String invite(String email, List<String> roles, boolean skipReview) {
        return flow.invite(SEMINAR, email, roles, skipReview);
    }

    private static String accessCodeMailedTo(String email) {
        return flow.accessCodeMailedTo(email);
    }
}

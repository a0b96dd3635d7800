package dev.hybridconf.interpretation.seminar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yaml.snakeyaml.Yaml;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.session.ConferenceDay;
import dev.hybridconf.contracts.session.ConferencePublished;
import dev.hybridconf.contracts.session.SessionRescheduled;
import dev.hybridconf.contracts.session.SessionScheduled;
import dev.hybridconf.interpretation.needs.SessionNeed;
import dev.hybridconf.interpretation.needs.SessionNeeds;
import dev.hybridconf.interpretation.roster.InterpreterProfile;
import dev.hybridconf.interpretation.roster.Roster;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The demo Seminar, end to end in the service with its real parts: the programme arrives as the session service's
 * events (read from its demo file), the demo roster and channels load at start-up, and the real planner solves it.
 * It plans with no hard rule broken and exactly the one gap the roster was sized for (a Spanish seat of a Tuesday
 * breakout); after it is published, moving one breakout changes only that breakout's seats; a decline is replanned
 * without the interpreter who declined.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "platform.interpretation.demo-rosters=true", "interpretation.solver.time-limit=60s",
        "interpretation.solver.unimproved=3s" })
@PlatformInfrastructure
class SeminarPlanningTests {

    static final String SEMINAR = "uclg-seminar-campus-2021";
    static final Path PROGRAMME = Path.of(
            "../session-service/src/main/resources/demo-programmes/uclg-seminar-campus-2021.yaml");
    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final Duration DEADLINE = Duration.ofSeconds(120);

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    TopicNames topics;

    @Autowired
    SessionNeeds needs;

    @Autowired
    Roster roster;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final EventCodec codec = new EventCodec();
    private final String organiser = TestTokens.shared().organiser();

    @Test
    void theSeminarPlansWithOneGapAMovedBreakoutMovesOnlyItsSeatsAndADeclineIsReplanned() throws Exception {
        List<Map<String, Object>> sessions = programme();
        publishProgramme(sessions);
        int listed = (int) sessions.stream().filter(s -> !"BREAK".equals(s.get("kind"))).count();
        await().atMost(DEADLINE).until(() -> needs.forConference(SEMINAR).size() == listed
                && needs.forConference(SEMINAR).stream().allMatch(s -> !s.channels().isEmpty()));
        assertThat(roster.forConference(SEMINAR)).hasSize(32);

        // Solved: no hard rule broken, one empty seat (Spanish, Tuesday 13:00, a breakout), one hiring suggestion.
        JsonNode plan = solve();
        assertThat(plan.get("score").get("hard").asLong()).as(plan.get("violations").toString()).isZero();
        assertThat(plan.get("emptySeats").asInt()).as(plan.get("gaps").toString()).isEqualTo(1);
        JsonNode gap = plan.get("gaps").get(0);
        assertThat(gap.get("language").asString()).isEqualTo("es");
        assertThat(gap.get("start").asString()).startsWith("2021-02-16T13:00");
        assertThat(gap.get("candidates").size()).isEqualTo(32);
        assertThat(plan.get("hiring")).hasSize(1);
        assertThat(plan.get("hiring").get(0).get("gaps").asInt()).isEqualTo(1);

        assertThat(post("/plan/publish", organiser).statusCode()).isEqualTo(200);
        Map<String, String> published = seats(get("/plan"));

        // A Tuesday breakout moves to the late afternoon: only its own seats may change.
        Map<String, Object> moved = sessions.stream().filter(s -> "BREAKOUT".equals(s.get("kind"))
                && "2021-02-16".equals(String.valueOf(s.get("day")))).findFirst().orElseThrow();
        String movedId = sessionId(moved);
        reschedule(moved, LocalTime.of(17, 0), LocalTime.of(18, 30));
        await().atMost(DEADLINE).until(() -> needs.forSession(movedId).map(SessionNeed::start)
                .filter(start -> start.equals(LocalDate.of(2021, 2, 16).atTime(17, 0).atZone(MADRID).toInstant()))
                .isPresent());
        JsonNode replanned = solve();
        assertThat(replanned.get("score").get("hard").asLong()).isZero();
        Map<String, String> after = seats(replanned);
        List<String> changedElsewhere = new ArrayList<>();
        published.forEach((seat, interpreter) -> {
            if (!seat.startsWith(movedId + "/") && !interpreter.equals(after.get(seat))) {
                changedElsewhere.add(seat + ": " + interpreter + " -> " + after.get(seat));
            }
        });
        assertThat(changedElsewhere).as("seats of sessions that did not move").isEmpty();
        assertThat(post("/plan/publish", organiser).statusCode()).isEqualTo(200);

        // Someone declines a seat: the replan (started by the decline) never puts them back there.
        Map<String, String> current = seats(get("/plan"));
        String declinedSeat = current.keySet().stream().filter(seat -> !seat.startsWith(movedId + "/")).sorted()
                .findFirst().orElseThrow();
        String decliner = current.get(declinedSeat);
        String registration = UUID.randomUUID().toString();
        link(decliner, registration);
        String interpreterToken = TestTokens.shared().token(registration, "interpreter");
        JsonNode schedule = read(get("/api/interpretation/me/schedule?conference=" + SEMINAR, interpreterToken, true));
        String[] parts = declinedSeat.split("/");
        String assignment = null;
        for (JsonNode item : schedule.get("assignments")) {
            if (item.get("sessionId").asString().equals(parts[0]) && item.get("language").asString().equals(parts[1])) {
                assignment = item.get("assignmentId").asString();
            }
        }
        assertThat(assignment).as(schedule.toString()).isNotNull();
        HttpResponse<String> declined = post("/assignments/" + assignment + "/decline", interpreterToken);
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
        JsonNode afterDecline = awaitSolved(true);
        assertThat(afterDecline.get("score").get("hard").asLong()).isZero();
        Map<String, String> replannedSeats = seats(afterDecline);
        replannedSeats.forEach((seat, interpreter) -> {
            if (seat.startsWith(parts[0] + "/" + parts[1] + "/")) {
                assertThat(interpreter).as(seat).isNotEqualTo(decliner);
            }
        });
    }

    /** Solves and answers the new draft. */
    private JsonNode solve() throws Exception {
        HttpResponse<String> started = post("/plan/solve", organiser);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return awaitSolved(false);
    }

    /** Waits for the solve to end (for one that a decline started, first for it to start) and answers the draft. */
    private JsonNode awaitSolved(boolean replan) {
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode progress = read(get("/plan/solve"));
            return "DONE".equals(progress.get("status").asString())
                    && (!replan || "DECLINE".equals(progress.get("reason").asString()));
        });
        return read(get("/plan"));
    }

    /** Every filled seat of the draft: {@code session/language/seat} → interpreter id. */
    private static Map<String, String> seats(JsonNode plan) {
        Map<String, String> seats = new HashMap<>();
        for (JsonNode booth : plan.get("booths")) {
            for (JsonNode seat : booth.get("seats")) {
                if (!seat.get("interpreterId").isNull()) {
                    seats.put(booth.get("sessionId").asString() + "/" + booth.get("language").asString() + "/"
                            + seat.get("seat").asInt(), seat.get("interpreterId").asString());
                }
            }
        }
        return seats;
    }

    private Map<String, String> seats(HttpResponse<String> plan) {
        return seats(read(plan));
    }

    private void link(String interpreterId, String registrationId) throws Exception {
        InterpreterProfile profile = roster.find(SEMINAR, interpreterId).orElseThrow();
        StringBuilder languages = new StringBuilder();
        profile.languages().forEach(skill -> languages.append(languages.isEmpty() ? "" : ",").append(
                "{\"language\":\"%s\",\"level\":\"%s\",\"retour\":%s}".formatted(skill.language(), skill.level(),
                        skill.retour())));
        StringBuilder availability = new StringBuilder();
        profile.availability().forEach(a -> availability.append(availability.isEmpty() ? "" : ",")
                .append("{\"day\":\"%s\",\"part\":\"%s\"}".formatted(a.day(), a.part())));
        String body = """
                {"name": "%s", "email": "%s", "zoomEmail": %s, "registrationId": "%s", "languages": [%s],
                 "mode": "%s", "availability": [%s], "preferredPartners": []}""".formatted(profile.name(),
                profile.email(), profile.zoomEmail() == null ? "null" : "\"" + profile.zoomEmail() + "\"",
                registrationId, languages, profile.mode(), availability);
        HttpResponse<String> linked = send("PUT", "/api/interpretation/conferences/" + SEMINAR + "/interpreters/"
                + interpreterId, organiser, body);
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> programme() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(PROGRAMME, StandardCharsets.UTF_8));
        return (List<Map<String, Object>>) file.get("sessions");
    }

    static String sessionId(Map<String, Object> session) {
        return UUID.nameUUIDFromBytes(("seminar:" + session.get("key")).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @SuppressWarnings("unchecked")
    private void publishProgramme(List<Map<String, Object>> sessions) {
        List<ConferenceDay> days = new ArrayList<>();
        for (LocalDate d : List.of(LocalDate.of(2021, 2, 15), LocalDate.of(2021, 2, 16), LocalDate.of(2021, 2, 17),
                LocalDate.of(2021, 2, 18), LocalDate.of(2021, 2, 19), LocalDate.of(2021, 2, 22))) {
            days.add(new ConferenceDay(d, Map.of()));
        }
        send(codec.wrap("session-service", new ConferencePublished(SEMINAR, 1, 1,
                Map.of("en", "Seminar", "fr", "Séminaire", "es", "Seminario"), "Europe/Madrid",
                List.of("en", "fr", "es"), LocalDate.of(2021, 2, 15), LocalDate.of(2021, 2, 22), true, null, days))
                .withAggregateVersion(1));
        long version = 1;
        for (Map<String, Object> s : sessions) {
            LocalDate day = LocalDate.parse(String.valueOf(s.get("day")));
            Instant start = day.atTime(LocalTime.parse((String) s.get("start"))).atZone(MADRID).toInstant();
            Instant end = day.atTime(LocalTime.parse((String) s.get("end"))).atZone(MADRID).toInstant();
            send(codec.wrap("session-service", new SessionScheduled(sessionId(s), SEMINAR, ++version, 1,
                    (String) s.get("kind"), day, start, end, "Europe/Madrid", (String) s.get("format"),
                    (List<String>) s.getOrDefault("floorLanguages", List.of()), false, null, List.of(), null,
                    (String) s.get("room"), null, null, Map.of("en", String.valueOf(s.get("key")))))
                    .withAggregateVersion(1));
        }
    }

    private void reschedule(Map<String, Object> s, LocalTime from, LocalTime to) {
        LocalDate day = LocalDate.parse(String.valueOf(s.get("day")));
        Instant previousStart = day.atTime(LocalTime.parse((String) s.get("start"))).atZone(MADRID).toInstant();
        Instant previousEnd = day.atTime(LocalTime.parse((String) s.get("end"))).atZone(MADRID).toInstant();
        send(codec.wrap("session-service", new SessionRescheduled(sessionId(s), SEMINAR, 1000, 2, (String) s.get("kind"),
                (String) s.get("format"), day, previousStart, previousEnd, day, day.atTime(from).atZone(MADRID).toInstant(),
                day.atTime(to).atZone(MADRID).toInstant(), "Europe/Madrid")).withAggregateVersion(2));
    }

    private void send(CloudEvent event) {
        KafkaProbe.shared().send(topics.physical("session.events"), event.subject(), codec.toJson(event));
    }

    private HttpResponse<String> get(String path) {
        return get("/api/interpretation/conferences/" + SEMINAR + path, organiser, true);
    }

    private HttpResponse<String> get(String path, String token, boolean absolute) {
        return send("GET", path, token, null);
    }

    private HttpResponse<String> post(String path, String token) {
        return send("POST", "/api/interpretation/conferences/" + SEMINAR + path, token, null);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}

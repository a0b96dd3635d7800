package dev.hybridconf.interpretation.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import tools.jackson.databind.JsonNode;

/**
 * Publication on a real Redis and a real Kafka broker: the events of a publication are read back from the topic and
 * checked against their schemas; each interpreted session is emitted once with its channels and interpreters (Zoom
 * e-mails only for channels delivered on Zoom), a session no longer interpreted once with empty lists, a second
 * publication with no change emits no session event; publications at once get a version each and emit each change
 * once, also among interpreters' answers and the replans they start.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PlanPublicationTests extends PlanServiceTest {

    @BeforeEach
    void conference() {
        newConference("pub");
    }

    @Test
    void aPublicationEmitsEachInterpretedSessionOnceAndZoomEmailsOnlyForZoomChannels() {
        api.solve(fixture.conferenceId);

        JsonNode published = api.publish(fixture.conferenceId);

        assertThat(published.get("planVersion").asLong()).isEqualTo(1);
        assertThat(published.get("sessionsChanged").asInt()).isEqualTo(3);
        List<ConsumerRecord<String, String>> events = api.events(fixture.conferenceId, 1);
        events.forEach(e -> EventSchemaAssertions.assertValidEvent(e.value()));
        Map<String, JsonNode> sessions = sessionEvents(events);
        assertThat(sessions).containsOnlyKeys(fixture.plenary, fixture.online, fixture.roomC);

        JsonNode plenary = sessions.get(fixture.plenary);
        assertThat(plenary.get("planVersion").asLong()).isEqualTo(1);
        assertThat(plenary.get("floorLanguages")).extracting(JsonNode::asString).containsExactly("en");
        assertThat(plenary.get("channels")).extracting(c -> c.get("language").asString() + ":"
                + c.get("delivery").asString() + ":" + c.get("covered").asBoolean())
                .containsExactly("fr:BOTH:true", "es:BOTH:true");
        assertThat(plenary.get("interpreters")).extracting(i -> i.get("interpreterId").asString() + " "
                + i.get("sourceLanguage").asString() + ">" + i.get("targetLanguage").asString() + " "
                + i.get("zoomEmail").asString() + " " + i.get("remote").asBoolean())
                .containsExactly(fixture.interpreter("amelie") + " en>fr amelie@zoom.example.org false",
                        fixture.interpreter("bruno") + " en>fr bruno@zoom.example.org false",
                        fixture.interpreter("carmen") + " en>es carmen@zoom.example.org true",
                        fixture.interpreter("diego") + " en>es diego@zoom.example.org false");

        JsonNode online = sessions.get(fixture.online);
        assertThat(online.get("channels")).extracting(c -> c.get("language").asString() + ":"
                + c.get("covered").asBoolean()).containsExactly("en:false", "fr:true");
        assertThat(online.get("interpreters")).extracting(i -> i.get("interpreterId").asString() + " "
                + i.get("sourceLanguage").asString() + ">" + i.get("targetLanguage").asString())
                .containsExactly(fixture.interpreter("emma") + " es>en", fixture.interpreter("amelie") + " es>fr",
                        fixture.interpreter("bruno") + " es>fr");

        JsonNode roomC = sessions.get(fixture.roomC);
        assertThat(roomC.get("channels").get(0).get("delivery").asString()).isEqualTo(Delivery.ROOM.name());
        assertThat(roomC.get("interpreters")).hasSize(2).allSatisfy(i -> {
            assertThat(i.get("zoomEmail").isNull()).as("no Zoom e-mail for a channel in the room only").isTrue();
            assertThat(i.get("sourceLanguage").asString()).isEqualTo("fr");
        });
        assertThat(roomC.toString()).doesNotContain("@interpreters.example.org").doesNotContain("Finn");

        JsonNode plan = planPublished(events, 1);
        assertThat(plan.get("sessions").asInt()).isEqualTo(3);
        assertThat(plan.get("seats").asInt()).isEqualTo(10);
        assertThat(plan.get("gaps").asInt()).isEqualTo(1);
        assertThat(plan.get("hardViolations").asInt()).isZero();
        assertThat(events).allSatisfy(e -> assertThat(e.value()).doesNotContain("Amélie", "Carmen Ruiz",
                "@interpreters.example.org"));

        JsonNode again = api.publish(fixture.conferenceId);

        assertThat(again.get("planVersion").asLong()).isEqualTo(2);
        assertThat(again.get("sessionsChanged").asInt()).isZero();
        List<ConsumerRecord<String, String>> after = api.events(fixture.conferenceId, 2);
        assertThat(after.stream().filter(e -> api.type(e).equals("interpretation.session-interpretation-published.v1")))
                .as("a publication with no change emits no session event").hasSize(3);
        assertThat(planPublished(after, 2).get("gaps").asInt()).isEqualTo(1);
    }

    @Test
    void aSessionNoLongerInterpretedIsPublishedEmptyOnce() {
        api.solve(fixture.conferenceId);
        api.publish(fixture.conferenceId);
        // Nobody needs English in Room C any more: the session is no longer interpreted.
        needs.replace(fixture.conferenceId, List.of(fixture.plenary(java.time.LocalTime.of(9, 0),
                java.time.LocalTime.of(10, 30), "Financing local action"), fixture.sessions().get(1),
                fixture.roomCSession(List.of())));

        JsonNode second = api.publish(fixture.conferenceId);
        JsonNode third = api.publish(fixture.conferenceId);

        assertThat(second.get("sessionsChanged").asInt()).isEqualTo(1);
        assertThat(third.get("sessionsChanged").asInt()).isZero();
        List<ConsumerRecord<String, String>> events = api.events(fixture.conferenceId, 3);
        List<JsonNode> roomC = events.stream().filter(e -> fixture.roomC.equals(e.key()))
                .filter(e -> api.type(e).equals("interpretation.session-interpretation-published.v1"))
                .map(api::data).toList();
        assertThat(roomC).hasSize(2);
        JsonNode emptied = roomC.get(1);
        EventSchemaAssertions.assertValidEvent(events.stream().filter(e -> fixture.roomC.equals(e.key()))
                .reduce((a, b) -> b).orElseThrow().value());
        assertThat(emptied.get("planVersion").asLong()).isEqualTo(2);
        assertThat(emptied.get("channels")).isEmpty();
        assertThat(emptied.get("interpreters")).isEmpty();
        assertThat(emptied.get("floorLanguages")).extracting(JsonNode::asString).containsExactly("fr");
        assertThat(planPublished(events, 2).get("sessions").asInt()).isEqualTo(2);
    }

    @Test
    void aDraftBreakingHardRulesIsPublishedOnlyWhenOverridden() {
        testPlanner().script(problem -> {
            var plan = TestPlanner.plan(problem);
            return new dev.hybridconf.interpretation.planning.StaffingSolution(
                    new dev.hybridconf.interpretation.planning.PlanScore(-1, plan.score().medium(), 0), plan.booths(),
                    List.of(new dev.hybridconf.interpretation.planning.StaffingSolution.Violation("daily-hours",
                            fixture.plenary, "fr", fixture.interpreter("amelie"))),
                    plan.gaps(), plan.hiring(), plan.spent(), null);
        });
        try {
            api.solve(fixture.conferenceId);
        } finally {
            testPlanner().script(null);
        }

        HttpResponse<String> refused = api.send("POST", PlanApi.plan(fixture.conferenceId) + "/publish",
                api.organiser, null, "Accept-Language", "es");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(api.read(refused).get("type").asString()).endsWith("/hard-violations");
        assertThat(api.read(refused).get("detail").asString()).contains("incumple 1 normas");
        assertThat(api.ok(api.get(PlanApi.plan(fixture.conferenceId), api.organiser)).get("publishedVersion").isNull())
                .as("nothing published").isTrue();

        JsonNode overridden = api.ok(api.post(PlanApi.plan(fixture.conferenceId) + "/publish?override=true",
                api.organiser));
        assertThat(overridden.get("hardViolations").asInt()).isEqualTo(1);
        assertThat(planPublished(api.events(fixture.conferenceId, 1), 1).get("hardViolations").asInt()).isEqualTo(1);
    }

    @Test
    void publishingWithoutADraftOrAsSomeoneElseIsRefused() {
        HttpResponse<String> noDraft = api.send("POST", PlanApi.plan(fixture.conferenceId) + "/publish",
                api.organiser, null, "Accept-Language", "fr");
        HttpResponse<String> interpreter = api.post(PlanApi.plan(fixture.conferenceId) + "/publish",
                api.interpreter(fixture, "amelie"));
        HttpResponse<String> unknown = api.post(PlanApi.plan("no-such-conference") + "/publish", api.organiser);

        assertThat(noDraft.statusCode()).isEqualTo(409);
        assertThat(api.read(noDraft).get("detail").asString()).startsWith("Il n'y a pas encore de brouillon");
        assertThat(noDraft.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(interpreter.statusCode()).isEqualTo(403);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void publicationsAtOnceGetAVersionEachAndEmitEachChangeOnce() throws Exception {
        api.solve(fixture.conferenceId);
        int publishers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(publishers);
        List<Future<JsonNode>> results = new ArrayList<>();
        try {
            for (int i = 0; i < publishers; i++) {
                results.add(pool.submit(() -> api.publish(fixture.conferenceId)));
            }
            Set<Long> versions = new HashSet<>();
            int changed = 0;
            for (Future<JsonNode> result : results) {
                JsonNode outcome = result.get();
                versions.add(outcome.get("planVersion").asLong());
                changed += outcome.get("sessionsChanged").asInt();
            }
            assertThat(versions).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
            assertThat(changed).as("the three sessions changed with exactly one of the publications").isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        List<ConsumerRecord<String, String>> events = api.events(fixture.conferenceId, 8);
        assertThat(events.stream().filter(e -> api.type(e).equals("interpretation.plan-published.v1"))
                .map(e -> api.data(e).get("planVersion").asLong()).toList())
                .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(sessionEventsByKey(events).values()).allSatisfy(list -> assertThat(list).hasSize(1));
    }

    /**
     * Random publications, acceptances and declines from eight threads at once (declines start replans in the
     * background, which replace the draft under the publications): versions stay one per publication, and for each
     * session the events carry every change exactly once (no two consecutive events alike) and end on what the last
     * publication published.
     */
    @Test
    void randomPublicationsAndAnswersAtOnceNeverLoseNorDoubleAChange() throws Exception {
        api.solve(fixture.conferenceId);
        api.publish(fixture.conferenceId);
        java.util.Random random = new java.util.Random(12);
        List<String> keys = List.of("amelie", "bruno", "carmen", "diego", "emma", "finn", "grace");
        List<Callable<Long>> operations = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int kind = random.nextInt(3);
            String who = keys.get(random.nextInt(keys.size()));
            operations.add(() -> {
                if (kind == 0) {
                    return api.publish(fixture.conferenceId).get("planVersion").asLong();
                }
                JsonNode schedule = api.ok(api.get("/api/interpretation/me/schedule?conference=" + fixture.conferenceId,
                        api.interpreter(fixture, who)));
                if (!schedule.get("assignments").isEmpty()) {
                    String assignment = schedule.get("assignments").get(0).get("assignmentId").asString();
                    HttpResponse<String> answered = api.post("/api/interpretation/conferences/" + fixture.conferenceId
                            + "/assignments/" + assignment + (kind == 1 ? "/accept" : "/decline"),
                            api.interpreter(fixture, who));
                    assertThat(answered.statusCode()).as(answered.body()).isIn(200, 404, 409);
                }
                return 0L;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Long> versions = new ArrayList<>();
        try {
            for (Future<Long> result : pool.invokeAll(operations)) {
                long version = result.get();
                if (version > 0) {
                    versions.add(version);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        api.awaitSolved(fixture.conferenceId);
        long last = api.publish(fixture.conferenceId).get("planVersion").asLong();
        versions.add(last);

        assertThat(versions).doesNotHaveDuplicates();
        assertThat(last).isEqualTo(versions.size() + 1);
        List<ConsumerRecord<String, String>> events = api.events(fixture.conferenceId, last);
        events.forEach(e -> EventSchemaAssertions.assertValidEvent(e.value()));
        assertThat(events.stream().filter(e -> api.type(e).equals("interpretation.plan-published.v1"))).hasSize((int) last);
        for (var entry : sessionEventsByKey(events).entrySet()) {
            List<JsonNode> list = entry.getValue();
            for (int i = 1; i < list.size(); i++) {
                assertThat(withoutVersion(list.get(i))).as("session %s, event %d repeats the one before", entry.getKey(), i)
                        .isNotEqualTo(withoutVersion(list.get(i - 1)));
                assertThat(list.get(i).get("planVersion").asLong()).isGreaterThan(list.get(i - 1).get("planVersion").asLong());
            }
        }
        // What the last publication published is what the last event of each session says.
        JsonNode plan = api.ok(api.get(PlanApi.plan(fixture.conferenceId) + "/coverage?plan=published", api.organiser));
        for (JsonNode row : plan.get("rows")) {
            List<JsonNode> list = sessionEventsByKey(events).get(row.get("sessionId").asString());
            assertThat(list).isNotEmpty();
            JsonNode lastEvent = list.get(list.size() - 1);
            for (JsonNode channel : lastEvent.get("channels")) {
                JsonNode cell = row.get("cells").get(channel.get("language").asString());
                assertThat(channel.get("covered").asBoolean()).isEqualTo(!cell.get("state").asString().equals("GAP"));
                long interpreters = 0;
                for (JsonNode i : lastEvent.get("interpreters")) {
                    if (i.get("targetLanguage").asString().equals(channel.get("language").asString())) {
                        interpreters++;
                    }
                }
                assertThat(interpreters).isEqualTo(cell.get("filled").asLong());
            }
        }
    }

    private TestPlanner testPlanner() {
        return planner;
    }

    @Autowired
    TestPlanner planner;

    private Map<String, JsonNode> sessionEvents(List<ConsumerRecord<String, String>> events) {
        Map<String, JsonNode> sessions = new HashMap<>();
        sessionEventsByKey(events).forEach((key, list) -> sessions.put(key, list.get(list.size() - 1)));
        return sessions;
    }

    private Map<String, List<JsonNode>> sessionEventsByKey(List<ConsumerRecord<String, String>> events) {
        Map<String, List<JsonNode>> sessions = new HashMap<>();
        events.stream().filter(e -> api.type(e).equals("interpretation.session-interpretation-published.v1"))
                .forEach(e -> {
                    assertThat(api.data(e).get("sessionId").asString()).isEqualTo(e.key());
                    sessions.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(api.data(e));
                });
        sessions.values().forEach(list -> list.sort((a, b) -> Long.compare(a.get("planVersion").asLong(),
                b.get("planVersion").asLong())));
        return sessions;
    }

    private JsonNode planPublished(List<ConsumerRecord<String, String>> events, long version) {
        return events.stream().filter(e -> api.type(e).equals("interpretation.plan-published.v1")).map(api::data)
                .filter(d -> d.get("planVersion").asLong() == version).findFirst().orElseThrow();
    }

    private static String withoutVersion(JsonNode data) {
        return data.get("channels").toString() + data.get("interpreters") + data.get("floorLanguages");
    }
}

package dev.hybridconf.session.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.testinfra.AdjustableClock;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;

/**
 * {@code session.conclusions-lock-changed.v1} on the real Kafka topic, as the rapporteur service reads it: one event per
 * breakout whose lock decision an organiser's action (lock, unlock, lock time, clear; a day's lock time) or a programme
 * change (a breakout scheduled, a wrap-up moved or cancelled) changed, none when nothing moved (an action repeated, a
 * title changed), each valid against its schema and keyed by the breakout.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
@Import(AdjustableClock.Config.class)
class ConclusionsLockEventsTests {

    private static final String TYPE = "session.conclusions-lock-changed.v1";
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Autowired
    TopicNames topics;

    @Autowired
    AdjustableClock clock;

    private final TestTokens tokens = TestTokens.shared();
    private ProgrammeApi api;
    private String conference;
    private String moderator;
    private String organiser;

    @BeforeEach
    void week() {
        clock.setTo(at("2027-10-11T08:00"));
        api = new ProgrammeApi(port, bootstrap, topics.physical("session.events"));
        moderator = UUID.randomUUID().toString();
        organiser = "organiser-" + UUID.randomUUID();
        conference = "lock-events-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = api.json("POST", "/api/sessions/conferences", organiserToken(), """
                {"id": "%s", "name": {"en": "World Congress", "fr": "Congrès mondial", "es": "Congreso mundial"},
                 "timeZone": "Africa/Casablanca", "languages": ["en", "fr", "es"], "startDate": "2027-10-11",
                 "endDate": "2027-10-13", "days": [{"date": "2027-10-11"}, {"date": "2027-10-12"},
                 {"date": "2027-10-13"}]}""".formatted(conference));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        schedule("wrap-up-12", "WRAP_UP", "2027-10-12", "09:00", "10:00", "Plenary hall");
    }

    @Test
    void organisersActionsAnnounceEachChangedDecisionOnce() {
        String housing = schedule("d1-housing", "BREAKOUT", "2027-10-11", "12:00", "13:30", "Room 1");
        ProgrammeApi.Event scheduled = awaitLockEvents(housing, 1).get(0);
        EventSchemaAssertions.assertValidEvent(scheduled.raw());
        assertThat(scheduled.key()).isEqualTo(housing);
        assertThat(scheduled.data().get("conferenceId").asString()).isEqualTo(conference);
        assertThat(scheduled.data().get("day").asString()).isEqualTo("2027-10-11");
        assertThat(scheduled.data().get("source").asString()).isEqualTo("WRAP_UP");
        assertThat(instant(scheduled, "lockAt")).isEqualTo(at("2027-10-12T09:00"));
        assertThat(scheduled.data().get("changedBy").isNull()).as("the programme decided").isTrue();

        String lockPath = "/api/sessions/" + housing + "/conclusions/lock";
        assertThat(api.post(lockPath, organiserToken()).statusCode()).isEqualTo(200);
        assertThat(api.send("DELETE", lockPath, organiserToken(), "en").statusCode()).isEqualTo(200);
        assertThat(api.send("DELETE", lockPath, organiserToken(), "en").statusCode())
                .as("clearing again changes nothing").isEqualTo(200);
        clock.setTo(at("2027-10-11T15:00"));
        HttpResponse<String> unlocked = api.json("POST", "/api/sessions/" + housing + "/conclusions/unlock",
                organiserToken(), "{\"relockAt\": \"2027-10-12T20:00:00+01:00\"}");
        assertThat(unlocked.statusCode()).as(unlocked.body()).isEqualTo(200);
        assertThat(api.send("DELETE", lockPath, organiserToken(), "en").statusCode()).isEqualTo(200);

        List<ProgrammeApi.Event> events = awaitLockEvents(housing, 5);
        events.forEach(e -> EventSchemaAssertions.assertValidEvent(e.raw()));
        assertThat(events).extracting(e -> e.data().get("source").asString())
                .containsExactly("WRAP_UP", "LOCKED", "WRAP_UP", "UNLOCKED", "WRAP_UP");
        ProgrammeApi.Event locked = events.get(1);
        assertThat(instant(locked, "lockAt")).isBetween(at("2027-10-11T08:00"), at("2027-10-11T09:00"));
        assertThat(locked.data().get("changedBy").asString()).isEqualTo(organiser);
        ProgrammeApi.Event unlockedEvent = events.get(3);
        assertThat(instant(unlockedEvent, "lockAt")).isEqualTo(at("2027-10-12T20:00"));
        assertThat(instant(unlockedEvent, "relockAt")).isEqualTo(at("2027-10-12T20:00"));
        assertThat(instant(events.get(4), "lockAt")).isEqualTo(at("2027-10-12T09:00"));
        assertThat(events.get(4).data().get("relockAt").isNull()).isTrue();
    }

    @Test
    void aDaysLockTimeAnnouncesTheBreakoutsItMovesAndNotTheOneWithItsOwnSetting() {
        String housing = schedule("d1-housing", "BREAKOUT", "2027-10-11", "12:00", "13:30", "Room 1");
        String water = schedule("d1-water", "BREAKOUT", "2027-10-11", "12:00", "13:30", "Room 2");
        HttpResponse<String> own = api.json("PUT", "/api/sessions/" + water + "/conclusions/lock", organiserToken(),
                "{\"lockAt\": \"2027-10-11T18:00:00+01:00\"}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        String dayPath = "/api/sessions/conferences/" + conference + "/days/2027-10-11/conclusions-lock";

        HttpResponse<String> day = api.json("PUT", dayPath, organiserToken(),
                "{\"lockAt\": \"2027-10-11T20:00:00+01:00\"}");
        assertThat(day.statusCode()).as(day.body()).isEqualTo(200);
        assertThat(api.send("DELETE", dayPath, organiserToken(), "en").statusCode()).isEqualTo(200);
        // A marker after everything: the water breakout's own setting cleared.
        assertThat(api.send("DELETE", "/api/sessions/" + water + "/conclusions/lock", organiserToken(), "en")
                .statusCode()).isEqualTo(200);

        List<ProgrammeApi.Event> housingEvents = awaitLockEvents(housing, 3);
        assertThat(housingEvents).extracting(e -> e.data().get("source").asString())
                .containsExactly("WRAP_UP", "DAY", "WRAP_UP");
        assertThat(instant(housingEvents.get(1), "lockAt")).isEqualTo(at("2027-10-11T20:00"));
        List<ProgrammeApi.Event> waterEvents = awaitLockEvents(water, 3);
        assertThat(waterEvents).as("the day's time never reached the breakout with its own setting")
                .extracting(e -> e.data().get("source").asString()).containsExactly("WRAP_UP", "BREAKOUT", "WRAP_UP");
    }

    @Test
    void programmeChangesAnnounceOnlyTheDecisionsTheyMove() {
        String housing = schedule("d1-housing", "BREAKOUT", "2027-10-11", "12:00", "13:30", "Room 1");
        String water = schedule("d1-water", "BREAKOUT", "2027-10-11", "14:00", "15:30", "Room 2");
        awaitLockEvents(water, 1);

        // A title change moves no lock.
        HttpResponse<String> retitled = api.json("PUT", "/api/sessions/" + housing, organiserToken(),
                session("d1-housing", "BREAKOUT", "2027-10-11", "12:00", "13:30", "Room 1", "Housing, renamed"));
        assertThat(retitled.statusCode()).as(retitled.body()).isEqualTo(200);
        // The wrap-up moves to the evening: both breakouts now lock then.
        HttpResponse<String> moved = api.json("POST", "/api/sessions/" + id("wrap-up-12") + "/move", organiserToken(),
                "{\"day\": \"2027-10-11\", \"start\": \"18:00\", \"end\": \"19:00\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        // Cancelled: no wrap-up follows, the end of the conference decides.
        assertThat(api.post("/api/sessions/" + id("wrap-up-12") + "/cancel", organiserToken()).statusCode())
                .isEqualTo(200);

        for (String breakout : List.of(housing, water)) {
            List<ProgrammeApi.Event> events = awaitLockEvents(breakout, 3);
            events.forEach(e -> EventSchemaAssertions.assertValidEvent(e.raw()));
            assertThat(events).extracting(e -> e.data().get("source").asString())
                    .containsExactly("WRAP_UP", "WRAP_UP", "CONFERENCE_END");
            assertThat(events).extracting(e -> instant(e, "lockAt")).containsExactly(at("2027-10-12T09:00"),
                    at("2027-10-11T18:00"), at("2027-10-14T00:00"));
            assertThat(events).allSatisfy(e -> assertThat(e.data().get("changedBy").isNull()).isTrue());
        }
        // A cancelled breakout announces nothing more, and nothing else arrived for the title change.
        assertThat(api.post("/api/sessions/" + housing + "/cancel", organiserToken()).statusCode()).isEqualTo(200);
        awaitEvents(housing, "session.cancelled.v1", 1);
        assertThat(lockEvents(housing)).hasSize(3);
    }

    @Test
    void racingOrganisersNeverAnnounceTheSameDecisionTwiceInARow() throws Exception {
        String housing = schedule("d1-housing", "BREAKOUT", "2027-10-11", "12:00", "13:30", "Room 1");
        String lockPath = "/api/sessions/" + housing + "/conclusions/lock";
        java.util.Random random = new java.util.Random(7);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int action = random.nextInt(4);
                int hour = 14 + random.nextInt(8);
                answers.add(pool.submit(() -> switch (action) {
                    case 0 -> api.post(lockPath, organiserToken()).statusCode();
                    case 1 -> api.send("DELETE", lockPath, organiserToken(), "en").statusCode();
                    case 2 -> api.json("POST", "/api/sessions/" + housing + "/conclusions/unlock", organiserToken(),
                            "{\"relockAt\": \"2027-10-11T%02d:00:00+01:00\"}".formatted(hour)).statusCode();
                    default -> api.json("PUT", lockPath, organiserToken(),
                            "{\"lockAt\": \"2027-10-11T%02d:00:00+01:00\"}".formatted(hour)).statusCode();
                }));
            }
            for (java.util.concurrent.Future<Integer> answer : answers) {
                assertThat(answer.get()).as("applied, or refused after losing every race").isIn(200, 409);
            }
        } finally {
            pool.shutdownNow();
        }
        // A last setting no racer used: once its event is on the topic, every earlier one is too (one key, in order).
        HttpResponse<String> last = api.json("PUT", lockPath, organiserToken(),
                "{\"lockAt\": \"2027-10-11T23:30:00+01:00\"}");
        assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
        await().atMost(DEADLINE).until(() -> lockEvents(housing).stream()
                .anyMatch(e -> !e.data().get("lockAt").isNull() && instant(e, "lockAt").equals(at("2027-10-11T23:30"))));

        List<ProgrammeApi.Event> events = lockEvents(housing);
        for (int i = 1; i < events.size(); i++) {
            assertThat(signature(events.get(i))).as("event %d repeats the one before", i)
                    .isNotEqualTo(signature(events.get(i - 1)));
        }
        ProgrammeApi.Event newest = events.get(events.size() - 1);
        assertThat(newest.data().get("source").asString()).isEqualTo("BREAKOUT");
        assertThat(instant(newest, "lockAt")).isEqualTo(at("2027-10-11T23:30"));
    }

    private static String signature(ProgrammeApi.Event event) {
        return event.data().get("lockAt") + "|" + event.data().get("source") + "|" + event.data().get("relockAt");
    }

    private List<ProgrammeApi.Event> awaitLockEvents(String sessionId, int count) {
        return awaitEvents(sessionId, TYPE, count);
    }

    private List<ProgrammeApi.Event> awaitEvents(String sessionId, String type, int count) {
        await().atMost(DEADLINE).until(() -> api.events().stream()
                .filter(e -> sessionId.equals(e.key()) && e.type().equals(type)).count() >= count);
        List<ProgrammeApi.Event> found = api.events().stream()
                .filter(e -> sessionId.equals(e.key()) && e.type().equals(type)).toList();
        assertThat(found).as("exactly %d %s for %s", count, type, sessionId).hasSize(count);
        return found;
    }

    private List<ProgrammeApi.Event> lockEvents(String sessionId) {
        return api.events().stream().filter(e -> sessionId.equals(e.key()) && e.type().equals(TYPE)).toList();
    }

    private static java.time.Instant instant(ProgrammeApi.Event event, String field) {
        return OffsetDateTime.parse(event.data().get(field).asString()).toInstant();
    }

    private String organiserToken() {
        return tokens.token(organiser, "organiser");
    }

    private String id(String key) {
        return ProgrammeSession.idFor(conference, key);
    }

    /** A local time of the congress (Africa/Casablanca, +01:00 in October 2027). */
    private static java.time.Instant at(String local) {
        return OffsetDateTime.parse(local + ":00+01:00").toInstant();
    }

    private String session(String key, String kind, String day, String start, String end, String room, String title) {
        return """
                {"key": "%s", "kind": "%s", "day": "%s", "start": "%s", "end": "%s", "room": "%s",
                 "format": "HYBRID", "floorLanguages": ["en", "fr"], "moderatorIds": ["%s"],
                 "title": {"en": "%s", "fr": "%s (fr)", "es": "%s (es)"}}"""
                .formatted(key, kind, day, start, end, room, moderator, title, title, title);
    }

    private String schedule(String key, String kind, String day, String start, String end, String room) {
        HttpResponse<String> created = api.json("POST", "/api/sessions/conferences/" + conference + "/sessions",
                organiserToken(), session(key, kind, day, start, end, room, key));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return api.read(created).get("id").asString();
    }
}

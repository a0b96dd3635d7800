package dev.hybridconf.session.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.stream.StreamSupport;

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
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * When breakout conclusions lock, over real HTTP and Redis, on a World-Congress-shaped week in
 * Africa/Casablanca (five days, 11–15 October 2027, +01:00): each morning's wrap-up reports on the
 * previous day's breakouts, so a breakout's conclusions lock when the first wrap-up after it starts,
 * on a later day if need be, and at the end of the conference when no wrap-up follows. Moving or
 * cancelling sessions moves the lock; organisers set (and clear) a lock time for a breakout or a day,
 * validated, refused to anyone else, in the reader's language.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
@Import(AdjustableClock.Config.class)
class ConclusionLockTests {

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

    @BeforeEach
    void week() {
        clock.setTo(at("2027-10-11T08:00"));
        api = new ProgrammeApi(port, bootstrap, topics.physical("session.events"));
        moderator = UUID.randomUUID().toString();
        conference = "congress-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = api.json("POST", "/api/sessions/conferences", tokens.organiser(), """
                {"id": "%s", "name": {"en": "World Congress", "fr": "Congrès mondial", "es": "Congreso mundial"},
                 "timeZone": "Africa/Casablanca", "languages": ["en", "fr", "es"], "startDate": "2027-10-11",
                 "endDate": "2027-10-15", "days": [{"date": "2027-10-11"}, {"date": "2027-10-12"},
                 {"date": "2027-10-13"}, {"date": "2027-10-14"}, {"date": "2027-10-15"}]}""".formatted(conference));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        for (int day = 12; day <= 15; day++) {
            schedule("wrap-up-" + day, "WRAP_UP", "2027-10-" + day, "09:00", "10:00", "Plenary hall");
        }
    }

    @Test
    void conclusionsLockWhenTheWrapUpThatReportsOnThemStarts() {
        String day1 = schedule("d1-housing", "BREAKOUT", "2027-10-11", "12:00", "13:30", "Room 1");
        String day2 = schedule("d2-housing", "BREAKOUT", "2027-10-12", "12:00", "13:30", "Room 1");
        String day2Parallel = schedule("d2-water", "BREAKOUT", "2027-10-12", "12:00", "13:30", "Room 2");
        String lastDay = schedule("d5-culture", "BREAKOUT", "2027-10-15", "12:00", "13:30", "Room 1");

        JsonNode first = lock(day1);
        assertThat(first.get("lockAt").asString()).as("the next morning's wrap-up, not midnight")
                .isEqualTo("2027-10-12T09:00+01:00");
        assertThat(first.get("source").asString()).isEqualTo("WRAP_UP");
        assertThat(first.get("wrapUpSessionId").asString()).isEqualTo(id("wrap-up-12"));
        assertThat(lock(day2).get("lockAt").asString()).as("not the same morning's wrap-up, before it started")
                .isEqualTo("2027-10-13T09:00+01:00");
        assertThat(lock(day2Parallel).get("lockAt").asString()).isEqualTo("2027-10-13T09:00+01:00");
        JsonNode last = lock(lastDay);
        assertThat(last.get("lockAt").asString()).as("no wrap-up follows: the end of the conference")
                .isEqualTo("2027-10-16T00:00+01:00");
        assertThat(last.get("source").asString()).isEqualTo("CONFERENCE_END");
        assertThat(last.get("wrapUpSessionId").isNull()).isTrue();

        clock.setTo(at("2027-10-12T15:00"));
        HttpResponse<String> afternoon = post(day2);
        assertThat(afternoon.statusCode()).as("day 2's moderators write after their breakout: " + afternoon.body())
                .isEqualTo(200);
        assertThat(post(day1).statusCode()).as("day 1's wrap-up has started").isEqualTo(409);
        clock.setTo(at("2027-10-13T09:00"));
        HttpResponse<String> locked = post(day2);
        assertThat(locked.statusCode()).isEqualTo(409);
        assertThat(api.read(locked).get("lockedAt").asString()).isEqualTo("2027-10-13T09:00+01:00");
    }

    @Test
    void aBreakoutAfterTheDaysWrapUpReportsToALaterOneAndTheLastToTheEndOfTheConference() {
        schedule("wrap-up-12-evening", "WRAP_UP", "2027-10-12", "18:00", "19:00", "Plenary hall");
        String morning = schedule("d2-morning", "BREAKOUT", "2027-10-12", "10:30", "12:00", "Room 1");
        String afternoon = schedule("d2-afternoon", "BREAKOUT", "2027-10-12", "14:00", "15:30", "Room 1");
        String evening = schedule("d2-evening", "BREAKOUT", "2027-10-12", "17:30", "19:30", "Room 1");
        String runsIntoIt = schedule("d2-late", "BREAKOUT", "2027-10-12", "17:00", "18:30", "Room 2");

        assertThat(lock(morning).get("lockAt").asString()).as("two wrap-ups a day: the first after it")
                .isEqualTo("2027-10-12T18:00+01:00");
        assertThat(lock(afternoon).get("lockAt").asString()).isEqualTo("2027-10-12T18:00+01:00");
        assertThat(lock(evening).get("lockAt").asString()).as("ends after the day's last wrap-up started")
                .isEqualTo("2027-10-13T09:00+01:00");
        assertThat(lock(runsIntoIt).get("lockAt").asString()).as("a wrap-up starting before it ends cannot report on it")
                .isEqualTo("2027-10-13T09:00+01:00");
    }

    @Test
    void movingOrCancellingSessionsMovesTheLock() {
        String day1 = schedule("d1-housing", "BREAKOUT", "2027-10-11", "12:00", "13:30", "Room 1");
        assertThat(lock(day1).get("lockAt").asString()).isEqualTo("2027-10-12T09:00+01:00");

        move(id("wrap-up-12"), "2027-10-12", "16:00", "17:00");
        assertThat(lock(day1).get("lockAt").asString()).as("the wrap-up moved").isEqualTo("2027-10-12T16:00+01:00");

        move(id("wrap-up-12"), "2027-10-11", "17:00", "18:00");
        assertThat(lock(day1).get("lockAt").asString()).as("moved to the same day").isEqualTo("2027-10-11T17:00+01:00");
        clock.setTo(at("2027-10-11T17:30"));
        assertThat(post(day1).statusCode()).as("the new time holds for posts").isEqualTo(409);
        clock.setTo(at("2027-10-11T14:00"));

        HttpResponse<String> cancelled = api.post("/api/sessions/" + id("wrap-up-12") + "/cancel", tokens.organiser());
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(lock(day1).get("lockAt").asString()).as("cancelled: the next wrap-up")
                .isEqualTo("2027-10-13T09:00+01:00");

        move(day1, "2027-10-14", "12:00", "13:30");
        assertThat(lock(day1).get("lockAt").asString()).as("the breakout moved").isEqualTo("2027-10-15T09:00+01:00");
        assertThat(post(day1).statusCode()).isEqualTo(200);
    }

    @Test
    void anOrganiserSetsAndClearsALockTimeForABreakoutAndForADay() {
        String housing = schedule("d2-housing", "BREAKOUT", "2027-10-12", "12:00", "13:30", "Room 1");
        String water = schedule("d2-water", "BREAKOUT", "2027-10-12", "12:00", "13:30", "Room 2");
        String lockPath = "/api/sessions/" + housing + "/conclusions/lock";
        String dayPath = "/api/sessions/conferences/" + conference + "/days/2027-10-12/conclusions-lock";

        assertThat(api.json("PUT", lockPath, moderatorToken(), lockAt("2027-10-12T20:00:00+01:00")).statusCode())
                .as("moderators read the lock, organisers set it").isEqualTo(403);
        assertThat(api.json("PUT", dayPath, moderatorToken(), lockAt("2027-10-12T20:00:00+01:00")).statusCode())
                .isEqualTo(403);
        assertThat(api.send("DELETE", lockPath, moderatorToken(), "en").statusCode()).isEqualTo(403);
        assertThat(api.send("DELETE", dayPath, moderatorToken(), "en").statusCode()).isEqualTo(403);

        HttpResponse<String> set = api.json("PUT", lockPath, tokens.organiser(), lockAt("2027-10-12T20:00:00+01:00"));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(api.read(set).get("lockAt").asString()).isEqualTo("2027-10-12T20:00+01:00");
        assertThat(api.read(set).get("source").asString()).isEqualTo("BREAKOUT");
        assertThat(api.read(set).get("override").asString()).isEqualTo("LOCK_AT");
        assertThat(api.read(set).get("wrapUpLockAt").asString()).as("what the programme alone would give")
                .isEqualTo("2027-10-13T09:00+01:00");

        HttpResponse<String> day = api.json("PUT", dayPath, tokens.organiser(), lockAt("2027-10-12T22:00:00+02:00"));
        assertThat(day.statusCode()).as(day.body()).isEqualTo(200);
        assertThat(api.read(day).get("lockAt").asString()).isEqualTo("2027-10-12T21:00+01:00");
        assertThat(api.read(api.get(dayPath, tokens.participant())).get("lockAt").asString())
                .isEqualTo("2027-10-12T21:00+01:00");
        assertThat(lock(water).get("lockAt").asString()).as("the day's time").isEqualTo("2027-10-12T21:00+01:00");
        assertThat(lock(water).get("source").asString()).isEqualTo("DAY");
        assertThat(lock(housing).get("lockAt").asString()).as("the breakout's own time wins")
                .isEqualTo("2027-10-12T20:00+01:00");

        JsonNode overview = api.read(api.get("/api/sessions/" + water + "/overview", moderatorToken()));
        assertThat(overview.get("conclusions").isNull()).isTrue();
        assertThat(overview.get("conclusionsLock").get("lockAt").asString())
                .as("moderators see when they lock before posting").isEqualTo("2027-10-12T21:00+01:00");

        clock.setTo(at("2027-10-12T20:30"));
        assertThat(post(housing).statusCode()).isEqualTo(409);
        assertThat(post(water).statusCode()).isEqualTo(200);
        clock.setTo(at("2027-10-12T14:00"));

        HttpResponse<String> cleared = api.send("DELETE", lockPath, tokens.organiser(), "en");
        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
        assertThat(api.read(cleared).get("source").asString()).isEqualTo("DAY");
        assertThat(api.read(cleared).get("override").isNull()).isTrue();
        HttpResponse<String> dayCleared = api.send("DELETE", dayPath, tokens.organiser(), "en");
        assertThat(dayCleared.statusCode()).as(dayCleared.body()).isEqualTo(200);
        assertThat(api.read(dayCleared).get("lockAt").isNull()).isTrue();
        assertThat(lock(housing).get("lockAt").asString()).isEqualTo("2027-10-13T09:00+01:00");
        assertThat(lock(housing).get("source").asString()).isEqualTo("WRAP_UP");
    }

    @Test
    void aLockTimeBeforeTheBreakoutEndsInThePastOrMalformedIsRefusedInTheReadersLanguage() {
        String housing = schedule("d2-housing", "BREAKOUT", "2027-10-12", "12:00", "13:30", "Room 1");
        String lockPath = "/api/sessions/" + housing + "/conclusions/lock";

        HttpResponse<String> early = api.file("PUT", lockPath, tokens.organiser(), "application/json",
                lockAt("2027-10-12T13:00:00+01:00").getBytes(java.nio.charset.StandardCharsets.UTF_8), "fr");
        assertThat(early.statusCode()).as(early.body()).isEqualTo(400);
        assertThat(early.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.read(early).get("type").asString()).endsWith("/validation");
        assertThat(message(early, "lockAt")).contains("2027-10-12T13:30+01:00").contains("avant la fin de leur atelier");
        HttpResponse<String> earlyEs = api.file("PUT", lockPath, tokens.organiser(), "application/json",
                lockAt("2027-10-12T13:00:00+01:00").getBytes(java.nio.charset.StandardCharsets.UTF_8), "es");
        assertThat(message(earlyEs, "lockAt")).contains("antes de que termine su grupo de trabajo");

        clock.setTo(at("2027-10-12T15:00"));
        HttpResponse<String> past = api.json("PUT", lockPath, tokens.organiser(), lockAt("2027-10-12T14:00:00+01:00"));
        assertThat(past.statusCode()).as("after the breakout, but already past").isEqualTo(400);
        assertThat(message(past, "lockAt")).contains("in the past");

        for (String bad : new String[] { "{\"lockAt\": \"tomorrow\"}", "{\"lockAt\": \"2027-10-12T20:00:00\"}",
                "{\"lockAt\": 1823000000}", "{}", "{\"lockAt\": null}", "[]", "\"2027-10-12T20:00:00+01:00\"",
                "{\"lockAt\": \"+999999999-12-31T23:59:59-18:00\"}", "{\"lockAt\": \"2030-01-01T00:00:00Z\"}" }) {
            HttpResponse<String> refused = api.json("PUT", lockPath, tokens.organiser(), bad);
            assertThat(refused.statusCode()).as(bad + " → " + refused.body()).isEqualTo(400);
            assertThat(api.read(refused).get("type").asString()).endsWith("/validation");
        }
        HttpResponse<String> unknown = api.json("PUT", lockPath, tokens.organiser(),
                "{\"lockAt\": \"2027-10-12T20:00:00+01:00\", \"reason\": \"late\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(message(unknown, "reason")).isNotBlank();
        HttpResponse<String> relock = api.json("POST", "/api/sessions/" + housing + "/conclusions/unlock",
                tokens.organiser(), "{\"relockAt\": \"2027-10-12T14:30:00+01:00\"}");
        assertThat(relock.statusCode()).as("a re-lock time in the past").isEqualTo(400);
        assertThat(message(relock, "relockAt")).isNotBlank();
        assertThat(lock(housing).get("override").isNull()).as("nothing was written").isTrue();

        String dayPath = "/api/sessions/conferences/" + conference + "/days/2027-10-12/conclusions-lock";
        HttpResponse<String> beforeLastBreakout = api.json("PUT", dayPath, tokens.organiser(),
                lockAt("2027-10-12T13:00:00+01:00"));
        assertThat(beforeLastBreakout.statusCode()).isEqualTo(400);
        HttpResponse<String> badDate = api.json("PUT", "/api/sessions/conferences/" + conference
                + "/days/12-10-2027/conclusions-lock", tokens.organiser(), lockAt("2027-10-12T20:00:00+01:00"));
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(message(badDate, "date")).isNotBlank();
        assertThat(api.json("PUT", "/api/sessions/conferences/" + conference + "/days/2027-10-20/conclusions-lock",
                tokens.organiser(), lockAt("2027-10-20T20:00:00+01:00")).statusCode()).as("not a day of it")
                .isEqualTo(404);
        assertThat(api.get("/api/sessions/conferences/no-such-conference/days/2027-10-12/conclusions-lock",
                tokens.participant()).statusCode()).isEqualTo(404);
        String plenary = schedule("d2-plenary", "PLENARY", "2027-10-12", "16:00", "17:00", "Plenary hall");
        assertThat(api.json("PUT", "/api/sessions/" + plenary + "/conclusions/lock", tokens.organiser(),
                lockAt("2027-10-12T20:00:00+01:00")).statusCode()).isEqualTo(409);
    }

    @Test
    void aBreakoutMovedPastItsLockTimeIsNotLockedBeforeItEnds() {
        String housing = schedule("d2-housing", "BREAKOUT", "2027-10-12", "12:00", "13:30", "Room 1");
        assertThat(api.json("PUT", "/api/sessions/" + housing + "/conclusions/lock", tokens.organiser(),
                lockAt("2027-10-12T15:00:00+01:00")).statusCode()).isEqualTo(200);

        move(housing, "2027-10-12", "14:30", "16:00");

        JsonNode lock = lock(housing);
        assertThat(lock.get("overrideLockAt").asString()).isEqualTo("2027-10-12T15:00+01:00");
        assertThat(lock.get("lockAt").asString()).as("the organiser's time would fall inside the breakout")
                .isEqualTo("2027-10-13T09:00+01:00");
        assertThat(lock.get("source").asString()).isEqualTo("WRAP_UP");
    }

    private JsonNode lock(String sessionId) {
        HttpResponse<String> response = api.get("/api/sessions/" + sessionId + "/conclusions/lock", moderatorToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return api.read(response);
    }

    private HttpResponse<String> post(String sessionId) {
        return api.json("PUT", "/api/sessions/" + sessionId + "/conclusions", moderatorToken(), """
                {"language": "fr", "summary": "Les villes ont besoin de financements directs.", "sdgs": [11]}""");
    }

    private void move(String sessionId, String day, String start, String end) {
        HttpResponse<String> moved = api.json("POST", "/api/sessions/" + sessionId + "/move", tokens.organiser(),
                "{\"day\": \"%s\", \"start\": \"%s\", \"end\": \"%s\"}".formatted(day, start, end));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    }

    private String message(HttpResponse<String> problem, String field) {
        return StreamSupport.stream(api.read(problem).get("errors").spliterator(), false)
                .filter(e -> e.get("field").asString().equals(field)).findFirst()
                .map(e -> e.get("message").asString()).orElseThrow(() -> new AssertionError(problem.body()));
    }

    private String moderatorToken() {
        return tokens.token(moderator, "participant");
    }

    private String id(String key) {
        return ProgrammeSession.idFor(conference, key);
    }

    private static String lockAt(String at) {
        return "{\"lockAt\": \"%s\"}".formatted(at);
    }

    /** A local time of the congress (Africa/Casablanca, +01:00 in October 2027). */
    private static java.time.Instant at(String local) {
        return OffsetDateTime.parse(local + ":00+01:00").toInstant();
    }

    private String schedule(String key, String kind, String day, String start, String end, String room) {
        HttpResponse<String> created = api.json("POST", "/api/sessions/conferences/" + conference + "/sessions",
                tokens.organiser(), """
                        {"key": "%s", "kind": "%s", "day": "%s", "start": "%s", "end": "%s", "room": "%s",
                         "format": "HYBRID", "floorLanguages": ["en", "fr"], "moderatorIds": ["%s"],
                         "title": {"en": "%s", "fr": "%s (fr)", "es": "%s (es)"}}"""
                        .formatted(key, kind, day, start, end, room, moderator, key, key, key));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return api.read(created).get("id").asString();
    }
}

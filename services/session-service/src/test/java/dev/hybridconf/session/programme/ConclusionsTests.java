package dev.hybridconf.session.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import tools.jackson.databind.JsonNode;

/**
 * Breakout conclusions over real HTTP, Kafka and Redis: only the breakout's moderators (and
 * organisers) post them; every revision is kept and published; they lock when the wrap-up that
 * reports on them starts (else at the end of the conference) and organisers unlock them
 * ({@link ConclusionLockTests} has the rest of the lock); other kinds of session and bad fields are refused, writing
 * nothing. (In the programme test package to share its token issuer and API client.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
@Import(AdjustableClock.Config.class)
class ConclusionsTests {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** 13:30 in Barcelona on the first day: after the breakout, before the 17:00 wrap-up. */
    private static final OffsetDateTime AFTER_BREAKOUT = OffsetDateTime.parse("2024-11-07T13:30:00+01:00");

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
    private String breakout;

    @BeforeEach
    void programme() {
        clock.setTo(AFTER_BREAKOUT.toInstant());
        api = new ProgrammeApi(port, bootstrap, topics.physical("session.events"));
        moderator = UUID.randomUUID().toString();
        conference = api.createLocalAction("conf", tokens.organiser());
        breakout = schedule("livelihoods", "BREAKOUT", "2024-11-07", "11:30", "13:00", "Room A");
        schedule("trends", "WRAP_UP", "2024-11-07", "17:00", "18:00", "Auditorium");
    }

    @Test
    void aParticipantWhoIsNotAModeratorOfTheBreakoutIsRefused() {
        HttpResponse<String> refused = api.json("PUT", conclusions(breakout), tokens.participant(), body("en", "[11]"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.read(refused).get("type").asString()).endsWith("/forbidden");
        assertThat(api.get(conclusions(breakout), tokens.participant()).statusCode()).isEqualTo(404);
    }

    @Test
    void aModeratorPostsAndRevisesAndEveryRevisionIsKeptAndPublished() {
        HttpResponse<String> first = api.json("PUT", conclusions(breakout), moderatorToken(), body("en", "[11, 1]"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(api.read(first).get("revision").asLong()).isEqualTo(1);
        assertThat(api.read(first).get("sdgs")).extracting(JsonNode::asInt).containsExactly(1, 11);

        HttpResponse<String> second = api.json("PUT", conclusions(breakout), moderatorToken(), """
                {"language": "fr", "summary": "Les villes ont besoin de financements directs.",
                 "keyPoints": ["Accès au crédit"], "recommendations": ["Créer un fonds municipal"],
                 "themes": ["finance"], "sdgs": [17]}""");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);

        JsonNode current = api.read(api.get(conclusions(breakout), tokens.participant()));
        assertThat(current.get("revision").asLong()).isEqualTo(2);
        assertThat(current.get("language").asString()).isEqualTo("fr");
        assertThat(current.get("postedBy").asString()).isEqualTo(moderator);
        assertThat(current.get("lock").get("locked").asBoolean()).isFalse();
        assertThat(current.get("lock").get("lockAt").asString()).isEqualTo("2024-11-07T17:00+01:00");

        JsonNode history = api.read(api.get(conclusions(breakout) + "/revisions", tokens.participant()));
        assertThat(history.get("revisions")).extracting(r -> r.get("revision").asLong()).containsExactly(1L, 2L);
        assertThat(history.get("revisions").get(0).get("summary").asString()).isEqualTo("Cities need direct finance.");
        assertThat(history.get("revisions").get(0).get("postedBy").asString()).isEqualTo(moderator);
        assertThat(history.get("revisions").get(0).get("postedAt").asString()).startsWith("2024-11-07T13:3");

        List<ProgrammeApi.Event> posted = awaitConclusions(2);
        assertThat(posted).extracting(e -> e.data().get("revision").asLong()).containsExactly(1L, 2L);
        posted.forEach(e -> EventSchemaAssertions.assertValidEvent(e.raw()));
        assertThat(posted).allSatisfy(e -> assertThat(e.key()).isEqualTo(breakout));
        assertThat(posted.get(0).data().get("day").asString()).isEqualTo("2024-11-07");
        assertThat(posted.get(1).data().get("language").asString()).isEqualTo("fr");
        assertThat(posted.get(1).data().get("sdgs")).extracting(JsonNode::asInt).containsExactly(17);
    }

    @Test
    void conclusionsLockWhenTheWrapUpStartsAndAnOrganiserCanUnlockAndLockThem() {
        assertThat(api.json("PUT", conclusions(breakout), moderatorToken(), body("en", "[11]")).statusCode())
                .isEqualTo(200);
        clock.setTo(OffsetDateTime.parse("2024-11-07T17:00:05+01:00").toInstant());

        HttpResponse<String> locked = api.json("PUT", conclusions(breakout), moderatorToken(), body("en", "[11, 5]"));
        assertThat(locked.statusCode()).as(locked.body()).isEqualTo(409);
        assertThat(api.read(locked).get("type").asString()).endsWith("/conclusions-locked");
        assertThat(api.read(locked).get("detail").asString()).contains("2024-11-07T17:00+01:00");
        HttpResponse<String> lockedFr = api.file("PUT", conclusions(breakout), moderatorToken(), "application/json",
                body("en", "[5]").getBytes(StandardCharsets.UTF_8), "fr");
        assertThat(api.read(lockedFr).get("detail").asString()).contains("verrouillées depuis 2024-11-07T17:00+01:00");
        HttpResponse<String> lockedEs = api.file("PUT", conclusions(breakout), moderatorToken(), "application/json",
                body("en", "[5]").getBytes(StandardCharsets.UTF_8), "es");
        assertThat(api.read(lockedEs).get("detail").asString()).contains("bloqueadas desde 2024-11-07T17:00+01:00");

        HttpResponse<String> byModerator = api.json("POST", conclusions(breakout) + "/unlock", moderatorToken(), "{}");
        assertThat(byModerator.statusCode()).isEqualTo(403);
        HttpResponse<String> unlocked = api.json("POST", conclusions(breakout) + "/unlock", tokens.organiser(), """
                {"relockAt": "2024-11-07T19:00:00+01:00"}""");
        assertThat(unlocked.statusCode()).as(unlocked.body()).isEqualTo(200);
        assertThat(api.read(unlocked).get("locked").asBoolean()).isFalse();
        assertThat(api.read(unlocked).get("lockAt").asString()).isEqualTo("2024-11-07T19:00+01:00");

        HttpResponse<String> late = api.json("PUT", conclusions(breakout), moderatorToken(), body("en", "[11, 5]"));
        assertThat(late.statusCode()).as(late.body()).isEqualTo(200);
        assertThat(api.read(late).get("revision").asLong()).isEqualTo(2);

        assertThat(api.post(conclusions(breakout) + "/lock", tokens.organiser()).statusCode()).isEqualTo(200);
        assertThat(api.json("PUT", conclusions(breakout), moderatorToken(), body("en", "[5]")).statusCode())
                .isEqualTo(409);
        clock.setTo(AFTER_BREAKOUT.toInstant());
        assertThat(api.json("PUT", conclusions(breakout), moderatorToken(), body("en", "[5]")).statusCode())
                .as("an organiser's lock holds before the wrap-up too").isEqualTo(409);
    }

    @Test
    void withNoWrapUpAfterTheBreakoutConclusionsLockAtTheEndOfTheConference() {
        String second = schedule("finance", "BREAKOUT", "2024-11-08", "10:00", "11:30", "Room B");
        String evening = schedule("evening", "BREAKOUT", "2024-11-07", "18:30", "19:30", "Room A");

        JsonNode lock = api.read(api.get(conclusions(second) + "/lock", tokens.participant()));
        assertThat(lock.get("lockAt").asString()).isEqualTo("2024-11-09T00:00+01:00");
        assertThat(lock.get("source").asString()).isEqualTo("CONFERENCE_END");
        assertThat(lock.get("locked").asBoolean()).isFalse();

        JsonNode afterTheWrapUp = api.read(api.get(conclusions(evening) + "/lock", tokens.participant()));
        assertThat(afterTheWrapUp.get("lockAt").asString())
                .as("the day's only wrap-up starts before this breakout: it cannot report on it")
                .isEqualTo("2024-11-09T00:00+01:00");
        clock.setTo(OffsetDateTime.parse("2024-11-07T20:00:00+01:00").toInstant());
        assertThat(api.json("PUT", conclusions(evening), moderatorToken(), body("en", "[11]")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aSessionPageShowsTheSessionWithItsModeratorsAndCurrentConclusionsInTheViewersZone() {
        JsonNode before = api.read(api.get("/api/sessions/" + breakout + "/overview?tz=Asia/Seoul", tokens.participant()));
        assertThat(before.get("session").get("moderatorIds")).extracting(JsonNode::asString).containsExactly(moderator);
        assertThat(before.get("session").get("start").asString()).isEqualTo("2024-11-07T19:30:00+09:00");
        assertThat(before.get("conclusions").isNull()).as("nothing posted yet").isTrue();
        assertThat(before.get("conclusionsLock").get("lockAt").asString()).as("in the conference zone")
                .isEqualTo("2024-11-07T17:00+01:00");

        assertThat(api.json("PUT", conclusions(breakout), moderatorToken(), body("en", "[11]")).statusCode()).isEqualTo(200);

        JsonNode after = api.read(api.get("/api/sessions/" + breakout + "/overview", tokens.participant()));
        assertThat(after.get("conclusions").get("revision").asLong()).isEqualTo(1);
        assertThat(after.get("conclusions").get("summary").asString()).isEqualTo("Cities need direct finance.");
        String plenary = schedule("closing", "PLENARY", "2024-11-08", "09:00", "10:00", "Auditorium");
        assertThat(after.get("conclusionsLock").get("source").asString()).isEqualTo("WRAP_UP");
        JsonNode plenaryPage = api.read(api.get("/api/sessions/" + plenary + "/overview", tokens.participant()));
        assertThat(plenaryPage.get("conclusions").isNull()).isTrue();
        assertThat(plenaryPage.get("conclusionsLock").isNull()).isTrue();
        assertThat(api.get("/api/sessions/" + UUID.randomUUID() + "/overview", tokens.participant()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void onlyBreakoutsHaveConclusions() {
        String plenary = schedule("opening", "PLENARY", "2024-11-07", "09:00", "10:00", "Auditorium");

        HttpResponse<String> refused = api.json("PUT", conclusions(plenary), tokens.organiser(), body("en", "[11]"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(api.read(refused).get("type").asString()).endsWith("/not-a-breakout");
    }

    @Test
    void badFieldsAreRefusedOneByOneAndNothingIsWritten() {
        HttpResponse<String> refused = api.json("PUT", conclusions(breakout), moderatorToken(), """
                {"language": "de", "summary": " ", "keyPoints": ["ok", ""], "sdgs": [11, 18, 11], "mood": "good"}""");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = api.read(refused);
        assertThat(problem.get("type").asString()).endsWith("/validation");
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asString())
                .contains("language", "summary", "keyPoints[1]", "sdgs[1]", "sdgs[2]", "mood");
        JsonNode sdg = java.util.stream.StreamSupport.stream(problem.get("errors").spliterator(), false)
                .filter(e -> e.get("field").asString().equals("sdgs[1]")).findFirst().orElseThrow();
        assertThat(sdg.get("message").asString()).contains("1", "17");
        assertThat(api.get(conclusions(breakout), tokens.participant()).statusCode()).isEqualTo(404);
    }

    @Test
    void controlCharactersAndDirectionOverridesAreRefusedButLineBreaksInTheSummaryAndEveryScriptAreKept() {
        HttpResponse<String> refused = api.json("PUT", conclusions(breakout), moderatorToken(), """
                        {"language": "fr", "summary": "Financement\\u0000 direct",
                         "keyPoints": ["Crédit\\u202Eetats"], "recommendations": ["Un\\nfonds"],
                         "themes": ["fin\\u0007ance"]}""", "fr");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = api.read(refused);
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("summary", "keyPoints[0]", "recommendations[0]", "themes[0]");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("texte simple");
        assertThat(api.get(conclusions(breakout), tokens.participant()).statusCode()).isEqualTo(404);

        HttpResponse<String> kept = api.json("PUT", conclusions(breakout), moderatorToken(), """
                {"language": "es", "summary": "Las ciudades necesitan\\nfinanciación directa. المدن 🌍",
                 "keyPoints": ["Acceso al crédito"], "themes": ["finanzas"]}""");
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        assertThat(api.read(api.get(conclusions(breakout), tokens.participant())).toString())
                .contains("necesitan\\nfinanciación", "المدن 🌍");
    }

    private String moderatorToken() {
        return tokens.token(moderator, "participant");
    }

    private static String conclusions(String sessionId) {
        return "/api/sessions/" + sessionId + "/conclusions";
    }

    private static String body(String language, String sdgs) {
        return """
                {"language": "%s", "summary": "Cities need direct finance.",
                 "keyPoints": ["Access to credit", "Own revenues"], "recommendations": ["Create a municipal fund"],
                 "themes": ["finance", "local economy"], "sdgs": %s}""".formatted(language, sdgs);
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

    private List<ProgrammeApi.Event> awaitConclusions(int count) {
        await().atMost(DEADLINE).until(() -> conclusionEvents().size() >= count);
        return conclusionEvents();
    }

    private List<ProgrammeApi.Event> conclusionEvents() {
        return api.events(conference).stream().filter(e -> e.type().equals("session.conclusion-posted.v1"))
                .filter(e -> breakout.equals(e.key())).toList();
    }
}

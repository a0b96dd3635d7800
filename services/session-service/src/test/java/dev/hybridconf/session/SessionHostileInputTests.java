package dev.hybridconf.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import dev.hybridconf.testinfra.hostile.HostileInputContract;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint of the session service (programme, live status, enrolment, conclusions, exports,
 * participants) meets the hostile-input corpus in its path, query, headers and body: never a 5xx, every
 * refusal problem details, nothing written by a refused request.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class SessionHostileInputTests extends HostileInputContract {

    static final String CONFERENCE = "hostile-conference";
    static final String PARTICIPANT = "5b8a1d9e-3c47-4f0a-9e6b-2d1c0f4a7e21";

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @LocalServerPort
    int servicePort;

    private String sessionId;

    @BeforeAll
    void aConferenceWithASession() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> conference = http.send(HttpRequest.newBuilder(url("/api/sessions/conferences"))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(conferenceBody(CONFERENCE))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(conference.statusCode()).as(conference.body()).isEqualTo(201);
        HttpResponse<String> session = http.send(HttpRequest.newBuilder(url("/api/sessions/conferences/" + CONFERENCE
                + "/sessions")).header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(sessionBody("breakout-a"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
        sessionId = JsonMapper.builder().build().readTree(session.body()).get("id").asString();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + servicePort + path);
    }

    @Override
    protected String token() {
        return TestTokens.shared().token(PARTICIPANT, "participant", "moderator", "rapporteur", "streaming-staff",
                "interpreter", "organiser");
    }

    @Override
    protected Map<String, String> pathSamples() {
        return Map.of("conferenceId", CONFERENCE, "sessionId", sessionId, "date", "2026-06-02",
                "registrationId", PARTICIPANT, "token", "0123456789abcdef0123456789abcdef", "topic", "registration.events",
                "partition", "0", "offset", "0");
    }

    @Override
    protected Map<String, String> exampleQueries() {
        return Map.of("POST /api/sessions/me/calendar-token", "conference=" + CONFERENCE,
                "GET /api/sessions/participants/summary", "conference=" + CONFERENCE);
    }

    @Override
    protected Map<String, Body> exampleBodies() {
        String conferenceId = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        // A lock time the way an organiser writes it: with an offset, a day from now.
        String lockAt = "{\"lockAt\": \"" + java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(2)).plusDays(1)
                .withNano(0) + "\"}";
        String file = """
                {"conference": %s,
                 "days": [{"date": "2026-06-02", "theme": {"en": "Finance", "fr": "Financement", "es": "Financiación"}}],
                 "sessions": [%s]}""".formatted(conferenceBody(CONFERENCE).replaceFirst(",\\s*\"days\": \\[[^]]*]", ""),
                sessionBody("breakout-a"));
        return Map.ofEntries(
                Map.entry("POST /api/sessions/operations/dead-letters/{topic}/replay", Body.json("{\"records\":[{\"partition\":0,\"offset\":0}]}")),
                Map.entry("POST /api/sessions/conferences", Body.json(conferenceBody(conferenceId))),
                Map.entry("PUT /api/sessions/conferences/{conferenceId}", Body.json(conferenceBody(CONFERENCE))),
                Map.entry("PUT /api/sessions/conferences/{conferenceId}/days/{date}",
                        Body.json("{\"theme\": {\"en\": \"Finance\", \"fr\": \"Financement\", \"es\": \"Financiación\"}}")),
                Map.entry("POST /api/sessions/conferences/{conferenceId}/sessions", Body.json(sessionBody("breakout-b"))),
                Map.entry("PUT /api/sessions/conferences/{conferenceId}/programme", Body.json(file)),
                Map.entry("POST /api/sessions/programmes", Body.json(file)),
                Map.entry("PUT /api/sessions/{sessionId}", Body.json(sessionBody("breakout-a"))),
                Map.entry("POST /api/sessions/{sessionId}/move",
                        Body.json("{\"day\": \"2026-06-02\", \"start\": \"14:00\", \"end\": \"15:30\", \"room\": \"Room B\"}")),
                Map.entry("POST /api/sessions/{sessionId}/live", Body.json("{\"status\": \"LIVE\"}")),
                Map.entry("PUT /api/sessions/{sessionId}/conclusions", Body.json("""
                        {"language": "fr", "summary": "Les villes financent l'action locale.",
                         "keyPoints": ["Budgets participatifs"], "recommendations": ["Mutualiser"],
                         "themes": ["finance"], "sdgs": [11, 17]}""")),
                Map.entry("POST /api/sessions/{sessionId}/conclusions/unlock", Body.json("{\"reason\": \"Typo\"}")),
                Map.entry("PUT /api/sessions/{sessionId}/conclusions/lock", Body.json(lockAt)),
                Map.entry("PUT /api/sessions/conferences/{conferenceId}/days/{date}/conclusions-lock", Body.json(lockAt)));
    }

    @Override
    protected List<String> backgroundKeys() {
        return List.of("*:processed:*");
    }

    private static String conferenceBody(String id) {
        return """
                {"id": "%s", "name": {"en": "Local Action", "fr": "Action locale", "es": "Acción local"},
                 "timeZone": "Europe/Madrid", "languages": ["en", "fr", "es"], "startDate": "2026-06-01",
                 "endDate": "2026-06-03", "invitationOnly": false,
                 "registration": {"inPersonCapacity": 120, "remoteCapacity": 800,
                                  "opensAt": "2026-03-01T09:00:00+01:00", "closesAt": "2026-05-31T23:59:00+02:00"},
                 "days": [{"date": "2026-06-02", "theme": {"en": "Finance", "fr": "Financement", "es": "Financiación"}}]}"""
                .formatted(id);
    }

    private static String sessionBody(String key) {
        return """
                {"key": "%s", "kind": "BREAKOUT", "day": "2026-06-02", "start": "11:30", "end": "13:00",
                 "room": "Room A", "track": "finance", "floorLanguages": ["en", "fr"], "format": "HYBRID",
                 "publiclyStreamed": false, "capacity": 40, "moderatorIds": ["%s"], "speakers": ["Amina Diallo"],
                 "rapporteurId": "%s", "slot": "morning",
                 "title": {"en": "Financing local action", "fr": "Financer l'action locale", "es": "Financiar la acción local"},
                 "description": {"en": "How cities pay.", "fr": "Comment les villes paient.", "es": "Cómo pagan las ciudades."}}"""
                .formatted(key, PARTICIPANT, PARTICIPANT);
    }
}

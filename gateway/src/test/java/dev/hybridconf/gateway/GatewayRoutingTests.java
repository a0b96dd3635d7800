package dev.hybridconf.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Each path prefix reaches its service, with path, query, body and token passed on unchanged. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayRoutingTests {

    private static final TestIssuer issuer = TestIssuer.start();
    private static final EchoUpstreams upstreams = EchoUpstreams.start();

    @DynamicPropertySource
    static void upstreamsAndIssuer(DynamicPropertyRegistry registry) {
        upstreams.register(registry);
        issuer.register(registry);
    }

    @AfterAll
    static void stop() {
        upstreams.close();
        issuer.close();
    }

    @Autowired
    WebTestClient client;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/registrations, registration",
            "/api/registrations/5f0c7c1e-2f0a-4a8e-9d55-1f1f3b2c9a10, registration",
            "/api/sessions/participants/summary, session",
            "/api/agenda/2026-06-02?lang=fr, session",
            "/api/programme/days/1/sessions, session",
            "/api/streaming/board?day=2026-06-02, streaming",
            "/api/interpretation/coverage, interpretation",
            "/api/rapporteur/summaries/day-1, rapporteur"})
    void routesEachPrefixToItsServiceWithPathAndTokenIntact(String target, String service) {
        String token = issuer.token("organiser-1", "organiser");

        client.get().uri(target)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.upstream").isEqualTo(service)
                .jsonPath("$.method").isEqualTo("GET")
                .jsonPath("$.target").isEqualTo(target)
                .jsonPath("$.authorization").isEqualTo("Bearer " + token);
    }

    @Test
    void registrationIsOpenToAnonymousVisitors() {
        String registration = """
                {"fullName":"Amina Diallo","email":"amina@example.org","organisation":"City of Dakar",\
                "country":"SN","attendanceMode":"REMOTE","preferredLanguage":"fr","privacyConsent":true}""";

        client.post().uri("/api/registrations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(registration)
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.upstream").isEqualTo("registration")
                .jsonPath("$.target").isEqualTo("/api/registrations")
                .jsonPath("$.authorization").doesNotExist()
                .jsonPath("$.body").isEqualTo(registration);
    }

    @Test
    void anAccessLinkCodeIsExchangedWithoutAToken() {
        client.post().uri("/api/registrations/access-tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"code\":\"abc\"}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.upstream").isEqualTo("registration")
                .jsonPath("$.target").isEqualTo("/api/registrations/access-tokens");
    }

    @Test
    void someoneWhoLostTheirLinkAsksForTheirRegistrationEmailWithoutAToken() {
        client.post().uri("/api/registrations/reminders")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"amina@example.org\"}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.upstream").isEqualTo("registration")
                .jsonPath("$.target").isEqualTo("/api/registrations/reminders");
    }

    @Test
    void calendarAppsReachAPersonalFeedWithoutAToken() {
        client.get().uri("/api/sessions/calendars/0123456789abcdef.ics")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.upstream").isEqualTo("session")
                .jsonPath("$.authorization").doesNotExist();
    }

    @Test
    void calendarAppsReachAnInterpretersScheduleFeedWithoutAToken() {
        client.get().uri("/api/interpretation/calendars/0123456789abcdef.ics")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.upstream").isEqualTo("interpretation")
                .jsonPath("$.authorization").doesNotExist();
    }

    @Test
    void zoomWebhooksReachTheStreamingServiceWithoutAToken() {
        String event = "{\"event\":\"meeting.started\",\"event_ts\":1780000000000}";

        client.post().uri("/webhooks/zoom/events")
                .contentType(MediaType.APPLICATION_JSON)
                .header("x-zm-signature", "v0=abc123")
                .bodyValue(event)
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.upstream").isEqualTo("streaming")
                .jsonPath("$.target").isEqualTo("/webhooks/zoom/events")
                .jsonPath("$.body").isEqualTo(event);
    }

    @Test
    void aPathNoServiceOwnsIsA404ProblemNotAnErrorPage() {
        int before = totalUpstreamRequests();

        client.get().uri("/api/unknown/things")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + issuer.token("organiser-1", "organiser"))
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hybridconf.dev/problems/not-found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.instance").isEqualTo("/api/unknown/things");

        assertThat(totalUpstreamRequests()).isEqualTo(before);
    }

    private static int totalUpstreamRequests() {
        return upstreams.requestCount("registration") + upstreams.requestCount("session")
                + upstreams.requestCount("streaming") + upstreams.requestCount("interpretation")
                + upstreams.requestCount("rapporteur");
    }
}

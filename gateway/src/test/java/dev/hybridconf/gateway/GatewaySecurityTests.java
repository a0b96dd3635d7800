package dev.hybridconf.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.hybridconf.testinfra.TranslationAssertions;

/**
 * Anonymous or badly tokened calls stop at the gateway with a 401 problem and never reach a
 * service; the operational endpoints stay open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewaySecurityTests {

    private static final String UNAUTHENTICATED = "https://hybridconf.dev/problems/unauthenticated";

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

    @Test
    void aProtectedPathWithoutATokenIsA401Problem() {
        int before = upstreams.requestCount("session");

        client.get().uri("/api/sessions/participants/summary")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.type").isEqualTo(UNAUTHENTICATED)
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isEqualTo("A valid bearer token is required for this request.");

        assertThat(upstreams.requestCount("session")).isEqualTo(before);
    }

    @Test
    void theRefusalIsWrittenInTheCallersLanguage() {
        client.get().uri("/api/sessions/participants/summary")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "fr-CA,fr;q=0.9")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.detail").isEqualTo("Cette requête exige un jeton d'accès valide.");
        client.get().uri("/api/sessions/participants/summary")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "de")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.detail").isEqualTo("A valid bearer token is required for this request.");
    }

    @Test
    void everyProblemSentenceExistsInEnglishFrenchAndSpanish() {
        TranslationAssertions.assertCompleteInEnglishFrenchAndSpanish("i18n/gateway-problems");
    }

    @Test
    void onlyPostingARegistrationIsPublicNotReadingOne() {
        client.get().uri("/api/registrations/5f0c7c1e-2f0a-4a8e-9d55-1f1f3b2c9a10")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theListOfConferencesIsPublicSoThePortalCanOfferThemButTheirProgrammesAreNot() {
        int before = upstreams.requestCount("session");

        client.get().uri("/api/sessions/conferences").exchange().expectStatus().isOk();
        assertThat(upstreams.requestCount("session")).isEqualTo(before + 1);
        client.get().uri("/api/sessions/conferences/local-action-2024").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/sessions/conferences/local-action-2024/programme").exchange().expectStatus()
                .isUnauthorized();
        client.post().uri("/api/sessions/conferences").exchange().expectStatus().isUnauthorized();
        assertThat(upstreams.requestCount("session")).isEqualTo(before + 1);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        expectInvalidToken(issuer.tokenFromIssuer("https://someone-else.example", "organiser-1", "organiser"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        expectInvalidToken(issuer.expiredToken("organiser-1", "organiser"));
    }

    @Test
    void aTokenSignedWithAKeyTheIssuerNeverPublishedIsRefused() {
        expectInvalidToken(issuer.tokenSignedWithUnpublishedKey("organiser-1", "organiser"));
    }

    @Test
    void aMalformedTokenIsRefused() {
        expectInvalidToken("not-a-jwt");
    }

    @Test
    void healthAndMetricsNeedNoToken() {
        client.get().uri("/actuator/health")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/readiness")
                .exchange()
                .expectStatus().isOk();

        String metrics = client.get().uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("service=\"gateway\"").contains("instance=\"");
    }

    @Test
    void otherActuatorEndpointsStayClosed() {
        client.get().uri("/actuator/env")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private void expectInvalidToken(String token) {
        int before = upstreams.requestCount("session");

        client.get().uri("/api/sessions/participants/summary")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody()
                .jsonPath("$.type").isEqualTo(UNAUTHENTICATED)
                .jsonPath("$.status").isEqualTo(401);

        assertThat(upstreams.requestCount("session")).isEqualTo(before);
    }
}

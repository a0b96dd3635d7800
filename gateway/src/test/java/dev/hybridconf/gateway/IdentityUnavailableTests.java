package dev.hybridconf.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * When the issuer's signing keys cannot be fetched (the JWK set endpoint is down), the gateway answers a caller with
 * a token 503 {@code upstream-unavailable} in their language (try again): not a 500, not a 401 that would send a
 * participant to sign in again for nothing, and the request never reaches a service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class IdentityUnavailableTests {

    private static final TestIssuer issuer = TestIssuer.start();
    private static final EchoUpstreams upstreams = EchoUpstreams.start();

    @DynamicPropertySource
    static void issuerWhoseKeysDoNotAnswer(DynamicPropertyRegistry registry) {
        upstreams.register(registry);
        int nobody = freePort();
        registry.add("JWT_JWK_SET_URI", () -> "http://127.0.0.1:" + nobody + "/oauth2/jwks");
        registry.add("JWT_ISSUER", issuer::issuer);
    }

    @AfterAll
    static void stop() {
        upstreams.close();
        issuer.close();
    }

    @Autowired
    WebTestClient client;

    @Test
    void aTokenThatCannotBeCheckedIsA503InTheCallersLanguageAndNeverReachesTheService() {
        client.get().uri("/api/sessions/participants/summary")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + issuer.token("organiser-1", "organiser"))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "es")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hybridconf.dev/problems/upstream-unavailable")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .isNotBlank().doesNotContain("Exception"));
        assertThat(upstreams.requestCount("session")).isZero();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.hybridconf.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

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

/**
 * A service that is down, slow or breaks off its answer costs the caller a clear problem detail
 * (503, 504, 502), within the configured timeouts, and never an error page or a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s")
@AutoConfigureWebTestClient
class UpstreamFailureTests {

    private static final TestIssuer issuer = TestIssuer.start();
    private static final EchoUpstreams upstreams = EchoUpstreams.start();
    /** The rapporteur service is "down": nothing listens on its port. */
    private static final String DOWN = "http://localhost:" + closedPort();

    @DynamicPropertySource
    static void upstreamsAndIssuer(DynamicPropertyRegistry registry) {
        upstreams.register(registry, Map.of("rapporteur", DOWN));
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
    void aSlowServiceIsA504ProblemAfterTheResponseTimeout() {
        // The upstream answers only after EchoUpstreams.SLOW_SECONDS; a 504 means the gateway gave up first.
        client.get().uri("/api/sessions/agenda/slow")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hybridconf.dev/problems/upstream-timeout")
                .jsonPath("$.status").isEqualTo(504)
                .jsonPath("$.instance").isEqualTo("/api/sessions/agenda/slow");
    }

    @Test
    void aServiceThatIsDownIsA503Problem() {
        client.get().uri("/api/rapporteur/summaries/day-1")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hybridconf.dev/problems/upstream-unavailable")
                .jsonPath("$.status").isEqualTo(503);
    }

    @Test
    void aSpanishSpeakerIsToldInSpanish() {
        client.get().uri("/api/rapporteur/summaries/day-1")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "es-CO")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.detail").isEqualTo(
                        "El servicio detrás de esta dirección no está disponible en este momento. Inténtelo de nuevo en breve.");
    }

    @Test
    void aBrowserAlsoGetsAProblemNotAWhitelabelPage() {
        String body = client.post().uri("/api/rapporteur/notes")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .accept(MediaType.TEXT_HTML)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).startsWith("{").doesNotContain("Whitelabel", "Exception", "\tat ");
    }

    @Test
    void aServiceThatDropsTheConnectionIsA502Problem() {
        client.get().uri("/api/interpretation/coverage/hang-up")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus().isEqualTo(502)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hybridconf.dev/problems/upstream-failure")
                .jsonPath("$.status").isEqualTo(502);
    }

    @Test
    void theOtherServicesKeepAnsweringMeanwhile() {
        client.get().uri("/api/interpretation/coverage")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.upstream").isEqualTo("interpretation");
    }

    private static String bearer() {
        return "Bearer " + issuer.token("staff-1", "streaming-staff");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

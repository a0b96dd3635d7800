package dev.hybridconf.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.kit.fixture.KitFixtureApplication;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;

/**
 * When the issuer's signing keys cannot be fetched (its JWK set endpoint is down, as when the replica it points at
 * was killed), a caller with a token gets 503 {@code identity-unavailable} in their language, so they try again:
 * never a 500, and never a 401 that would send them to sign in again for nothing.
 */
@SpringBootTest(classes = KitFixtureApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class IdentityUnavailableTests {

    @DynamicPropertySource
    static void issuerWhoseKeysDoNotAnswer(DynamicPropertyRegistry registry) {
        int nobody = freePort();
        registry.add("platform.security.jwk-set-uri", () -> "http://127.0.0.1:" + nobody + "/oauth2/jwks");
        registry.add("platform.security.issuer", () -> TestTokens.shared().issuer());
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTokenThatCannotBeCheckedIsA503InTheCallersLanguage() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/notes/any")).header("Authorization", "Bearer " + TestTokens.shared().token("someone", "organiser"))
                .header("Accept-Language", "fr").GET().build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("https://hybridconf.dev/problems/identity-unavailable")
                .contains("service d’identité").doesNotContain("Exception");
    }

    @Test
    void aTokenThatIsNotATokenIsStillA401() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/notes/any")).header("Authorization", "Bearer not-a-jwt").GET().build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.body()).contains("https://hybridconf.dev/problems/unauthenticated");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.hybridconf.streaming.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.hostile.ProblemAssertions;
import dev.hybridconf.testinfra.hostile.RawHttp;

/**
 * Zoom's two headers are read defensively: whatever bytes {@code x-zm-request-timestamp} or
 * {@code x-zm-signature} hold (UTF-8 emoji, bytes that are not UTF-8, digits past any clock), the
 * webhook is unauthenticated (401 problem details), never a 500, and nothing is handed over.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class ZoomWebhookHeaderTests {

    static final String SECRET = "header-tests-secret";
    static final byte[] BODY = "{\"event\":\"meeting.started\",\"event_ts\":1780000000000,\"payload\":{\"object\":{\"id\":1}}}"
            .getBytes(StandardCharsets.UTF_8);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("platform.zoom.webhooks.secret-token", () -> SECRET);
        dev.hybridconf.testinfra.TestTokens.shared().register(registry);
    }

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"\uD83D\uDE00\uD83C\uDF89", "1780000000\uD83D\uDE00", "Bogotá", "\u00ff", "\u0085"})
    void aTimestampHoldingNonAsciiBytesIsAnUnauthenticatedWebhook(String timestamp) {
        RawHttp.Response response = RawHttp.localhost(port).request("POST", "/webhooks/zoom")
                .header("x-zm-request-timestamp", timestamp.getBytes(StandardCharsets.UTF_8))
                .header("x-zm-signature", ZoomSignature.sign(SECRET, timestamp, BODY))
                .json(BODY).send();

        ProblemAssertions.assertProblem(response, 401, "webhook-signature-invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v0=\uD83D\uDE00", "v0=\u00e9\u00e9", "\u0085", ""})
    void aSignatureHoldingNonAsciiBytesIsAnUnauthenticatedWebhook(String signature) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());

        RawHttp.Response response = RawHttp.localhost(port).request("POST", "/webhooks/zoom")
                .header("x-zm-request-timestamp", timestamp)
                .header("x-zm-signature", signature.getBytes(StandardCharsets.UTF_8))
                .json(BODY).send();

        ProblemAssertions.assertProblem(response, 401, "webhook-signature-invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807", "-9223372036854775808", "99999999999999999999", "1e9", " "})
    void aSignedTimestampNoClockCanReadIsStale(String timestamp) {
        RawHttp.Response response = RawHttp.localhost(port).request("POST", "/webhooks/zoom")
                .header("x-zm-request-timestamp", timestamp)
                .header("x-zm-signature", ZoomSignature.sign(SECRET, timestamp, BODY))
                .json(BODY).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        ProblemAssertions.assertWellFormedProblem(response, "");
    }
}

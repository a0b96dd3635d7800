package dev.hybridconf.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway passes a request's W3C trace to the service it routes to, and writes one access-log line under
 * that trace id: the first link of the chain gateway → service → outbox → every consumer (ADR 0014).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class GatewayTracingTests {

    private static final TestIssuer issuer = TestIssuer.start();
    private static final EchoUpstreams upstreams = EchoUpstreams.start();
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    void aCallersTraceReachesTheServiceAndNamesTheAccessLogLine(CapturedOutput output) {
        String traceId = hex(16);
        String callerSpan = hex(8);

        JsonNode echoed = get("/api/sessions/participants/summary", "00-" + traceId + "-" + callerSpan + "-01");

        String passedOn = echoed.path("traceparent").asString();
        assertThat(passedOn).as("the same trace, in a span of the gateway's own")
                .startsWith("00-" + traceId + "-").doesNotContain(callerSpan);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut()).containsPattern(
                traceId + ".*GET /api/sessions/participants/summary -> 200 in \\d+ ms"));
    }

    @Test
    void aRequestWithoutTraceGetsOneAndTheServiceContinuesIt(CapturedOutput output) {
        JsonNode echoed = get("/api/streaming/board?day=2026-06-02&token=secret-in-the-query", null);

        String passedOn = echoed.path("traceparent").asString();
        assertThat(passedOn).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        String traceId = passedOn.split("-")[1];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern(traceId + ".*GET /api/streaming/board -> 200 in \\d+ ms"));
        assertThat(output.getOut()).as("the query may hold an access token").doesNotContain("secret-in-the-query");
    }

    @Test
    void aMalformedTraceparentIsIgnoredNotFatal() {
        JsonNode echoed = get("/api/interpretation/coverage", "00-not-a-trace-01");

        assertThat(echoed.path("traceparent").asString()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    private JsonNode get(String target, String traceparent) {
        var request = client.get().uri(target)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + issuer.token("organiser-1", "organiser"));
        if (traceparent != null) {
            request = request.header("traceparent", traceparent);
        }
        byte[] body = request.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C forbids
        return HexFormat.of().formatHex(random);
    }
}

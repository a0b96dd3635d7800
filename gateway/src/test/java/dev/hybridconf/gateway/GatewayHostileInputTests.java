package dev.hybridconf.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.testinfra.hostile.HostileValues;
import dev.hybridconf.testinfra.hostile.ProblemAssertions;
import dev.hybridconf.testinfra.hostile.RawHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hostile-input corpus through the gateway, against in-process upstreams that echo what they
 * receive: whatever the gateway refuses itself (a request line or header block above Netty's limits,
 * {@code TRACE} and unknown methods, paths its firewall rejects, headers with control characters) is
 * problem details, never an empty body; whatever it passes on reaches the service unchanged, and a
 * service's own problem details come back unchanged. Never a 5xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayHostileInputTests {

    private static final TestIssuer issuer = TestIssuer.start();
    private static final EchoUpstreams upstreams = EchoUpstreams.start();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One address per route and the portal, as a client reaches them. */
    private static final List<String> ADDRESSES = List.of("/api/registrations/{x}", "/api/sessions/{x}",
            "/api/agenda/{x}", "/api/programme/{x}", "/api/streaming/{x}", "/webhooks/zoom/{x}",
            "/api/interpretation/{x}", "/api/rapporteur/{x}", "/{x}", "/actuator/health/{x}");

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

    @LocalServerPort
    int port;

    private RawHttp http() {
        return RawHttp.localhost(port);
    }

    private String token() {
        return issuer.token("organiser-1", "organiser", "participant", "streaming-staff");
    }

    @TestFactory
    Stream<DynamicNode> everyRouteHandlesTheHostileCorpus() {
        return ADDRESSES.stream().map(address -> DynamicContainer.dynamicContainer(address, Stream.of(
                DynamicTest.dynamicTest("path", () -> check(address, pathAttempts(address))),
                DynamicTest.dynamicTest("query", () -> check(address, queryAttempts(address))),
                DynamicTest.dynamicTest("headers", () -> check(address, headerAttempts(address))),
                DynamicTest.dynamicTest("body", () -> check(address, bodyAttempts(address))),
                DynamicTest.dynamicTest("methods and limits", () -> check(address, methodAttempts(address))))));
    }

    @Test
    void aRequestLineAboveNettysLimitIsUriTooLong() {
        RawHttp.Response response = http().request("GET", HostileValues.hugeTarget("/api/registrations"))
                .bearer(token()).send();

        ProblemAssertions.assertProblem(response, 414, "uri-too-long");
    }

    @Test
    void headersAboveNettysLimitAreHeadersTooLarge() {
        RawHttp.Response response = http().request("GET", "/api/registrations").header("Accept-Language", "es")
                .header("X-Huge", HostileValues.hugeHeader().raw()).send();

        // The headers were never read, so neither was the language: the answer is in English.
        ProblemAssertions.assertProblem(response, 431, "headers-too-large");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRACE", "TRACK", "PROPFIND", "FOO"})
    void traceAndUnknownMethodsAreRefusedWithTheMethodsThatAreAllowed(String method) {
        int before = totalUpstreamRequests();

        RawHttp.Response response = http().request(method, "/api/registrations").bearer(token()).send();

        ProblemAssertions.assertProblem(response, 405, "method-not-allowed");
        assertThat(response.header("Allow")).contains("GET").doesNotContain(method);
        assertThat(totalUpstreamRequests()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/registrations//x", "//", "/api/registrations/..", "/api/registrations/a%2Fb",
            "/api/registrations/a%00b", "/api/registrations/%", "/api/registrations/x;a=b", "/api/registrations/%252F"})
    void aPathTheGatewayRefusesIsAMalformedRequestAndNeverReachesAService(String path) {
        int before = totalUpstreamRequests();

        RawHttp.Response response = http().request("GET", path).bearer(token()).send();

        ProblemAssertions.assertProblem(response, 400, "malformed-request");
        assertThat(totalUpstreamRequests()).isEqualTo(before);
    }

    @Test
    void aHeaderWithControlCharactersIsAMalformedRequestInTheCallersLanguage() {
        RawHttp.Response response = http().request("GET", "/api/registrations").bearer(token())
                .header("Accept-Language", "es-CO").header("X-Note", new byte[] {'a', 0x07, 'b'}).send();

        ProblemAssertions.assertProblem(response, 400, "malformed-request");
        assertThat(response.text()).contains("mal formados");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%ED%A0%80", "%FF", "%C3%28", "%C0%AF"})
    void invalidUtf8InAPathOrQueryReachesTheServiceUnchangedForItToRefuse(String escape) {
        String target = "/api/registrations/" + escape + "?status=" + escape;

        RawHttp.Response response = http().request("GET", target).bearer(token()).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("target").asString()).isEqualTo(target);
    }

    @Test
    void aServicesProblemDetailsComeBackUnchanged() {
        RawHttp.Response response = http().request("POST", "/api/registrations/x/problem").bearer(token())
                .json("{\"fullName\":\"a\\u0000b\"}").send();

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.text()).isEqualTo(EchoUpstreams.PROBLEM);
    }

    @Test
    void zoomsHeadersWithNonAsciiBytesReachTheStreamingServiceForItToJudge() {
        byte[] emoji = "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8);

        RawHttp.Response response = http().request("POST", "/webhooks/zoom").header("x-zm-request-timestamp", emoji)
                .header("x-zm-signature", emoji).json("{\"event\":\"meeting.started\"}").send();

        ProblemAssertions.assertHandled(response, "webhook with emoji headers");
        if (response.status() < 400) {
            assertThat(JSON.readTree(response.body()).get("upstream").asString()).isEqualTo("streaming");
        }
    }

    // ---- the sweep ------------------------------------------------------------------------------

    private record Attempt(String label, RawHttp.Request request) {
    }

    private List<Attempt> pathAttempts(String address) {
        List<Attempt> attempts = new ArrayList<>();
        for (HostileValues.Value value : HostileValues.pathSegments()) {
            attempts.add(new Attempt(value.label(), request("GET", address, value.text(), r -> { })));
        }
        return attempts;
    }

    private List<Attempt> queryAttempts(String address) {
        List<Attempt> attempts = new ArrayList<>();
        for (HostileValues.Value value : HostileValues.queryValues()) {
            attempts.add(new Attempt("?q = " + value.label(), request("GET", address + "?q=" + value.text(), "x", r -> { })));
        }
        for (HostileValues.Value value : HostileValues.queryStrings()) {
            attempts.add(new Attempt("query " + value.label(), request("GET", address + "?" + value.text(), "x", r -> { })));
        }
        return attempts;
    }

    /**
     * Every header with every value on the two addresses whose headers matter most (the API's and Zoom's);
     * on the others, the values the gateway itself might trip on (non-ASCII bytes, control characters).
     */
    private List<Attempt> headerAttempts(String address) {
        List<Attempt> attempts = new ArrayList<>();
        List<String> headers = new ArrayList<>(HostileValues.commonHeaders());
        headers.addAll(List.of("Content-Type", "x-zm-request-timestamp", "x-zm-signature"));
        boolean everyValue = address.startsWith("/api/registrations") || address.startsWith("/webhooks/zoom");
        List<HostileValues.Value> values = everyValue ? HostileValues.headerValues()
                : HostileValues.headerValues().subList(0, 5);
        for (String header : headers) {
            for (HostileValues.Value value : values) {
                attempts.add(new Attempt(header + ": " + value.label(),
                        request("POST", address, "x", r -> r.header(header, value.raw()).json("{}"))));
            }
        }
        for (HostileValues.Value value : HostileValues.headerValues()) {
            byte[] bearer = ("Bearer " + value.text()).getBytes(StandardCharsets.ISO_8859_1);
            attempts.add(new Attempt("Authorization: Bearer " + value.label(),
                    http().request("GET", address.replace("{x}", "x")).header("Authorization", bearer)));
        }
        return attempts;
    }

    private List<Attempt> bodyAttempts(String address) {
        List<Attempt> attempts = new ArrayList<>();
        for (HostileValues.Value value : HostileValues.jsonBodies()) {
            attempts.add(new Attempt("body " + value.label(),
                    request("POST", address, "x", r -> r.header("Content-Type", "application/json").body(value.raw()))));
        }
        return attempts;
    }

    private List<Attempt> methodAttempts(String address) {
        List<Attempt> attempts = new ArrayList<>();
        for (String method : HostileValues.oddMethods()) {
            attempts.add(new Attempt("method " + method, request(method, address, "x", r -> { })));
        }
        attempts.add(new Attempt("request line above the limit",
                http().request("GET", HostileValues.hugeTarget(address.replace("{x}", "x"))).bearer(token())));
        attempts.add(new Attempt("header above the limit",
                request("GET", address, "x", r -> r.header("X-Huge", HostileValues.hugeHeader().raw()))));
        return attempts;
    }

    private RawHttp.Request request(String method, String address, String segment, Consumer<RawHttp.Request> change) {
        RawHttp.Request request = http().request(method, address.replace("{x}", segment)).bearer(token());
        change.accept(request);
        return request;
    }

    private void check(String address, List<Attempt> attempts) {
        List<String> failures = new ArrayList<>();
        for (Attempt attempt : attempts) {
            RawHttp.Response response = attempt.request().send();
            try {
                ProblemAssertions.assertHandled(response, address + " with " + attempt.label() + " (" + attempt.request() + ")");
                if (response.status() >= 400 && response.status() != 422) {
                    // The echo upstreams never refuse (but for /problem): a refusal is the gateway's own.
                    JsonNode problem = JSON.readTree(response.body());
                    assertThat(problem.path("type").asString()).startsWith(ProblemAssertions.TYPE_BASE);
                }
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + attempts.size() + " hostile requests to " + address
                    + " were mishandled:\n  " + String.join("\n  ", failures.subList(0, Math.min(40, failures.size()))));
        }
    }

    private static int totalUpstreamRequests() {
        return upstreams.requestCount("registration") + upstreams.requestCount("session")
                + upstreams.requestCount("streaming") + upstreams.requestCount("interpretation")
                + upstreams.requestCount("rapporteur");
    }
}

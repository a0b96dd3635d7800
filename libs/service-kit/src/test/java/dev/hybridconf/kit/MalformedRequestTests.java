package dev.hybridconf.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.kit.fixture.KitFixtureApplication;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import dev.hybridconf.testinfra.TranslationAssertions;
import dev.hybridconf.testinfra.hostile.HostileValues;
import dev.hybridconf.testinfra.hostile.ProblemAssertions;
import dev.hybridconf.testinfra.hostile.RawHttp;

/**
 * A request broken below the application (an undecodable query or path, a forbidden path, an
 * oversized request line or header block, an odd method) gets problem details like any other bad
 * input: a 4xx with a stable type, never a 500, an HTML page or an empty body.
 */
@SpringBootTest(classes = KitFixtureApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class MalformedRequestTests {

    static final List<String> INVALID_UTF8 = HostileValues.INVALID_UTF8_ESCAPES;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    RedisStore store;

    private RawHttp http() {
        return RawHttp.localhost(port);
    }

    @ParameterizedTest
    @FieldSource("INVALID_UTF8")
    void aQueryValueThatIsNotUtf8IsAMalformedRequest(String escape) {
        var response = http().request("GET", "/public/notes?contains=" + escape).send();

        ProblemAssertions.assertProblem(response, 400, "malformed-request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"contains=%", "contains=%G1", "contains=a%2", "%FF=1", "%C3%28"})
    void aBrokenEscapeOrParameterNameIsAMalformedRequest(String query) {
        var response = http().request("GET", "/public/notes?" + query).send();

        ProblemAssertions.assertProblem(response, 400, "malformed-request");
    }

    @Test
    void aWriteWithAnUndecodableQueryIsRefusedAndWritesNothing() {
        String id = "n-" + UUID.randomUUID();

        var response = http().request("POST", "/public/notes?contains=%ED%A0%80")
                .json("{\"id\":\"" + id + "\",\"text\":\"hello\"}").send();

        ProblemAssertions.assertProblem(response, 400, "malformed-request");
        assertThat(store.redis().exists(store.keys().key("note", id))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "DELETE"})
    void aFormBodyThatIsNotUtf8IsRefusedWithProblemDetails(String method) {
        // Spring's FormContentFilter reads such bodies for these methods before any controller (leniently).
        var response = http().request(method, "/public/notes").bearer(TestTokens.shared().token("someone", "organiser"))
                .header("Content-Type", "application/x-www-form-urlencoded").body("text=%ED%A0%80".getBytes()).send();

        ProblemAssertions.assertHandled(response, method + " with a form body");
        assertThat(response.status()).isBetween(400, 499);
    }

    @Test
    void theAnswerIsInTheCallersLanguage() {
        var response = http().request("GET", "/public/notes?contains=%FF").header("Accept-Language", "fr-SN").send();

        ProblemAssertions.assertProblem(response, 400, "malformed-request");
        assertThat(response.text()).contains("mal formés");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%ED%A0%80", "%FF", "%C3%28", "%C0%AF", "a%2Fb", "a%00b", "%", "%G1", "a%5Cb"})
    void aPathThatTomcatCannotDecodeIsAMalformedRequest(String segment) {
        var response = http().request("GET", "/notes/" + segment).send();

        ProblemAssertions.assertProblem(response, 400, "malformed-request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/notes//x", "//", "/notes/..", "/notes/%2E%2E", "/notes/x;a=b", "/notes/%252F"})
    void aPathTheFirewallRefusesIsAMalformedRequest(String path) {
        var response = http().request("GET", path).send();

        ProblemAssertions.assertProblem(response, 400, "malformed-request");
    }

    @Test
    void aRequestLineAboveTheLimitIsUriTooLong() {
        var response = http().request("GET", HostileValues.hugeTarget("/public/notes")).send();

        ProblemAssertions.assertProblem(response, 414, "uri-too-long");
    }

    @Test
    void headersAboveTheLimitAreHeadersTooLarge() {
        var response = http().request("GET", "/public/notes").header("X-Big", HostileValues.hugeHeader().raw()).send();

        ProblemAssertions.assertProblem(response, 431, "headers-too-large");
    }

    @Test
    void aHeaderWithControlCharactersIsAMalformedRequest() {
        var response = http().request("GET", "/public/notes").header("X-Note", new byte[] {'a', 0x07, 'b'}).send();

        ProblemAssertions.assertProblem(response, 400, "malformed-request");
    }

    @Test
    void traceIsRefusedWithTheMethodsThatAreAllowed() {
        var response = http().request("TRACE", "/public/notes").send();

        ProblemAssertions.assertProblem(response, 405, "method-not-allowed");
        assertThat(response.header("Allow")).isNotBlank().doesNotContain("TRACE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRACK", "PROPFIND", "FOO"})
    void anUnknownMethodIsRefusedWithTheMethodsThatAreAllowed(String method) {
        var response = http().request(method, "/public/notes").send();

        ProblemAssertions.assertProblem(response, 405, "method-not-allowed");
        assertThat(response.header("Allow")).contains("GET").doesNotContain(method);
    }

    @Test
    void aHeaderValueTheFirewallRefusesWhereItIsReadIsAMalformedRequest() {
        byte[] emoji = "\uD83D\uDE00".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        var response = http().request("POST", "/public/notes").header("Content-Type", emoji)
                .body("{\"id\":\"x\",\"text\":\"y\"}".getBytes()).send();

        ProblemAssertions.assertProblem(response, 400, "malformed-request");
    }

    @Test
    void anAcceptHeaderThatCannotBeParsedIsReadAsNoPreference() {
        var ok = http().request("GET", "/public/notes?contains=x").header("Accept", "Bogotá, -1").send();
        var refused = http().request("POST", "/public/notes").header("Accept", "' OR 1=1--").json("{\"id\":\"Not An Id\"}").send();

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.contentType()).startsWith("application/json");
        ProblemAssertions.assertProblem(refused, 400, "validation");
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFound() {
        var response = http().request("GET", "/error").send();

        ProblemAssertions.assertProblem(response, 404, "not-found");
    }

    @Test
    void everyNewSentenceExistsInEnglishFrenchAndSpanish() {
        TranslationAssertions.assertCompleteInEnglishFrenchAndSpanish("i18n/problems");
    }
}

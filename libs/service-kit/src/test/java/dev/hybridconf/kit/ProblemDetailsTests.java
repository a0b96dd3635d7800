package dev.hybridconf.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hybridconf.kit.fixture.KitFixtureApplication;
import dev.hybridconf.testinfra.PlatformInfrastructure;

/** Bad input gets RFC 9457 answers over real HTTP, never a stack trace or a 500. */
@SpringBootTest(classes = KitFixtureApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class ProblemDetailsTests {

    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void missingAndInvalidFieldsAreListed() throws Exception {
        var response = post("{\"id\":\"Not An Id\",\"priority\":9}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(PROBLEM_JSON));
        assertThat(response.body()).contains("\"type\":\"https://hybridconf.dev/problems/validation\"")
                .contains("\"field\":\"id\"").contains("\"field\":\"text\"").contains("\"field\":\"priority\"")
                .doesNotContain("Exception").doesNotContain("trace");
    }

    @Test
    void controlCharactersInATextAreRefusedInTheCallersLanguage() throws Exception {
        var response = http.send(HttpRequest.newBuilder(url("/public/notes")).header("Content-Type", "application/json")
                .header("Accept-Language", "es-CO")
                .POST(BodyPublishers.ofString("{\"id\":\"nul-note\",\"text\":\"a\\u0000b\"}")).build(),
                BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("problems/validation").contains("\"field\":\"text\"")
                .contains("debe ser texto simple");
    }

    @Test
    void bodyThatIsNotJsonIsABadRequest() throws Exception {
        var response = post("{\"id\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("problems/malformed-body").doesNotContain("Exception");
    }

    @Test
    void valueOfTheWrongTypeNamesItsField() throws Exception {
        var response = post("{\"id\":\"a\",\"text\":\"b\",\"priority\":\"high\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"priority\"");
    }

    @Test
    void duplicateIsAConflict() throws Exception {
        String body = "{\"id\":\"n-" + UUID.randomUUID() + "\",\"text\":\"hello\"}";
        var first = post(body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);

        var again = post(body);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("problems/duplicate-note");
    }

    @Test
    void oversizeBodyIsRefusedWhetherDeclaredOrStreamed() throws Exception {
        String big = "{\"id\":\"big\",\"text\":\"" + "x".repeat(2000) + "\"}";
        var declared = post(big);
        var streamed = http.send(HttpRequest.newBuilder(url("/public/notes"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes()))).build(),
                BodyHandlers.ofString());

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("problems/payload-too-large");
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(streamed.body()).contains("problems/payload-too-large");
    }

    @Test
    void wrongMediaTypeIsAProblemWithAStableType() throws Exception {
        var response = http.send(HttpRequest.newBuilder(url("/public/notes")).header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("hello")).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("problems/unsupported-media-type");
    }

    @Test
    void protectedEndpointWithoutTokenIsUnauthorizedAsProblemDetails() throws Exception {
        var response = http.send(HttpRequest.newBuilder(url("/notes/anything")).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(PROBLEM_JSON));
        assertThat(response.body()).contains("problems/unauthenticated");
    }

    @Test
    void healthAndMetricsAreOpenAndTaggedWithTheService() throws Exception {
        var health = http.send(HttpRequest.newBuilder(url("/actuator/health")).build(), BodyHandlers.ofString());
        var metrics = http.send(HttpRequest.newBuilder(url("/actuator/prometheus")).build(), BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        var redisHealth = http.send(HttpRequest.newBuilder(url("/actuator/health/redisStore")).build(),
                BodyHandlers.ofString());
        assertThat(redisHealth.body()).contains("\"status\":\"UP\"");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("service=\"fixture-service\"");
    }

    private HttpResponse<String> post(String json) throws Exception {
        return http.send(HttpRequest.newBuilder(url("/public/notes")).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json)).build(), BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

package dev.hybridconf.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hybridconf.kit.fixture.KitFixtureApplication;
import dev.hybridconf.testinfra.PlatformInfrastructure;

/**
 * A request declared in {@code platform.http.large-body-paths} may send up to the larger limit; every
 * other request keeps the small default (1 KiB in the fixture), over real HTTP.
 */
@SpringBootTest(classes = KitFixtureApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "platform.http.large-body-paths=POST /public/notes", "platform.http.large-body-bytes=4096"})
@PlatformInfrastructure
class LargeBodyPathTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDeclaredPathAcceptsABodyAboveTheDefaultLimitButNotAboveItsOwn() throws Exception {
        String id = "n-" + UUID.randomUUID();
        String twoKiB = "{\"id\":\"" + id + "\",\"text\":\"" + "x".repeat(2000) + "\"}";
        String fiveKiB = "{\"id\":\"big\",\"text\":\"" + "x".repeat(5000) + "\"}";

        HttpResponse<String> accepted = post("/public/notes", twoKiB, false);
        HttpResponse<String> declared = post("/public/notes", fiveKiB, false);
        HttpResponse<String> streamed = post("/public/notes", fiveKiB, true);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.body()).contains(id);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("problems/payload-too-large").contains("4096");
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(streamed.body()).contains("problems/payload-too-large");
    }

    @Test
    void everyOtherRequestKeepsTheDefaultLimit() throws Exception {
        String twoKiB = "{\"id\":\"other\",\"text\":\"" + "x".repeat(2000) + "\"}";

        HttpResponse<String> otherPath = http.send(HttpRequest.newBuilder(url("/notes/other"))
                .header("Content-Type", "application/json")
                .method("PUT", BodyPublishers.ofString(twoKiB)).build(), BodyHandlers.ofString());

        assertThat(otherPath.statusCode()).isEqualTo(413);
        assertThat(otherPath.body()).contains("problems/payload-too-large").contains("1024");
    }

    private HttpResponse<String> post(String path, String json, boolean chunked) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher body = chunked
                ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                : BodyPublishers.ofByteArray(bytes);
        return http.send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json").POST(body).build(),
                BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

package dev.hybridconf.rapporteur.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.hybridconf.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Calls the live view as rapporteurs, organisers and the others do. */
final class LiveApi {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private final int port;
    final TestTokens tokens = TestTokens.shared();
    final String organiser = tokens.organiser();
    final String rapporteur = tokens.token("3f1c9a2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b", "rapporteur");
    final String participant = tokens.participant();
    final String moderator = tokens.token("8e7d6c5b-4a39-4281-9f0e-d1c2b3a49586", "moderator", "participant");

    LiveApi(int port) {
        this.port = port;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    static String live(String conferenceId, Object day) {
        return "/api/rapporteur/conferences/" + conferenceId + "/days/" + day + "/live";
    }

    HttpResponse<String> get(String path, String token, String... headers) {
        return send("GET", path, token, headers);
    }

    HttpResponse<String> head(String path, String token, String... headers) {
        return send("HEAD", path, token, headers);
    }

    private HttpResponse<String> send(String method, String path, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    JsonNode read(String text) {
        return json.readTree(text);
    }

    /** Problem details with this status and type slug. */
    JsonNode problem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://hybridconf.dev/problems/" + slug);
        return problem;
    }
}

package dev.hybridconf.rapporteur.trends;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import dev.hybridconf.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The thesaurus and trends API as the tests call it: over real HTTP, with real tokens. */
public final class TrendsApi {

    public static final String ORGANISER = TestTokens.shared().token("organiser-" + UUID.randomUUID(), "organiser");
    public static final String RAPPORTEUR = TestTokens.shared().token(UUID.randomUUID().toString(), "rapporteur");
    public static final String PARTICIPANT = TestTokens.shared().token(UUID.randomUUID().toString(), "participant");
    public static final String MODERATOR = TestTokens.shared().token(UUID.randomUUID().toString(), "moderator");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = JsonMapper.builder().build();
    private final int port;

    public TrendsApi(int port) {
        this.port = port;
    }

    public static String conference(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String thesaurus(String conferenceId) {
        return "/api/rapporteur/conferences/" + conferenceId + "/thesaurus";
    }

    /** A valid thesaurus: affordable housing in three languages (two French labels), and generic talk ignored. */
    public static String housingThesaurus() {
        return """
                {"concepts": [
                  {"id": "affordable-housing", "labels": {"en": ["affordable housing"],
                   "fr": ["logement abordable", "logement accessible"], "es": ["vivienda asequible"]}, "ignore": false},
                  {"id": "the-city", "labels": {"en": ["the city"], "fr": ["la ville"]}, "ignore": true}
                ]}""";
    }

    public HttpResponse<String> get(String path, String token) {
        return get(path, token, null);
    }

    public HttpResponse<String> get(String path, String token, String language) {
        return send(request(path, token, language).GET());
    }

    public HttpResponse<String> put(String path, String token, String contentType, String body, String ifMatch) {
        return put(path, token, contentType, body.getBytes(StandardCharsets.UTF_8), ifMatch, null);
    }

    public HttpResponse<String> put(String path, String token, String contentType, byte[] body, String ifMatch,
            String language) {
        HttpRequest.Builder request = request(path, token, language).header("Content-Type", contentType)
                .PUT(BodyPublishers.ofByteArray(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    public JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private HttpRequest.Builder request(String path, String token, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

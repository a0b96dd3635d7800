package dev.hybridconf.interpretation.roster;

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

/** The roster API as the tests call it: over real HTTP, with real tokens. */
final class RosterApi {

    static final String ORGANISER = TestTokens.shared().token("organiser-" + UUID.randomUUID(), "organiser");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = JsonMapper.builder().build();
    private final int port;

    RosterApi(int port) {
        this.port = port;
    }

    static String conference(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String interpreterToken(String registrationId) {
        return TestTokens.shared().token(registrationId, "interpreter");
    }

    /** A valid entry: Spanish A, English B with a retour, French C, remote, on two days. */
    static String body(String name, String email) {
        return body(name, email, null);
    }

    static String body(String name, String email, String registrationId) {
        return """
                {"name": "%s", "email": "%s", "zoomEmail": null, "registrationId": %s,
                 "languages": [{"language": "es", "level": "A"}, {"language": "en", "level": "B", "retour": true},
                               {"language": "fr", "level": "C"}],
                 "mode": "REMOTE",
                 "availability": [{"day": "2021-02-16", "part": "DAY"}, {"day": "2021-02-17", "part": "MORNING"}],
                 "preferredPartners": []}""".formatted(name, email,
                registrationId == null ? "null" : "\"" + registrationId + "\"");
    }

    String interpreters(String conferenceId) {
        return "/api/interpretation/conferences/" + conferenceId + "/interpreters";
    }

    HttpResponse<String> create(String conferenceId, String body) {
        return json("POST", interpreters(conferenceId), ORGANISER, body, null);
    }

    /** Creates an entry and answers its id. */
    String created(String conferenceId, String body) {
        HttpResponse<String> created = create(conferenceId, body);
        if (created.statusCode() != 201) {
            throw new AssertionError(created.statusCode() + " " + created.body());
        }
        return read(created).path("interpreterId").asString();
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path, token, null).GET());
    }

    HttpResponse<String> get(String path, String token, String language) {
        return send(request(path, token, language).GET());
    }

    HttpResponse<String> json(String method, String path, String token, String body, String language) {
        return json(method, path, token, body, language, null);
    }

    HttpResponse<String> json(String method, String path, String token, String body, String language, String ifMatch) {
        HttpRequest.Builder request = request(path, token, language).header("Content-Type", "application/json")
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    HttpResponse<String> delete(String path, String token, String ifMatch) {
        HttpRequest.Builder request = request(path, token, null).DELETE();
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    HttpResponse<String> importCsv(String conferenceId, String csv, boolean dryRun, String language) {
        return upload(conferenceId, "text/csv", csv.getBytes(StandardCharsets.UTF_8), dryRun, language);
    }

    HttpResponse<String> upload(String conferenceId, String contentType, byte[] body, boolean dryRun, String language) {
        HttpRequest.Builder request = request(interpreters(conferenceId) + "/import" + (dryRun ? "?dryRun=true" : ""),
                ORGANISER, language).header("Content-Type", contentType).POST(BodyPublishers.ofByteArray(body));
        return send(request);
    }

    JsonNode read(HttpResponse<String> response) {
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

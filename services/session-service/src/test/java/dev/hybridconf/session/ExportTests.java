package dev.hybridconf.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.UUID;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;


import dev.hybridconf.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the export tests share: the platform's test token issuer, the service called over real HTTP,
 * and programmes loaded through the import.
 * Subclasses are {@code @SpringBootTest(RANDOM_PORT)} with {@code @PlatformInfrastructure}.
 */
abstract class ExportTests {

    static final String SEMINAR = "uclg-seminar-campus-2021";

    private static final TestTokens ISSUER = TestTokens.shared();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        ISSUER.register(registry);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();

    String organiser() {
        return ISSUER.token("organiser-" + UUID.randomUUID(), "organiser");
    }

    String participant(String registrationId) {
        return ISSUER.token(registrationId, "participant");
    }

    String participant() {
        return participant(UUID.randomUUID().toString());
    }

    /** The Seminar & Campus demo programme, imported as an organiser would (a no-op when already there). */
    void importSeminar() {
        byte[] file;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("demo-programmes/uclg-seminar-campus-2021.yaml")) {
            file = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpResponse<String> imported = send(request("/api/sessions/programmes", organiser())
                .header("Content-Type", "application/yaml").POST(BodyPublishers.ofByteArray(file)));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    }

    /** A small Barcelona conference of its own (7–8 Nov 2024, Europe/Madrid); returns its id. */
    String barcelona() {
        String id = "exports-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = post("/api/sessions/conferences", organiser(), """
                {"id": "%s", "name": {"en": "Local Action", "fr": "Action locale", "es": "Acción local"},
                 "timeZone": "Europe/Madrid", "languages": ["en", "fr", "es"], "startDate": "2024-11-07",
                 "endDate": "2024-11-08", "days": [{"date": "2024-11-07"}, {"date": "2024-11-08"}]}"""
                .formatted(id));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id;
    }

    /** Schedules a session on the conference and returns its id. */
    String schedule(String conference, String key, String kind, String day, String start, String end, String room) {
        HttpResponse<String> created = post("/api/sessions/conferences/" + conference + "/sessions", organiser(), """
                {"key": "%s", "kind": "%s", "day": "%s", "start": "%s", "end": "%s", "room": "%s",
                 "floorLanguages": ["en"], "format": "HYBRID", "publiclyStreamed": true, "speakers": ["Ada Colau"],
                 "title": {"en": "%s (en)", "fr": "%s (fr)", "es": "%s (es)"},
                 "description": {"en": "About %s", "fr": "À propos de %s", "es": "Sobre %s"}}"""
                .formatted(key, kind, day, start, end, room, key, key, key, key, key, key));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return read(created).get("id").asString();
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    HttpResponse<String> post(String path, String token, String body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body)));
    }

    /** A POST of a file (a programme in YAML or JSON). */
    HttpResponse<String> postFile(String path, String token, String contentType, byte[] body) {
        return send(request(path, token).header("Content-Type", contentType).POST(BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<String> delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** A 404 answered as problem+json. */
    static void assertNotFoundProblem(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.hybridconf.session.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.hybridconf.testinfra.KafkaProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The programme API as the tests call it over real HTTP with real tokens, and the session topic as
 * the tests read it: whole, up to its end offsets at the time of reading, so that "nothing more was
 * published" can be checked without waiting.
 */
final class ProgrammeApi {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final int port;
    private final String bootstrap;
    private final String topic;

    ProgrammeApi(int port, String bootstrap, String topic) {
        this.port = port;
        this.bootstrap = bootstrap;
        this.topic = topic;
    }

    /** One programme event as read from Kafka: its envelope and data as JSON, and the raw text. */
    record Event(String key, String type, JsonNode data, String raw) {

        String conferenceId() {
            return data.path("conferenceId").asString();
        }
    }

    /**
     * Creates the two-day Barcelona "Local Action" conference (7–8 November 2024, Europe/Madrid,
     * invitation-only) under a fresh id starting with {@code prefix}, and returns the id.
     */
    String createLocalAction(String prefix, String organiserToken) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = json("POST", "/api/sessions/conferences", organiserToken, """
                {"id": "%s", "name": {"en": "Local Action", "fr": "Action locale", "es": "Acción local"},
                 "timeZone": "Europe/Madrid", "languages": ["en", "fr", "es"], "startDate": "2024-11-07",
                 "endDate": "2024-11-08", "invitationOnly": true,
                 "days": [{"date": "2024-11-07"}, {"date": "2024-11-08"}]}""".formatted(id));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id;
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    HttpResponse<String> get(String path, String token, String language) {
        return send(request(path, token).header("Accept-Language", language).GET());
    }

    HttpResponse<String> json(String method, String path, String token, String body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body)));
    }

    /** A JSON request read in the reader's language. */
    HttpResponse<String> json(String method, String path, String token, String body, String language) {
        return send(request(path, token).header("Content-Type", "application/json").header("Accept-Language", language)
                .method(method, BodyPublishers.ofString(body)));
    }

    HttpResponse<String> file(String method, String path, String token, String contentType, byte[] body,
            String language) {
        HttpRequest.Builder request = request(path, token).header("Content-Type", contentType)
                .method(method, BodyPublishers.ofByteArray(body));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return send(request);
    }

    /** A request without a body, in the reader's language. */
    HttpResponse<String> send(String method, String path, String token, String language) {
        return send(request(path, token).header("Accept-Language", language).method(method, BodyPublishers.noBody()));
    }

    HttpResponse<String> post(String path, String token) {
        return send(request(path, token).POST(BodyPublishers.noBody()));
    }

    JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** Every programme event on the topic now (read up to the end offsets taken when called). */
    List<Event> events() {
        List<Event> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : new KafkaProbe(bootstrap).readAll(topic)) {
            JsonNode envelope = json.readTree(record.value());
            events.add(new Event(record.key(), envelope.path("type").asString(), envelope.path("data"), record.value()));
        }
        return events;
    }

    /** The programme events of one conference now on the topic. */
    List<Event> events(String conferenceId) {
        return events().stream().filter(e -> conferenceId.equals(e.conferenceId())).toList();
    }

    static long count(List<Event> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).count();
    }

    static Predicate<List<Event>> has(String type, long count) {
        return events -> count(events, type) >= count;
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

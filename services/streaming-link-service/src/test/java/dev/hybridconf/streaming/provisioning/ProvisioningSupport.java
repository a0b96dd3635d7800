package dev.hybridconf.streaming.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.EventPayload;
import dev.hybridconf.contracts.session.SessionCancelled;
import dev.hybridconf.contracts.session.SessionRescheduled;
import dev.hybridconf.contracts.session.SessionScheduled;
import dev.hybridconf.contracts.session.SessionUpdated;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import dev.hybridconf.testinfra.KafkaProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the provisioning tests share: session events published on the physical {@code session.events} topic as the
 * session service would, the service's emitted events read back, and HTTP calls with a token.
 */
final class ProvisioningSupport {

    static final String CONFERENCE = "6f1c1a52-8a0e-4d7e-9c1e-2b2f5f6c2027";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventCodec codec = new EventCodec();
    private final KafkaProbe kafka = KafkaProbe.shared();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final TopicNames topics;
    private final int port;
    /** Every event published, as sent, for replays. */
    final List<CloudEvent> published = new ArrayList<>();

    ProvisioningSupport(TopicNames topics, int port) {
        this.topics = topics;
        this.port = port;
    }

    /** Session ids are UUIDs; tests name sessions and get the same id for the same name. */
    static String id(String name) {
        return java.util.UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    static SessionScheduled scheduled(String name, String kind, LocalDate day, Instant start, int minutes,
            String format, String slot, long version) {
        String sessionId = id(name);
        return new SessionScheduled(sessionId, CONFERENCE, version, version, kind, day, start,
                start.plus(Duration.ofMinutes(minutes)), "Europe/Madrid", format, List.of("en", "es"), false,
                "BREAKOUT".equals(kind) ? 40 : null, List.of(), null, "Room " + sessionId, null, slot,
                Map.of("en", "Session " + name, "es", "Sesión " + name));
    }

    static SessionRescheduled rescheduled(SessionScheduled before, Instant start, int minutes, long version) {
        return new SessionRescheduled(before.sessionId(), CONFERENCE, version, version, before.kind(),
                before.format(), before.day(), before.start(), before.end(), before.day(), start,
                start.plus(Duration.ofMinutes(minutes)), before.timeZone());
    }

    static SessionUpdated updated(SessionScheduled before, String format, long version) {
        return new SessionUpdated(before.sessionId(), CONFERENCE, version, version, before.kind(), before.day(),
                before.start(), before.end(), before.timeZone(), format, before.floorLanguages(),
                before.publiclyStreamed(), before.capacity(), before.moderatorIds(), before.rapporteurId(),
                before.room(), before.track(), before.slot(), before.title(), List.of("format"));
    }

    static SessionCancelled cancelled(SessionScheduled before, long version) {
        return new SessionCancelled(before.sessionId(), CONFERENCE, version, version, before.kind(), before.day(),
                before.start(), before.end(), before.timeZone());
    }

    void publish(EventPayload payload) {
        publish(codec.wrap("session-service", payload));
    }

    void publish(CloudEvent event) {
        published.add(event);
        kafka.send(topics.physical("session.events"), event.subject(), codec.toJson(event));
    }

    /** The events the service emitted so far (read from the start of {@code streaming.events}). */
    List<JsonNode> emitted(int atLeast, Duration deadline) {
        List<ConsumerRecord<String, String>> records = kafka.readUntil(topics.physical("streaming.events"), deadline,
                read -> read.size() >= atLeast);
        return records.stream().map(r -> JSON.readTree(r.value())).toList();
    }

    List<JsonNode> emitted(String type, String sessionId, Duration deadline) {
        String marker = "\"type\":\"" + type + "\"";
        return kafka.readUntil(topics.physical("streaming.events"), deadline,
                read -> read.stream().anyMatch(r -> sessionId.equals(r.key()) && r.value().contains(marker)))
                .stream().filter(r -> sessionId.equals(r.key()) && r.value().contains(marker))
                .map(r -> JSON.readTree(r.value())).toList();
    }

    /** Every emitted event is valid against its JSON schema. */
    void assertEveryEmittedEventIsValid() {
        List<ConsumerRecord<String, String>> records = kafka.readUntil(topics.physical("streaming.events"),
                Duration.ofSeconds(2), read -> false);
        assertThat(records).isNotEmpty();
        records.forEach(r -> EventSchemaAssertions.assertValidEvent(r.value()));
    }

    long provisioningLag() {
        return kafka.lag(topics.group("streaming-link-service") + ".provisioning", topics.physical("session.events"));
    }

    record Answer(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Answer call(String method, String path, String token, String body, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

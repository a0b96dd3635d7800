package dev.hybridconf.streaming.interpretation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.AssignedInterpreter;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Channel;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.contracts.session.SessionScheduled;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.streaming.emulator.ZoomEmulatorServer;
import dev.hybridconf.streaming.registrants.TestEvents;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import dev.hybridconf.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the interpretation tests share: programme and plan events published as the session and interpretation
 * services publish them, the emulator's view of a meeting, its update count, and the staff board.
 */
final class InterpretationSupport {

    static final String CONFERENCE = "uclg-seminar-2027";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String STAFF = TestTokens.shared().token("staff-interpretation", "streaming-staff");

    private final EventCodec codec = new EventCodec();
    private final TestEvents events;
    private final ZoomEmulatorServer emulator;
    private final int port;
    private final Map<String, Long> numbers = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    InterpretationSupport(TopicNames topics, ZoomEmulatorServer emulator, int port) {
        this.events = new TestEvents(topics);
        this.emulator = emulator;
        this.port = port;
    }

    /** A fresh session id (tests share a topic and a Redis; every test makes its own sessions). */
    static String newSession() {
        return UUID.randomUUID().toString();
    }

    void schedule(String sessionId, String kind, LocalDate day, Instant start, int minutes, String slot) {
        Map<String, String> title = new HashMap<>();
        title.put("en", kind + " " + slot);
        title.put("fr", kind + " " + slot + " (fr)");
        events.sessionEvents(List.of(events.session(new SessionScheduled(sessionId, CONFERENCE, 1, 1, kind, day, start,
                start.plus(Duration.ofMinutes(minutes)), "Africa/Casablanca", "ONLINE", List.of("en"), false,
                "BREAKOUT".equals(kind) ? 40 : null, List.of(), null, "Room " + slot, null, slot, title))));
    }

    /**
     * Publishes a session's plan as the interpretation service does (numbered per session, as its outbox numbers
     * events); answers the event, to send it again.
     */
    CloudEvent publish(SessionInterpretationPublished snapshot) {
        long number = numbers.merge(snapshot.sessionId(), 1L, Long::sum);
        CloudEvent event = codec.wrap("interpretation-language-service", snapshot).withAggregateVersion(number);
        EventSchemaAssertions.assertValidEvent(codec.toJson(event));
        send(event);
        return event;
    }

    void send(CloudEvent event) {
        events.send("interpretation.events", List.of(event));
    }

    static SessionInterpretationPublished plan(String sessionId, long version, List<Channel> channels,
            List<AssignedInterpreter> interpreters) {
        return new SessionInterpretationPublished(sessionId, CONFERENCE, version, List.of("en"), channels,
                interpreters);
    }

    static Channel channel(String language, Delivery delivery) {
        return new Channel(language, false, delivery, true, null);
    }

    static Channel uncovered(String language, Delivery delivery) {
        return new Channel(language, false, delivery, false, null);
    }

    static Channel sign(String language) {
        return new Channel(language, true, Delivery.ZOOM, true, null);
    }

    static AssignedInterpreter interpreter(String id, String zoomEmail, String from, String into) {
        return new AssignedInterpreter(id, zoomEmail, from, into, false, true);
    }

    static AssignedInterpreter signer(String id, String zoomEmail, String into) {
        return new AssignedInterpreter(id, zoomEmail, "en", into, true, true);
    }

    /** The emulator's record of a meeting or webinar (settings, interpretation, updates). */
    JsonNode meeting(String meetingId) {
        return emulator.admin("/meetings/" + meetingId);
    }

    /** Spoken interpreters of a meeting as {@code email -> languages}. */
    Map<String, String> interpreters(String meetingId) {
        Map<String, String> found = new HashMap<>();
        meeting(meetingId).path("interpretation").path("interpreters")
                .forEach(i -> found.put(i.path("email").asString(), i.path("languages").asString()));
        return found;
    }

    /** Sign language interpreters of a meeting as {@code email -> sign language}. */
    Map<String, String> signers(String meetingId) {
        Map<String, String> found = new HashMap<>();
        meeting(meetingId).path("interpretation").path("signInterpreters")
                .forEach(i -> found.put(i.path("email").asString(), i.path("signLanguage").asString()));
        return found;
    }

    /** Every update (PATCH) of a meeting or webinar Zoom was sent. */
    long updates() {
        return emulator.calls("PATCH /v2/meetings/{meetingId}") + emulator.calls("PATCH /v2/webinars/{webinarId}");
    }

    /** The board's row of a session, in the reader's language. */
    JsonNode boardRow(LocalDate day, String sessionId, String language) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/streaming/board?day=" + day)).header("Authorization", "Bearer " + STAFF)
                .header("Accept-Language", language).timeout(Duration.ofSeconds(20)).GET().build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("board answered " + answer.statusCode() + ": " + answer.body());
            }
            for (JsonNode row : JSON.readTree(answer.body()).path("rows")) {
                if (sessionId.equals(row.path("sessionId").asString())) {
                    return row;
                }
            }
            throw new IllegalStateException("no row for " + sessionId);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

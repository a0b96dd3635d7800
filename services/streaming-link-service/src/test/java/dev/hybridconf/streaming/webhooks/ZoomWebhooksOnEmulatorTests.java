package dev.hybridconf.streaming.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.contracts.streaming.MeetingEnded;
import dev.hybridconf.contracts.streaming.MeetingStarted;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.emulator.OnZoomEmulator;
import dev.hybridconf.streaming.emulator.ZoomEmulatorServer;
import dev.hybridconf.streaming.zoom.MeetingRequest;
import dev.hybridconf.streaming.zoom.MeetingSettings;
import dev.hybridconf.streaming.zoom.Registrant;
import dev.hybridconf.streaming.zoom.RegisteredParticipant;
import dev.hybridconf.streaming.zoom.ZoomClient;
import dev.hybridconf.streaming.zoom.ZoomKind;
import dev.hybridconf.streaming.zoom.ZoomMeeting;
import dev.hybridconf.testinfra.AdjustableClock;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.TestTokens;
import dev.hybridconf.testinfra.TranslationAssertions;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emulator sends real signed webhooks to the running service: valid ones change live status and attendance and
 * produce the meeting events; tampered, wrongly signed, stale and replayed ones are refused and produce nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@OnZoomEmulator
@Import(AdjustableClock.Config.class)
class ZoomWebhooksOnEmulatorTests {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("platform.zoom.webhooks.secret-token", () -> ZoomEmulatorServer.WEBHOOK_SECRET);
    }

    @Autowired
    ZoomEmulatorServer emulator;

    @LocalServerPort
    int port;

    @Autowired
    ZoomClient zoom;

    @Autowired
    RedisStore store;

    @Autowired
    StreamingKeys keys;

    @Autowired
    TopicNames topics;

    @Autowired
    AdjustableClock clock;

    @Autowired
    MeterRegistry meters;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final KafkaProbe kafka = KafkaProbe.shared();

    @BeforeEach
    void sendWebhooksToTheService() {
        emulator.admin("PUT", "/webhooks", Map.of("urls", List.of(webhookUrl()),
                "secretToken", ZoomEmulatorServer.WEBHOOK_SECRET));
    }

    @AfterEach
    void clockBackToNow() {
        clock.setTo(Instant.now());
    }

    @Test
    void aStartedMeetingMakesItsSessionLiveAndAnEndedOneEndsItWithValidMeetingEvents() {
        Fixture session = session("host1@hybridconf.example");

        emulator.admin("POST", "/meetings/" + session.meetingId() + "/start", null);

        await().atMost(DEADLINE).until(() -> "LIVE".equals(sessionField(session, "live")));
        String started = kafka.eventOfType(topics.physical("streaming.events"), session.sessionId(),
                MeetingStarted.TYPE, DEADLINE);
        EventSchemaAssertions.assertValidEvent(started);
        assertThat(JSON.readTree(started).path("data").path("sessionId").asString()).isEqualTo(session.sessionId());

        emulator.admin("POST", "/meetings/" + session.meetingId() + "/end", null);

        await().atMost(DEADLINE).until(() -> "ENDED".equals(sessionField(session, "live")));
        String ended = kafka.eventOfType(topics.physical("streaming.events"), session.sessionId(), MeetingEnded.TYPE,
                DEADLINE);
        EventSchemaAssertions.assertValidEvent(ended);
        assertThat(sessionField(session, "liveAt")).isNotBlank();
    }

    @Test
    void aLateStartedAfterEndedDoesNotMakeTheSessionLiveAgain() throws Exception {
        Fixture session = session("host2@hybridconf.example");
        JsonNode started = emulator.admin("POST", "/meetings/" + session.meetingId() + "/start", null);
        await().atMost(DEADLINE).until(() -> "LIVE".equals(sessionField(session, "live")));
        emulator.admin("POST", "/meetings/" + session.meetingId() + "/end", null);
        await().atMost(DEADLINE).until(() -> "ENDED".equals(sessionField(session, "live")));

        // Zoom delivers the start again, late, as a new delivery (its own event_ts): accepted, but stale.
        String startEventId = started.path("webhookEvents").get(0).path("id").asString();
        JsonNode original = emulator.admin("/webhooks/events/" + startEventId).path("body");
        String late = original.toString().replace("\"event_ts\":" + original.path("event_ts").asLong(),
                "\"event_ts\":" + (original.path("event_ts").asLong() + 7));
        assertThat(late).isNotEqualTo(original.toString());
        HttpResponse<String> answer = post(late, now(), ZoomEmulatorServer.WEBHOOK_SECRET);
        assertThat(answer.statusCode()).isEqualTo(200);

        handedOverUpTo(session, barrier(session));
        await().atMost(DEADLINE).until(() -> consumedBarrier(session));
        assertThat(sessionField(session, "live")).isEqualTo("ENDED");
        assertThat(meters.counter("zoom.webhooks.consumed", "event", "meeting.started", "outcome", "stale").count())
                .as("the late start reached the consumer and was found stale").isEqualTo(1);
        long startedEvents = kafka.readUntil(topics.physical("streaming.events"), Duration.ofSeconds(5),
                records -> records.stream().anyMatch(isEvent(session, MeetingEnded.TYPE))).stream()
                .filter(isEvent(session, MeetingStarted.TYPE)).count();
        assertThat(startedEvents).as("one started event only").isEqualTo(1);
    }

    @Test
    void tamperedWronglySignedStaleAndReplayedWebhooksAreRefusedAndHandOverNothing() throws Exception {
        Fixture session = session("host3@hybridconf.example");
        JsonNode started = emulator.admin("POST", "/meetings/" + session.meetingId() + "/start", null);
        await().atMost(DEADLINE).until(() -> "LIVE".equals(sessionField(session, "live")));
        String eventId = started.path("webhookEvents").get(0).path("id").asString();

        assertThat(resend(eventId, Map.of("tamper", true))).as("tampered body").isEqualTo(401);
        assertThat(resend(eventId, Map.of("timestampOffsetSeconds", -600))).as("stale timestamp").isEqualTo(401);
        assertThat(resend(eventId, Map.of())).as("Zoom's redelivery of the same event: not handed over again")
                .isIn(200, 409);
        clock.advance(Duration.ofMinutes(6));
        assertThat(resend(eventId, Map.of())).as("stale for the service's clock").isEqualTo(401);
        clock.setTo(Instant.now());

        String body = "{\"event\":\"meeting.participant_joined\",\"event_ts\":" + System.currentTimeMillis()
                + ",\"payload\":{\"object\":{\"id\":\"" + session.meetingId() + "\",\"uuid\":\"u-" + UUID.randomUUID()
                + "\",\"participant\":{\"participant_uuid\":\"p1\",\"join_time\":\"" + Instant.now()
                        .truncatedTo(ChronoUnit.SECONDS) + "\"}}}}";
        assertThat(post(body, now(), "not-the-secret").statusCode()).as("wrong secret").isEqualTo(401);
        HttpResponse<String> noSignature = http.send(HttpRequest.newBuilder(URI.create(webhookUrl()))
                .header("Content-Type", "application/json").header("Accept-Language", "fr")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noSignature.statusCode()).isEqualTo(401);
        assertThat(noSignature.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(noSignature.body()).contains("signature du webhook");

        String timestamp = now();
        assertThat(post(body, timestamp, ZoomEmulatorServer.WEBHOOK_SECRET).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = post(body, timestamp, ZoomEmulatorServer.WEBHOOK_SECRET);
        assertThat(replay.statusCode()).as("the captured request sent again").isEqualTo(409);
        assertThat(replay.body()).contains("webhook-replayed");
        assertThat(post("{not json", now(), ZoomEmulatorServer.WEBHOOK_SECRET).statusCode()).isEqualTo(400);

        // Everything for this meeting is on one partition, in order: what precedes the barrier is all there is.
        List<String> handedOver = handedOverUpTo(session, barrier(session));
        assertThat(handedOver).containsExactly("meeting.started", "meeting.participant_joined",
                "meeting.sharing_started");
    }

    @Test
    void aWebhookOfAMeetingThePlatformDoesNotKnowIsAcceptedCountedAndSkipped() throws Exception {
        double before = meters.counter("zoom.webhooks.consumed", "event", "meeting.started", "outcome",
                "unknown-meeting").count();
        String body = "{\"event\":\"meeting.started\",\"event_ts\":" + System.currentTimeMillis()
                + ",\"payload\":{\"object\":{\"id\":\"99999999999\",\"uuid\":\"x\",\"start_time\":\""
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}}}";
        assertThat(post(body, now(), ZoomEmulatorServer.WEBHOOK_SECRET).statusCode()).isEqualTo(200);
        await().atMost(DEADLINE).until(() -> meters.counter("zoom.webhooks.consumed", "event", "meeting.started",
                "outcome", "unknown-meeting").count() > before);
    }

    @Test
    void theUrlValidationIsAnsweredWithTheTokenEncryptedWithTheSecret() throws Exception {
        JsonNode results = emulator.admin("POST", "/webhooks/url-validation", Map.of("url", webhookUrl()));
        JsonNode result = results.isArray() ? results.get(0) : results;
        assertThat(result.path("valid").asBoolean()).as(result.toString()).isTrue();

        String body = "{\"event\":\"endpoint.url_validation\",\"event_ts\":1,\"payload\":{\"plainToken\":\"abc123\"}}";
        HttpResponse<String> answer = post(body, now(), ZoomEmulatorServer.WEBHOOK_SECRET);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("plainToken").asString()).isEqualTo("abc123");
        // hex HMAC-SHA256("hybridconf-demo-webhook-secret", "abc123"), computed with openssl
        assertThat(JSON.readTree(answer.body()).path("encryptedToken").asString())
                .isEqualTo("ea73a51fbb0f119b86a72d8e8a9a7155acb25d8cd7ed8c6e8ed44cbfcd7c3d8b");
    }

    @Test
    void participantsJoiningAndLeavingWithTheirJoinLinksGiveAttendancePerRegistration() throws Exception {
        Fixture session = session("host4@hybridconf.example");
        List<RegisteredParticipant> registrants = zoom.addRegistrants(ZoomKind.MEETING, session.meetingId(), List.of(
                Registrant.of("amina@participants.hybridconf.invalid", "Participant", "amina"),
                Registrant.of("jorge@participants.hybridconf.invalid", "Participant", "jorge"),
                Registrant.of("booth@interpreters.example", "Interpreter", "booth")));
        String amina = UUID.randomUUID().toString();
        String jorge = UUID.randomUUID().toString();
        // What registrant sync writes; the interpreter is no platform registration (anonymous).
        store.redis().hset(keys.registrantIds(Long.toString(session.meetingId())), Map.of(
                registrants.get(0).registrantId(), amina, registrants.get(1).registrantId(), jorge));
        String meeting = "/meetings/" + session.meetingId();
        emulator.admin("POST", meeting + "/start", null);

        String aminaUuid = join(meeting, registrants.get(0).joinUrl());
        join(meeting, registrants.get(2).joinUrl());
        emulator.admin("POST", "/clock", Map.of("advanceSeconds", 600));
        emulator.admin("POST", meeting + "/participants/" + aminaUuid + "/leave", null);
        join(meeting, registrants.get(0).joinUrl());
        join(meeting, registrants.get(1).joinUrl());

        await().atMost(DEADLINE).until(() -> attendance(session, staffToken()).path("totals").path("presentNow")
                .asLong() == 3);
        emulator.admin("POST", "/clock", Map.of("advanceSeconds", 300));
        emulator.admin("POST", meeting + "/end", null);

        await().atMost(DEADLINE).until(() -> {
            JsonNode totals = attendance(session, staffToken()).path("totals");
            return totals.path("presentNow").asLong() == 0 && totals.path("attended").asLong() == 2;
        });
        JsonNode report = attendance(session, TestTokens.shared().organiser());
        assertThat(report.path("totals").path("anonymous").asLong()).isEqualTo(1);
        Map<String, JsonNode> byRegistration = new java.util.HashMap<>();
        report.path("attendees").forEach(a -> byRegistration.put(a.path("registrationId").asString(), a));
        assertThat(byRegistration).containsOnlyKeys(amina, jorge);
        assertThat(byRegistration.get(amina).path("minutes").asLong()).as("10 + 5 minutes, rejoin adds up")
                .isEqualTo(15);
        assertThat(byRegistration.get(jorge).path("minutes").asLong()).isEqualTo(5);
        assertThat(byRegistration.get(amina).path("present").asBoolean()).isFalse();
        assertThat(Instant.parse(byRegistration.get(amina).path("lastLeftAt").asString()))
                .isAfter(Instant.parse(byRegistration.get(amina).path("firstJoinedAt").asString()));
        assertThat(report.toString()).doesNotContain("amina@").doesNotContain("Interpreter");

        assertThat(get("/api/streaming/sessions/" + session.sessionId() + "/attendance",
                TestTokens.shared().participant()).statusCode()).isEqualTo(403);
        assertThat(get("/api/streaming/sessions/no-such-session/attendance", staffToken()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void webhookAndAttendanceMessagesExistInEnglishFrenchAndSpanish() {
        TranslationAssertions.assertCompleteInEnglishFrenchAndSpanish("i18n/messages");
    }

    // ------------------------------------------------------------------------------------------------ fixture

    record Fixture(String sessionId, long meetingId) {
    }

    /** A meeting created on the emulator with the real client, and what provisioning would have written for it. */
    Fixture session(String host) {
        Instant start = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        ZoomMeeting meeting = zoom.createMeeting(host, new MeetingRequest("Webhook test",
                MeetingRequest.SCHEDULED_MEETING, start, 60, "UTC", null, MeetingSettings.platformDefaults(null)));
        String sessionId = UUID.randomUUID().toString();
        store.redis().set(keys.meeting(Long.toString(meeting.id())), sessionId);
        store.redis().hset(keys.session(sessionId), Map.of("kind", "BREAKOUT", "start", start.toString(), "end",
                start.plus(1, ChronoUnit.HOURS).toString(), "day", start.toString().substring(0, 10),
                "provisioning", "PROVISIONED", "zoomKind", "MEETING", "meetingId", Long.toString(meeting.id()),
                "live", "SCHEDULED"));
        return new Fixture(sessionId, meeting.id());
    }

    String sessionField(Fixture session, String field) {
        return store.redis().hget(keys.session(session.sessionId()), field);
    }

    String webhookUrl() {
        return "http://localhost:" + port + "/webhooks/zoom";
    }

    static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    HttpResponse<String> post(String body, String timestamp, String secret) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(webhookUrl()))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("x-zm-request-timestamp", timestamp)
                .header("x-zm-signature", ZoomSignature.sign(secret, timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode attendance(Fixture session, String token) throws Exception {
        HttpResponse<String> answer = get("/api/streaming/sessions/" + session.sessionId() + "/attendance", token);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    static String staffToken() {
        return TestTokens.shared().token("staff-" + UUID.randomUUID(), "streaming-staff");
    }

    /** Status of the emulator's manual resend of an event to the service. */
    int resend(String eventId, Map<String, Object> how) {
        JsonNode attempts = emulator.admin("POST", "/webhooks/events/" + eventId + "/resend", how);
        return attempts.get(0).path("status").asInt();
    }

    String join(String meeting, String joinUrl) {
        return emulator.admin("POST", meeting + "/participants", Map.of("joinUrl", joinUrl)).path("result")
                .path("participantUuid").asString();
    }

    /** A valid webhook of an event the consumer skips, sent after everything else of the meeting. */
    String barrier(Fixture session) {
        String body = "{\"event\":\"meeting.sharing_started\",\"event_ts\":" + System.nanoTime()
                + ",\"payload\":{\"object\":{\"id\":\"" + session.meetingId() + "\"}}}";
        try {
            assertThat(post(body, now(), ZoomEmulatorServer.WEBHOOK_SECRET).statusCode()).isEqualTo(200);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return "meeting.sharing_started";
    }

    /** The Zoom events handed to the internal topic for this meeting, up to the barrier. */
    List<String> handedOverUpTo(Fixture session, String barrier) {
        String key = Long.toString(session.meetingId());
        Predicate<ConsumerRecord<String, String>> mine = r -> key.equals(r.key());
        List<String> events = kafka.readUntil(topics.physical(WebhookHandOff.TOPIC), DEADLINE,
                records -> records.stream().filter(mine).anyMatch(r -> r.value().contains(barrier))).stream()
                .filter(mine).map(r -> JSON.readTree(r.value()).path("data").path("zoomEvent").asString()).toList();
        assertThat(events).contains(barrier);
        return events;
    }

    boolean consumedBarrier(Fixture session) {
        return kafka.lag(topics.group("streaming-link-service"), topics.physical(WebhookHandOff.TOPIC)) == 0;
    }

    Predicate<ConsumerRecord<String, String>> isEvent(Fixture session, String type) {
        return r -> session.sessionId().equals(r.key()) && r.value().contains("\"type\":\"" + type + "\"");
    }
}

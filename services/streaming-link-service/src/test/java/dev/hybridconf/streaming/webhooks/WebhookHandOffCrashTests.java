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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.contracts.streaming.MeetingStarted;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.OutboxEntry;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.RedisProxy;
import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.StreamEntryID;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook hand-off when things break in the middle, on a real Redis reached through a proxy that can lose
 * Redis's answer to the hand-over's write (the write is applied, the service never hears so, as when it dies right
 * after): the replay
 * markers and the event are one write, so there is never a marker without its event; Zoom's retry is answered
 * {@code duplicate} and the event still reaches the consumer, once. And a saturated endpoint answers 503 with
 * {@code Retry-After}, so that Zoom sends the webhook again.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "platform.redis.socket-timeout=1s",
    "platform.outbox.block-for=200ms",
    "platform.outbox.lease-ttl=3s",
    "platform.zoom.webhooks.max-in-flight=1",
    "platform.zoom.webhooks.retry-after=7s",
    "platform.streaming.reconciliation.enabled=false"})
@PlatformInfrastructure
class WebhookHandOffCrashTests {

    static final String SECRET = "crash-tests-secret";
    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final RedisProxy REDIS = RedisProxy.start();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("platform.zoom.webhooks.secret-token", () -> SECRET);
        registry.add("platform.redis.port", REDIS::port);
        dev.hybridconf.testinfra.TestTokens.shared().register(registry);
    }

    @AfterAll
    static void closeProxy() {
        REDIS.close();
    }

    @Autowired
    RedisStore store;

    @Autowired
    StreamingKeys keys;

    @Autowired
    WebhookKeys webhookKeys;

    @Autowired
    TopicNames topics;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void answersFlowAgain() {
        REDIS.answerAll();
    }

    @Test
    void aHandOverWhoseAnswerWasLostKeepsMarkerAndEventTogetherAndZoomsRetryStillGetsTheSessionLive()
            throws Exception {
        String meetingId = meeting();
        String sessionId = session(meetingId);
        String body = started(meetingId);
        String bodyHash = ZoomSignature.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
        int lostBefore = REDIS.lostAnswers();

        // Redis applies the hand-over's write, and its answer never comes back (as if the service died then).
        REDIS.loseAnswersTo(bodyHash);
        HttpResponse<String> lost = post(body);
        REDIS.answerAll();

        assertThat(REDIS.lostAnswers()).as("the write's answer was lost").isEqualTo(lostBefore + 1);
        assertThat(lost.statusCode()).as(lost.body()).isEqualTo(503);
        assertThat(lost.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(lost.body()).contains("webhook-not-accepted");
        // Redis applied the hand-over: the marker is there, and so is its event (in the outbox or already out).
        assertThat(store.redis().exists(webhookKeys.seenEvent(bodyHash))).isTrue();
        UUID eventId = WebhookHandOff.eventId(bodyHash);
        await().atMost(DEADLINE).until(() -> inOutbox(eventId) || onTopic(meetingId, eventId));

        // Zoom retries (signed afresh): a duplicate, and the session goes live from the one event.
        HttpResponse<String> retry = post(body);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(retry.body()).contains("duplicate");
        await().atMost(DEADLINE).until(() -> "LIVE".equals(store.redis().hget(keys.session(sessionId), "live")));
        assertThat(handedOver(meetingId)).as("one hand-over of the event").containsOnly(eventId.toString());
        assertThat(meters.counter("zoom.webhooks.consumed", "event", "meeting.started", "outcome", "applied")
                .count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aSaturatedEndpointAnswers503WithRetryAfterAndZoomsRetryIsTakenOnceItHasRoom() throws Exception {
        String first = meeting();
        String second = meeting();
        session(first);
        String secondSession = session(second);

        // The first webhook's hand-over hangs (Redis's answer is lost until the client gives up): the only slot is taken.
        String slow = started(first);
        REDIS.loseAnswersTo(ZoomSignature.sha256Hex(slow.getBytes(StandardCharsets.UTF_8)));
        CompletableFuture<HttpResponse<String>> stuck = CompletableFuture.supplyAsync(() -> postQuietly(slow));
        await().atMost(DEADLINE).until(() -> meters.get("zoom.webhooks.in-flight").gauge().value() == 1);
        String body = started(second);
        HttpResponse<String> refused = post(body);
        REDIS.answerAll();

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(refused.body()).contains("webhook-not-accepted");
        stuck.join();

        HttpResponse<String> retry = post(body);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(retry.body()).contains("accepted");
        await().atMost(DEADLINE).until(() -> "LIVE".equals(store.redis().hget(keys.session(secondSession), "live")));
    }

    // ------------------------------------------------------------------------------------------------ fixture

    static String meeting() {
        return Long.toString(80_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    /** What provisioning would have written for a session with this meeting (one atomic write). */
    String session(String meetingId) {
        String sessionId = UUID.randomUUID().toString();
        Instant start = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        store.atomically().set(keys.meeting(meetingId), sessionId)
                .hset(keys.session(sessionId), Map.of("kind", "BREAKOUT", "start", start.toString(), "end",
                        start.plus(1, ChronoUnit.HOURS).toString(), "day", start.toString().substring(0, 10),
                        "provisioning", "PROVISIONED", "zoomKind", "MEETING", "meetingId", meetingId,
                        "live", "SCHEDULED"))
                .execute();
        return sessionId;
    }

    static String started(String meetingId) {
        return "{\"event\":\"meeting.started\",\"event_ts\":" + System.currentTimeMillis()
                + ",\"payload\":{\"object\":{\"id\":\"" + meetingId + "\",\"uuid\":\"u-" + UUID.randomUUID()
                + "\",\"start_time\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}}}";
    }

    HttpResponse<String> post(String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/zoom"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("x-zm-request-timestamp", timestamp)
                .header("x-zm-signature", ZoomSignature.sign(SECRET, timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postQuietly(String body) {
        try {
            return post(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    boolean inOutbox(UUID eventId) {
        return store.redis().xrange(store.keys().outbox(), (StreamEntryID) null, (StreamEntryID) null).stream()
                .anyMatch(e -> eventId.toString().equals(e.getFields().get(OutboxEntry.EVENT_ID)));
    }

    boolean onTopic(String meetingId, UUID eventId) {
        return handedOver(meetingId).contains(eventId.toString());
    }

    /** Ids of the events handed to the internal topic for this meeting. */
    List<String> handedOver(String meetingId) {
        List<ConsumerRecord<String, String>> records = KafkaProbe.shared().readUntil(
                topics.physical(WebhookHandOff.TOPIC), Duration.ofSeconds(5),
                read -> read.stream().anyMatch(r -> meetingId.equals(r.key())));
        return records.stream().filter(r -> meetingId.equals(r.key()))
                .map(r -> JSON.readTree(r.value()).path("id").asString()).distinct().toList();
    }
}

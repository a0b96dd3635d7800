package dev.hybridconf.streaming.webhooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.streaming.MeetingEnded;
import dev.hybridconf.contracts.streaming.MeetingStarted;
import dev.hybridconf.contracts.streaming.ZoomWebhookReceived;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.RedisStore;
import redis.clients.jedis.UnifiedJedis;

/**
 * Live status of a session from its meeting's started/ended webhooks: the session hash's {@code live}
 * ({@code LIVE}, {@code ENDED}), {@code liveAt} (when the last applied transition happened at Zoom) and
 * {@code liveInstance} (the meeting instance uuid), written with {@code streaming.meeting-started.v1} or
 * {@code streaming.meeting-ended.v1} in one atomic step. A transition older than the last applied one is stale
 * (a late "started" after "ended" never flips a session back to live); a meeting started again later (a new
 * instance) is live again. One meeting's webhooks are keyed by meeting, so one consumer applies them in order.
 */
@Component
class LiveStatus {

    static final String LIVE = "LIVE";
    static final String ENDED = "ENDED";
    static final String LIVE_INSTANCE = "liveInstance";
    static final String LIVE_STREAM = "liveStream";

    private final RedisStore store;
    private final UnifiedJedis redis;
    private final WebhookKeys keys;
    private final WebhookProperties settings;

    LiveStatus(RedisStore store, WebhookKeys keys, WebhookProperties settings) {
        this.store = store;
        this.redis = store.redis();
        this.keys = keys;
        this.settings = settings;
    }

    /** Applies a started or ended webhook; answers the outcome for metrics. */
    String apply(String eventId, String sessionId, ZoomWebhookReceived received, boolean started) {
        String sessionKey = keys.streaming().session(sessionId);
        Map<String, String> hash = redis.hgetAll(sessionKey);
        if (hash == null || hash.isEmpty()) {
            return "unknown-session";
        }
        String live = hash.getOrDefault("live", "SCHEDULED");
        Instant liveAt = parse(hash.get("liveAt"));
        Instant at = received.occurredAt();
        if (started) {
            if (liveAt != null && !at.isAfter(liveAt)) {
                return "stale";
            }
        } else if (ENDED.equals(live) || (liveAt != null && at.isBefore(liveAt))) {
            return "stale";
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("live", started ? LIVE : ENDED);
        fields.put("liveAt", at.toString());
        if (received.meetingUuid() != null) {
            fields.put(LIVE_INSTANCE, received.meetingUuid());
        }
        AtomicWrite write = store.atomically().onlyOnce(eventId, settings.remember())
                .hset(sessionKey, fields)
                .emit(started ? new MeetingStarted(sessionId, at) : new MeetingEnded(sessionId, at));
        return write.execute() == AtomicWrite.Outcome.APPLIED ? "applied" : "duplicate";
    }

    /** Live streaming started or stopped: state only, in the session hash's {@code liveStream} field. */
    String liveStream(String eventId, String sessionId, boolean streaming) {
        String sessionKey = keys.streaming().session(sessionId);
        if (!redis.exists(sessionKey)) {
            return "unknown-session";
        }
        AtomicWrite write = store.atomically().onlyOnce(eventId, settings.remember())
                .hset(sessionKey, Map.of(LIVE_STREAM, streaming ? "STREAMING" : "STOPPED"));
        return write.execute() == AtomicWrite.Outcome.APPLIED ? "applied" : "duplicate";
    }

    private static Instant parse(String value) {
        return value == null || value.isBlank() ? null : Instant.parse(value);
    }
}

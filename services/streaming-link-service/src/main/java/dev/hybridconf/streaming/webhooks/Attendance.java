package dev.hybridconf.streaming.webhooks;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.streaming.ZoomWebhookReceived;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.RedisStore;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attendance per session from participant joined/left webhooks. A participant with a registrant id known in
 * {@code registrant-ids:{meetingId}} is recorded under their registration id in {@code attendance:{sessionId}};
 * anyone else (hosts, interpreters, people without registration) under Zoom's participant uuid in
 * {@code attendance-anonymous:{sessionId}}, counted but never named. Each webhook event id is applied once.
 */
@Component
class Attendance {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RedisStore store;
    private final UnifiedJedis redis;
    private final WebhookKeys keys;
    private final WebhookProperties settings;

    Attendance(RedisStore store, WebhookKeys keys, WebhookProperties settings) {
        this.store = store;
        this.redis = store.redis();
        this.keys = keys;
        this.settings = settings;
    }

    String apply(String eventId, String sessionId, ZoomWebhookReceived received, boolean joined) {
        String registrationId = received.registrantId() == null ? null
                : redis.hget(keys.streaming().registrantIds(received.meetingId()), received.registrantId());
        String key;
        String field;
        if (registrationId != null) {
            key = keys.streaming().attendance(sessionId);
            field = registrationId;
        } else if (received.participantUuid() != null) {
            key = keys.anonymousAttendance(sessionId);
            field = received.participantUuid();
        } else if (received.registrantId() != null) {
            key = keys.anonymousAttendance(sessionId);
            field = "registrant:" + received.registrantId();
        } else {
            return "unidentified";
        }
        String current = redis.hget(key, field);
        AttendanceRecord before = current == null ? AttendanceRecord.none() : read(current);
        AttendanceRecord after = joined ? before.joined(received.occurredAt()) : before.left(received.occurredAt());
        AtomicWrite write = store.atomically().onlyOnce(eventId, settings.remember())
                .hset(key, Map.of(field, JSON.writeValueAsString(after)));
        if (write.execute() == AtomicWrite.Outcome.DUPLICATE) {
            return "duplicate";
        }
        return registrationId != null ? "applied" : "anonymous";
    }

    /** The session's attendance by registration id, and the anonymous stays by participant. */
    Snapshot snapshot(String sessionId) {
        return new Snapshot(readAll(keys.streaming().attendance(sessionId)),
                readAll(keys.anonymousAttendance(sessionId)));
    }

    record Snapshot(Map<String, AttendanceRecord> registered, Map<String, AttendanceRecord> anonymous) {
    }

    private Map<String, AttendanceRecord> readAll(String key) {
        Map<String, AttendanceRecord> records = new TreeMap<>();
        redis.hgetAll(key).forEach((field, json) -> records.put(field, read(json)));
        return records;
    }

    private static AttendanceRecord read(String json) {
        return JSON.readValue(json, AttendanceRecord.class);
    }

    static long minutes(AttendanceRecord record, Instant now) {
        return record.minutes(now);
    }
}

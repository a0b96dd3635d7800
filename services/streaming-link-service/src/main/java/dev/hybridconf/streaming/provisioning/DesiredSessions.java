package dev.hybridconf.streaming.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.session.SessionCancelled;
import dev.hybridconf.contracts.session.SessionRescheduled;
import dev.hybridconf.contracts.session.SessionScheduled;
import dev.hybridconf.contracts.session.SessionUpdated;
import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records what the programme wants of a session (the listener's half of provisioning): the session's facts in
 * its hash, the day and all-remote indexes, and a mark in {@code provisioning:due}, in one atomic step per event.
 * It never calls Zoom. An event older than what is stored is skipped (session versions), and an event id is
 * applied once.
 */
@Component
class DesiredSessions {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TRIES = 5;

    enum Applied { APPLIED, STALE, DUPLICATE }

    private final RedisStore store;
    private final UnifiedJedis redis;
    private final StreamingKeys keys;
    private final ProvisioningKeys own;
    private final ProvisioningProperties properties;
    private final Clock clock;

    DesiredSessions(RedisStore store, ProvisioningKeys own, ProvisioningProperties properties, Clock clock) {
        this.store = store;
        this.redis = store.redis();
        this.keys = own.streaming();
        this.own = own;
        this.properties = properties;
        this.clock = clock;
    }

    Applied scheduled(String eventId, SessionScheduled e) {
        Map<String, String> facts = facts(e.conferenceId(), e.kind(), e.day(), e.start(), e.end(), e.timeZone(),
                e.format());
        facts.put("slot", e.slot() == null ? "" : e.slot());
        facts.put("title", JSON.writeValueAsString(e.title()));
        facts.put("floorLanguages", String.join(",", e.floorLanguages()));
        facts.put("publiclyStreamed", Boolean.toString(e.publiclyStreamed()));
        facts.put("status", "SCHEDULED");
        return apply(eventId, e.sessionId(), e.sessionVersion(), false, facts);
    }

    Applied updated(String eventId, SessionUpdated e) {
        Map<String, String> facts = facts(e.conferenceId(), e.kind(), e.day(), e.start(), e.end(), e.timeZone(),
                e.format());
        facts.put("slot", e.slot() == null ? "" : e.slot());
        facts.put("title", JSON.writeValueAsString(e.title()));
        facts.put("floorLanguages", String.join(",", e.floorLanguages()));
        facts.put("publiclyStreamed", Boolean.toString(e.publiclyStreamed()));
        // The complete state of the same version as a reschedule that came just before it is applied too.
        return apply(eventId, e.sessionId(), e.sessionVersion(), true, facts);
    }

    Applied rescheduled(String eventId, SessionRescheduled e) {
        return apply(eventId, e.sessionId(), e.sessionVersion(), false,
                facts(e.conferenceId(), e.kind(), e.day(), e.start(), e.end(), e.timeZone(), e.format()));
    }

    Applied cancelled(String eventId, SessionCancelled e) {
        Map<String, String> facts = facts(e.conferenceId(), e.kind(), e.day(), e.start(), e.end(), e.timeZone(),
                null);
        facts.put("status", "CANCELLED");
        return apply(eventId, e.sessionId(), e.sessionVersion(), true, facts);
    }

    private static Map<String, String> facts(String conferenceId, String kind, LocalDate day, Instant start,
            Instant end, String timeZone, String format) {
        Map<String, String> facts = new HashMap<>();
        facts.put("conferenceId", conferenceId);
        facts.put("kind", kind);
        facts.put("day", day.toString());
        facts.put("start", start.toString());
        facts.put("end", end.toString());
        facts.put("timeZone", timeZone);
        if (format != null) {
            facts.put("format", format);
        }
        return facts;
    }

    private Applied apply(String eventId, String sessionId, long version, boolean sameVersionApplies,
            Map<String, String> facts) {
        String key = keys.session(sessionId);
        for (int attempt = 1; ; attempt++) {
            Map<String, String> stored = redis.hgetAll(key);
            SessionView before = SessionView.fromHash(sessionId, stored);
            boolean known = before != null;
            if (known && (before.sessionVersion() > version
                    || (before.sessionVersion() == version && !sameVersionApplies))) {
                return Applied.STALE;
            }
            Map<String, String> merged = new HashMap<>(known ? stored : Map.of());
            merged.putAll(facts);
            String kind = merged.get("kind");
            String format = merged.getOrDefault("format", "HYBRID");
            String status = merged.getOrDefault("status", "SCHEDULED");
            boolean needsMeeting = !"BREAK".equals(kind) && !"IN_PERSON".equals(format);
            String audience = "BREAKOUT".equals(kind) ? SessionView.ENROLLED : SessionView.ALL_REMOTE;
            Map<String, String> fields = new HashMap<>(facts);
            fields.put("sessionVersion", Long.toString(version));
            fields.put("needsMeeting", Boolean.toString(needsMeeting));
            fields.put("audience", audience);
            if (!known) {
                fields.put("provisioning", "PENDING");
                fields.put("live", "SCHEDULED");
            }
            Instant start = Instant.parse(merged.get("start"));
            AtomicWrite write = store.atomically().onlyOnce(eventId, properties.rememberEvents());
            if (known) {
                write.requireField(key, "sessionVersion", stored.getOrDefault("sessionVersion", "0"),
                        () -> new ConflictException("session-changed", "provisioning.changed-concurrently",
                                sessionId));
            } else {
                write.requireAbsent(key, () -> new ConflictException("session-changed",
                        "provisioning.changed-concurrently", sessionId));
            }
            write.hset(key, fields).hincrBy(key, ProvisioningKeys.REVISION, 1);
            LocalDate day = LocalDate.parse(merged.get("day"));
            if (known && before.day() != null && !before.day().equals(day)) {
                write.zrem(keys.day(before.day()), sessionId);
            }
            write.zadd(keys.day(day), start.toEpochMilli(), sessionId);
            if (SessionView.ALL_REMOTE.equals(audience) && needsMeeting && "SCHEDULED".equals(status)) {
                write.sadd(keys.allRemoteSessions(), sessionId);
            } else {
                write.srem(keys.allRemoteSessions(), sessionId);
            }
            write.zadd(own.due(), clock.millis(), sessionId);
            try {
                return write.execute() == AtomicWrite.Outcome.DUPLICATE ? Applied.DUPLICATE : Applied.APPLIED;
            } catch (ConflictException changed) {
                if (attempt >= TRIES) {
                    throw changed;
                }
            }
        }
    }

    /** The sessions due now (at most {@code limit}), for the worker. */
    List<String> dueNow(int limit) {
        return redis.zrangeByScore(own.due(), 0, clock.millis(), 0, limit);
    }
}

package dev.hybridconf.streaming.participants;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.hybridconf.kit.errors.ProblemException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.registrants.RegistrantSyncProperties;
import redis.clients.jedis.UnifiedJedis;

/**
 * Applies registration and enrolment facts to the service's copy, each event id once, and marks the affected
 * sessions due for a registrant sync in the same atomic step. The copy holds no name or e-mail: only status,
 * attendance mode and languages.
 */
@Component
public class ParticipantCopy {

    public static final String APPROVED = "APPROVED";
    public static final String REMOTE = "REMOTE";

    /** Fields of {@code participant:{registrationId}}. */
    public static final String STATUS = "status";
    public static final String ATTENDANCE_MODE = "attendanceMode";
    public static final String PREFERRED_LANGUAGE = "preferredLanguage";
    public static final String INTERPRETATION_LANGUAGE = "interpretationLanguage";

    private final RedisStore store;
    private final UnifiedJedis redis;
    private final StreamingKeys keys;
    private final Clock clock;
    private final Duration remember;

    ParticipantCopy(RedisStore store, StreamingKeys keys, Clock clock, RegistrantSyncProperties properties) {
        this.store = store;
        this.redis = store.redis();
        this.keys = keys;
        this.clock = clock;
        this.remember = properties.rememberEvents();
    }

    /** Approved (or re-approved): status, mode and languages; in {@code participants:remote} when remote. */
    public String approved(String eventId, String registrationId, String attendanceMode, String preferredLanguage,
            String interpretationLanguage) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(STATUS, APPROVED);
        fields.put(ATTENDANCE_MODE, nullToEmpty(attendanceMode));
        fields.put(PREFERRED_LANGUAGE, nullToEmpty(preferredLanguage));
        fields.put(INTERPRETATION_LANGUAGE, nullToEmpty(interpretationLanguage));
        AtomicWrite write = store.atomically().onlyOnce(eventId, remember).hset(keys.participant(registrationId), fields);
        remoteMembership(write, registrationId, APPROVED, attendanceMode);
        return apply(markAffected(write, registrationId));
    }

    /** A switch between in person and remote, with the registration's status after it. */
    public String attendanceChanged(String eventId, String registrationId, String attendanceMode, String status) {
        boolean known = redis.exists(keys.participant(registrationId));
        if (!known && !APPROVED.equals(status)) {
            return skipped(eventId);
        }
        AtomicWrite write = store.atomically().onlyOnce(eventId, remember).hset(keys.participant(registrationId),
                Map.of(STATUS, nullToEmpty(status), ATTENDANCE_MODE, nullToEmpty(attendanceMode)));
        remoteMembership(write, registrationId, status, attendanceMode);
        return apply(markAffected(write, registrationId));
    }

    /** New languages; only for a participant the service knows (it never recreates an erased one). */
    public String languageChanged(String eventId, String registrationId, String preferredLanguage,
            String interpretationLanguage) {
        if (!redis.exists(keys.participant(registrationId))) {
            return skipped(eventId);
        }
        return apply(store.atomically().onlyOnce(eventId, remember).hset(keys.participant(registrationId),
                Map.of(PREFERRED_LANGUAGE, nullToEmpty(preferredLanguage),
                        INTERPRETATION_LANGUAGE, nullToEmpty(interpretationLanguage))));
    }

    /** Cancelled: no longer remote; the registrant sync cancels their Zoom registrations. */
    public String cancelled(String eventId, String registrationId) {
        if (!redis.exists(keys.participant(registrationId))) {
            return skipped(eventId);
        }
        AtomicWrite write = store.atomically().onlyOnce(eventId, remember)
                .hset(keys.participant(registrationId), Map.of(STATUS, "CANCELLED"))
                .srem(keys.remoteParticipants(), registrationId);
        return apply(markAffected(write, registrationId));
    }

    /**
     * Erased: the copy, the remote membership and every enrolment go now. Their Zoom registrations stay in
     * {@code registrants:{sessionId}} only until the sync has cancelled them in Zoom (the sessions are marked
     * due in the same step); the webhook consumer's attendance rows of those sessions go too.
     */
    public String erased(String eventId, String registrationId) {
        Set<String> enrolments = redis.smembers(keys.enrolments(registrationId));
        AtomicWrite write = store.atomically().onlyOnce(eventId, remember)
                .delete(keys.participant(registrationId))
                .srem(keys.remoteParticipants(), registrationId)
                .delete(keys.enrolments(registrationId));
        for (String sessionId : enrolments) {
            write.srem(keys.enrolled(sessionId), registrationId);
        }
        Set<String> affected = affectedSessions(enrolments);
        // Attendance rows (registration id -> JSON) are the webhook consumer's; an erased person keeps none.
        for (String sessionId : affected) {
            write.hdel(keys.attendance(sessionId), registrationId);
        }
        return apply(mark(write, affected));
    }

    /** A place in a breakout (enrolled with a place, or promoted from its waiting list). */
    public String enrolled(String eventId, String sessionId, String registrationId) {
        return apply(store.atomically().onlyOnce(eventId, remember)
                .sadd(keys.enrolled(sessionId), registrationId)
                .sadd(keys.enrolments(registrationId), sessionId)
                .zadd(keys.registrantsDirty(), clock.millis(), sessionId));
    }

    /** No place in the breakout any more. */
    public String enrolmentCancelled(String eventId, String sessionId, String registrationId) {
        return apply(store.atomically().onlyOnce(eventId, remember)
                .srem(keys.enrolled(sessionId), registrationId)
                .srem(keys.enrolments(registrationId), sessionId)
                .zadd(keys.registrantsDirty(), clock.millis(), sessionId));
    }

    /** Records the event as seen without changing anything. */
    private String skipped(String eventId) {
        store.atomically().onlyOnce(eventId, remember).execute();
        return "skipped";
    }

    private void remoteMembership(AtomicWrite write, String registrationId, String status, String attendanceMode) {
        if (APPROVED.equals(status) && REMOTE.equals(attendanceMode)) {
            write.sadd(keys.remoteParticipants(), registrationId);
        } else {
            write.srem(keys.remoteParticipants(), registrationId);
        }
    }

    private AtomicWrite markAffected(AtomicWrite write, String registrationId) {
        return mark(write, affectedSessions(redis.smembers(keys.enrolments(registrationId))));
    }

    /** Every session open to all remote participants, plus the participant's breakouts. */
    private Set<String> affectedSessions(Set<String> enrolments) {
        Set<String> sessions = new HashSet<>(redis.smembers(keys.allRemoteSessions()));
        sessions.addAll(enrolments);
        return sessions;
    }

    private AtomicWrite mark(AtomicWrite write, Set<String> sessions) {
        long now = clock.millis();
        for (String sessionId : List.copyOf(sessions)) {
            write.zadd(keys.registrantsDirty(), now, sessionId);
        }
        return write;
    }

    private static String apply(AtomicWrite write) {
        try {
            return write.execute() == AtomicWrite.Outcome.DUPLICATE ? "duplicate" : "applied";
        } catch (ProblemException e) {
            return "skipped";
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

package dev.hybridconf.streaming.participants;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.kit.errors.ProblemException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.registrants.RegistrantSyncProperties;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Applies registration and enrolment facts to the service's copy, each event id once, and marks the affected
 * sessions due for a registrant sync in the same atomic step. The copy holds no name or e-mail: only the
 * registration's conference, status, attendance mode and languages. A registration is for one conference: an
 * approved remote participant is in that conference's {@code participants:remote:{conferenceId}} only, so the
 * sync registers them in that conference's plenaries and no other's.
 */
@Component
public class ParticipantCopy {

    public static final String APPROVED = "APPROVED";
    public static final String REMOTE = "REMOTE";

    /** Fields of {@code participant:{registrationId}}. */
    public static final String CONFERENCE = "conferenceId";
    public static final String STATUS = "status";
    public static final String ATTENDANCE_MODE = "attendanceMode";
    public static final String PREFERRED_LANGUAGE = "preferredLanguage";
    public static final String INTERPRETATION_LANGUAGE = "interpretationLanguage";

    private final RedisStore store;
    private final UnifiedJedis redis;
    private final StreamingKeys keys;
    private final Clock clock;
    private final Duration remember;
    private final String defaultConference;

    ParticipantCopy(RedisStore store, StreamingKeys keys, Clock clock, RegistrantSyncProperties properties,
            @Value("${platform.streaming.default-conference:}") String defaultConference) {
        this.store = store;
        this.redis = store.redis();
        this.keys = keys;
        this.clock = clock;
        this.remember = properties.rememberEvents();
        this.defaultConference = defaultConference == null || defaultConference.isBlank() ? null
                : defaultConference.strip();
    }

    /**
     * The conference a registration belongs to: the one its event names, else the one stored with it, else the
     * default conference (an event or a copy from before conferences were the boundary, ADR 0015); null if none.
     */
    public String conferenceOf(String fromEvent, Map<String, String> stored) {
        if (fromEvent != null && !fromEvent.isBlank()) {
            return fromEvent;
        }
        String kept = stored == null ? null : stored.get(CONFERENCE);
        return kept != null && !kept.isBlank() ? kept : defaultConference;
    }

    /** The conference of data from before conferences were the boundary, or null when none is configured. */
    public String defaultConference() {
        return defaultConference;
    }

    /**
     * Approved (or re-approved): conference, status, mode and languages; in the conference's
     * {@code participants:remote:{conferenceId}} when remote.
     */
    public String approved(CloudEvent event, String registrationId, String conferenceId, String attendanceMode,
            String preferredLanguage, String interpretationLanguage) {
        String conference = conferenceOf(conferenceId, redis.hgetAll(keys.participant(registrationId)));
        Map<String, String> fields = new LinkedHashMap<>();
        if (conference != null) {
            fields.put(CONFERENCE, conference);
        }
        fields.put(STATUS, APPROVED);
        fields.put(ATTENDANCE_MODE, nullToEmpty(attendanceMode));
        fields.put(PREFERRED_LANGUAGE, nullToEmpty(preferredLanguage));
        fields.put(INTERPRETATION_LANGUAGE, nullToEmpty(interpretationLanguage));
        AtomicWrite write = newer(event).hset(keys.participant(registrationId), fields);
        remoteMembership(write, registrationId, conference, APPROVED, attendanceMode);
        return apply(markAffected(write, registrationId, conference));
    }

    /** A switch between in person and remote, with the registration's status after it. */
    public String attendanceChanged(CloudEvent event, String registrationId, String conferenceId, String attendanceMode,
            String status) {
        Map<String, String> stored = redis.hgetAll(keys.participant(registrationId));
        boolean known = !stored.isEmpty();
        if (!known && !APPROVED.equals(status)) {
            return skipped(event);
        }
        String conference = conferenceOf(conferenceId, stored);
        Map<String, String> fields = new LinkedHashMap<>();
        if (conference != null) {
            fields.put(CONFERENCE, conference);
        }
        fields.put(STATUS, nullToEmpty(status));
        fields.put(ATTENDANCE_MODE, nullToEmpty(attendanceMode));
        AtomicWrite write = newer(event).hset(keys.participant(registrationId),
                fields);
        remoteMembership(write, registrationId, conference, status, attendanceMode);
        return apply(markAffected(write, registrationId, conference));
    }

    /** New languages; only for a participant the service knows (it never recreates an erased one). */
    public String languageChanged(CloudEvent event, String registrationId, String preferredLanguage,
            String interpretationLanguage) {
        if (!redis.exists(keys.participant(registrationId))) {
            return skipped(event);
        }
        return apply(newer(event).hset(keys.participant(registrationId),
                Map.of(PREFERRED_LANGUAGE, nullToEmpty(preferredLanguage),
                        INTERPRETATION_LANGUAGE, nullToEmpty(interpretationLanguage))));
    }

    /** Cancelled: no longer remote; the registrant sync cancels their Zoom registrations. */
    public String cancelled(CloudEvent event, String registrationId, String conferenceId) {
        Map<String, String> stored = redis.hgetAll(keys.participant(registrationId));
        if (stored.isEmpty()) {
            return skipped(event);
        }
        String conference = conferenceOf(conferenceId, stored);
        AtomicWrite write = newer(event)
                .hset(keys.participant(registrationId), Map.of(STATUS, "CANCELLED"));
        if (conference != null) {
            write.srem(keys.remoteParticipants(conference), registrationId);
        }
        return apply(markAffected(write, registrationId, conference));
    }

    /**
     * Erased: the copy, the remote membership and every enrolment go now. Their Zoom registrations stay in
     * {@code registrants:{sessionId}} only until the sync has cancelled them in Zoom (the sessions are marked
     * due in the same step); the webhook consumer's attendance rows of those sessions go too.
     */
    public String erased(CloudEvent event, String registrationId, String conferenceId) {
        String conference = conferenceOf(conferenceId, redis.hgetAll(keys.participant(registrationId)));
        Set<String> enrolments = redis.smembers(keys.enrolments(registrationId));
        AtomicWrite write = newer(event)
                .delete(keys.participant(registrationId))
                .delete(keys.enrolments(registrationId));
        if (conference != null) {
            write.srem(keys.remoteParticipants(conference), registrationId);
        }
        for (String sessionId : enrolments) {
            write.srem(keys.enrolled(sessionId), registrationId);
        }
        Set<String> affected = affectedSessions(enrolments, conference);
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
    private String skipped(CloudEvent event) {
        newer(event).execute();
        return "skipped";
    }

    /**
     * A write applying a registration event once, and only if it is newer than what the copy holds of the
     * registration (its {@code aggregateversion}): a late event (a repeat, an {@code approved} after the
     * {@code cancelled} that followed it, anything after an erasure) changes nothing, so nobody cancelled is
     * registered in Zoom and nothing erased comes back. The version outlives an erased record: the tombstone.
     */
    private AtomicWrite newer(CloudEvent event) {
        return store.atomically().onlyOnce(event.id().toString(), remember).onlyNewer(event);
    }

    /**
     * In the conference's set of remote participants while approved to attend remotely, out of it otherwise. A
     * registration of no known conference (from before conferences, no default configured) is in none: it is
     * registered in no Zoom meeting rather than in every conference's.
     */
    private void remoteMembership(AtomicWrite write, String registrationId, String conference, String status,
            String attendanceMode) {
        if (conference == null) {
            return;
        }
        if (APPROVED.equals(status) && REMOTE.equals(attendanceMode)) {
            write.sadd(keys.remoteParticipants(conference), registrationId);
        } else {
            write.srem(keys.remoteParticipants(conference), registrationId);
        }
    }

    private AtomicWrite markAffected(AtomicWrite write, String registrationId, String conference) {
        return mark(write, affectedSessions(redis.smembers(keys.enrolments(registrationId)), conference));
    }

    /** The conference's sessions open to all its remote participants, plus the participant's breakouts. */
    private Set<String> affectedSessions(Set<String> enrolments, String conference) {
        Set<String> sessions = new HashSet<>(enrolments);
        if (conference == null) {
            return sessions;
        }
        List<String> allRemote = List.copyOf(redis.smembers(keys.allRemoteSessions()));
        List<Response<String>> conferences = new ArrayList<>(allRemote.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (String sessionId : allRemote) {
                conferences.add(pipeline.hget(keys.session(sessionId), "conferenceId"));
            }
            pipeline.sync();
        }
        for (int i = 0; i < allRemote.size(); i++) {
            if (conference.equals(conferences.get(i).get())) {
                sessions.add(allRemote.get(i));
            }
        }
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
            return switch (write.execute()) {
                case DUPLICATE -> "duplicate";
                case OLDER -> "older";
                case APPLIED -> "applied";
            };
        } catch (ProblemException e) {
            return "skipped";
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

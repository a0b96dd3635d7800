package dev.hybridconf.streaming.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Where every part of the service reports that Zoom lost a session's meeting (a host deleted it in Zoom, or Zoom
 * forgot it), and how the platform tells those losses from its own deletions.
 *
 * <p>A report names the meeting it found missing and takes effect only while that meeting is still the session's
 * current one, the session still wants a meeting and has not ended, and the loss was not reported already: so the
 * same loss noticed by a webhook, a call and the reconciliation at once is one loss, and a late notice about a meeting
 * already replaced changes nothing. In one atomic step it records the loss on the session hash
 * ({@link SessionView#repairing()}: the join path, the registrant sync, host links and live streams stop using the
 * meeting), voids the meeting's join links, registrant ids and live-stream settings, bumps the session's revision and
 * makes the session due for provisioning, which re-creates the meeting under its per-session lock.
 *
 * <p>The platform's own deletions (a cancelled session, a session moved to another host, a duplicate of a lost
 * create) are marked before the call ({@link #deletingAtZoom}); Zoom's {@code meeting.deleted} about a marked meeting
 * is not a loss.
 */
@Component
public class LostMeetings {

    private static final Logger log = LoggerFactory.getLogger(LostMeetings.class);
    private static final int TRIES = 5;
    /** Longer than Zoom's webhook retries and the webhook consumer's memory of applied events. */
    private static final Duration OWN_DELETION_REMEMBERED = Duration.ofDays(7);
    /** Shifts a repair's due time far into the past, keeping the sessions' order: see {@link #repairDue}. */
    private static final long REPAIR_PRIORITY_SHIFT = Duration.ofDays(3650).toMillis();

    /** How a loss was noticed: the {@code detection} tag of {@code streaming.meetings.lost}. */
    public enum Detection {
        /** Zoom answered a call about the meeting (update, registrants, host link, live stream...) with code 3001. */
        CALL,
        /** Zoom's {@code meeting.deleted} / {@code webinar.deleted} webhook. */
        WEBHOOK,
        /** The periodic comparison of each host's meetings at Zoom with what the platform expects. */
        RECONCILIATION;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a report did. */
    public enum Outcome {
        /** The loss is recorded; provisioning re-creates the meeting. */
        REPORTED,
        /** Already known; the repair is under way. */
        ALREADY_REPORTED,
        /** The meeting is not (or no longer) the session's: replaced, removed, or never the platform's. */
        NOT_CURRENT,
        /** The session is cancelled or needs no meeting any more. */
        NOT_NEEDED,
        /** The session has ended: nobody can join it, nothing is re-created. */
        ENDED,
        /** The service does not know the session. */
        UNKNOWN_SESSION;

        /** The meeting is being repaired: whoever noticed should stop using it. */
        public boolean repairing() {
            return this == REPORTED || this == ALREADY_REPORTED;
        }

        public String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final RedisStore store;
    private final UnifiedJedis redis;
    private final StreamingKeys keys;
    private final ProvisioningKeys own;
    private final Clock clock;
    private final MeterRegistry meters;

    LostMeetings(RedisStore store, ProvisioningKeys own, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.redis = store.redis();
        this.keys = own.streaming();
        this.own = own;
        this.clock = clock;
        this.meters = meters;
        for (Detection detection : Detection.values()) {
            // At zero from the start, so that a dashboard tells "none lost" from "not measured".
            meters.counter("streaming.meetings.lost", "detection", detection.tag());
        }
    }

    /** Reports that Zoom no longer has {@code meetingId}, the session's meeting as far as the caller knew. */
    public Outcome report(String sessionId, String meetingId, Detection detection) {
        String sessionKey = keys.session(sessionId);
        for (int attempt = 1; ; attempt++) {
            Map<String, String> hash = redis.hgetAll(sessionKey);
            SessionView session = SessionView.fromHash(sessionId, hash);
            Outcome refused = refusal(session, meetingId);
            if (refused != null) {
                log.debug("Loss of meeting {} of session {} ({}): {}", meetingId, sessionId, detection.tag(),
                        refused.tag());
                return refused;
            }
            String revision = hash.get(ProvisioningKeys.REVISION);
            AtomicWrite write = store.atomically();
            write.requireField(sessionKey, "meetingId", meetingId, () -> changed(sessionId));
            if (revision != null) {
                // A provisioning pass working from the session as it was keeps it due instead of finishing it.
                write.requireField(sessionKey, ProvisioningKeys.REVISION, revision, () -> changed(sessionId));
                write.hincrBy(sessionKey, ProvisioningKeys.REVISION, 1);
            }
            write.hset(sessionKey, Map.of(SessionView.LOST_MEETING_ID, meetingId,
                    SessionView.LOST_AT, clock.instant().toString(),
                    SessionView.LOST_DETECTION, detection.tag(),
                    SessionView.REPAIRED_AT, "", SessionView.REPAIRED_MEETING_ID, ""));
            // Its personal join links lead nowhere, its registrant ids will never be seen again, and Zoom forgot the
            // live stream set up on it (only the key's last characters were kept: staff set it up again).
            write.delete(keys.registrants(sessionId));
            write.delete(keys.registrantIds(meetingId));
            write.delete(keys.liveStream(sessionId));
            write.zadd(own.due(), repairDue(session), sessionId);
            try {
                write.execute();
            } catch (ConflictException changedMeanwhile) {
                if (attempt >= TRIES) {
                    throw changedMeanwhile;
                }
                continue;
            }
            meters.counter("streaming.meetings.lost", "detection", detection.tag()).increment();
            log.warn("Zoom lost meeting {} of session {} (noticed by {}); a new one will be created", meetingId,
                    sessionId, detection.tag());
            return Outcome.REPORTED;
        }
    }

    /**
     * Zoom's {@code meeting.deleted} or {@code webinar.deleted} about a meeting of the session: a loss, unless the
     * platform deleted it itself. Answers the outcome for the webhook consumer's metrics.
     */
    public String deletedAtZoom(String sessionId, String meetingId) {
        if (redis.exists(own.deletedByPlatform(meetingId))) {
            return "own-delete";
        }
        Outcome outcome = report(sessionId, meetingId, Detection.WEBHOOK);
        return outcome == Outcome.REPORTED ? "lost" : outcome.tag();
    }

    /** Marks a meeting the platform is about to delete at Zoom; call it before the delete. */
    void deletingAtZoom(String meetingId) {
        redis.set(own.deletedByPlatform(meetingId), "1",
                SetParams.setParams().ex(OWN_DELETION_REMEMBERED.toSeconds()));
    }

    /**
     * The repair's score in {@code provisioning:due}: due now, ahead of ordinary work, and the soonest session first
     * (the worker takes due sessions in score order, a batch at a time), so that when many meetings are lost at once
     * (a restarted local stack) and a host's daily creates run short, the sessions about to start get them.
     */
    private long repairDue(SessionView session) {
        return Math.min(clock.millis(), session.start().toEpochMilli() - REPAIR_PRIORITY_SHIFT);
    }

    private Outcome refusal(SessionView session, String meetingId) {
        if (session == null) {
            return Outcome.UNKNOWN_SESSION;
        }
        if (!meetingId.equals(session.meetingId())) {
            return Outcome.NOT_CURRENT;
        }
        if (session.cancelled() || !session.needsMeeting()) {
            return Outcome.NOT_NEEDED;
        }
        if (session.end() != null && !session.end().isAfter(clock.instant())) {
            return Outcome.ENDED;
        }
        if (meetingId.equals(session.lostMeetingId()) && session.repairing()) {
            return Outcome.ALREADY_REPORTED;
        }
        return null;
    }

    private static ConflictException changed(String sessionId) {
        return new ConflictException("session-changed", "provisioning.changed-concurrently", sessionId);
    }
}

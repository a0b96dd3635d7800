package dev.hybridconf.streaming.interpretation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished;
import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.lease.Lease;
import dev.hybridconf.kit.lease.Leases;
import dev.hybridconf.kit.redis.LeaseLostException;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.Sessions;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.provisioning.LostMeetings;
import dev.hybridconf.streaming.zoom.MeetingRequest;
import dev.hybridconf.streaming.zoom.MeetingSettings;
import dev.hybridconf.streaming.zoom.ZoomClient;
import dev.hybridconf.streaming.zoom.ZoomDailyCapExhaustedException;
import dev.hybridconf.streaming.zoom.ZoomException;
import dev.hybridconf.streaming.zoom.ZoomKind;
import dev.hybridconf.streaming.zoom.ZoomNotFoundException;
import dev.hybridconf.streaming.zoom.ZoomRateLimitedException;
import dev.hybridconf.streaming.zoom.ZoomServerException;
import dev.hybridconf.streaming.zoom.ZoomUnauthorizedException;
import dev.hybridconf.streaming.zoom.ZoomUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.Tuple;

/**
 * Brings each due session's meeting or webinar to its published interpretation. Runs on every replica; one replica
 * works on a session at a time (a lease, {@code interpretation:<session id>}, renewed while it works, whose fencing
 * token every write checks, and checked before the Zoom call), and the session's due time is pushed past the lease
 * while it works, so a crashed replica's session comes due again by itself.
 *
 * <p>One pass: the plan of the newest snapshot ({@link ZoomInterpretationPlan}); nothing to do for a session that
 * needs no meeting, and nothing yet for one whose meeting is not created (provisioning creates it with its
 * interpretation, {@link InterpretationSetup}); no call when the meeting already has these settings (same meeting,
 * same fingerprint), nor for a plan of no interpretation on a meeting the set-up never touched; otherwise one
 * {@code PATCH} with {@code settings.language_interpretation} and {@code settings.sign_language_interpretation} only,
 * counted against the host's 100 daily create/update requests. When the host has {@code reserve-writes} or fewer left,
 * the update is deferred to the next 00:00 UTC (and the board says so), unless the session starts before then.
 * Errors follow the client's handling: Zoom down or busy is retried with back-off; a refusal is recorded and waits for
 * the next plan (each try would cost a daily write); the meeting missing at Zoom is reported to {@link LostMeetings},
 * and the re-created meeting gets its interpretation when it is created.
 */
@Component
public class InterpretationSync {

    private static final Logger log = LoggerFactory.getLogger(InterpretationSync.class);

    /** Claims a due session: pushes its due time to the lease end, if it is (still) due. */
    private static final String CLAIM = """
            local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
            if not score or tonumber(score) > tonumber(ARGV[2]) then return nil end
            redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
            return ARGV[3]""";

    /**
     * Ends a pass: if nobody marked the session meanwhile (its score is still the lease end), it is done (removed) or
     * due again at ARGV[3]; if a new snapshot marked it, it stays due at the earlier of the two.
     */
    private static final String SETTLE = """
            local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
            local next = tonumber(ARGV[3])
            if score and tonumber(score) ~= tonumber(ARGV[2]) then
              if next >= 0 and next < tonumber(score) then redis.call('ZADD', KEYS[1], next, ARGV[1]) end
              return 0
            end
            if next >= 0 then redis.call('ZADD', KEYS[1], next, ARGV[1]) else redis.call('ZREM', KEYS[1], ARGV[1]) end
            return 1""";

    static final String DAILY_CAP_NEAR = "DAILY_CAP_NEAR";
    static final String DAILY_CAP_EXHAUSTED = "DAILY_CAP_EXHAUSTED";
    static final String ZOOM_REJECTED = "ZOOM_REJECTED";
    static final String ZOOM_UNAVAILABLE = "ZOOM_UNAVAILABLE";

    private final RedisStore store;
    private final UnifiedJedis redis;
    private final InterpretationKeys keys;
    private final StreamingKeys streaming;
    private final InterpretationCopy copy;
    private final Sessions sessions;
    private final ZoomClient zoom;
    private final InterpretationProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final LostMeetings lost;
    private final Leases leases;

    InterpretationSync(RedisStore store, InterpretationKeys keys, StreamingKeys streaming, InterpretationCopy copy,
            Sessions sessions, ZoomClient zoom, InterpretationProperties properties, Clock clock, MeterRegistry meters,
            LostMeetings lost, Leases leases) {
        this.store = store;
        this.redis = store.redis();
        this.keys = keys;
        this.streaming = streaming;
        this.copy = copy;
        this.sessions = sessions;
        this.zoom = zoom;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.lost = lost;
        this.leases = leases;
    }

    /** What one pass over a session did. */
    public record Pass(String sessionId, String outcome) {
    }

    @Scheduled(fixedDelayString = "${platform.streaming.interpretation.poll-interval:500ms}",
            initialDelayString = "${platform.streaming.interpretation.poll-interval:500ms}")
    void poll() {
        try {
            drainDue();
        } catch (RuntimeException e) {
            // Redis away or shutting down: the due sessions stay due, the next poll tries again.
            log.warn("Interpretation set-up poll failed; will retry: {}", e.toString());
        }
    }

    /** Works on every session due now that no other replica holds; answers what each pass did. */
    public List<Pass> drainDue() {
        List<Tuple> due = redis.zrangeByScoreWithScores(keys.due(), 0, clock.millis(), 0,
                properties.sessionsPerPoll());
        List<Pass> passes = new ArrayList<>();
        for (Tuple session : due) {
            Optional<Pass> pass = passIfFree(session.getElement());
            pass.ifPresent(passes::add);
        }
        return passes;
    }

    private record Outcome(String name, long nextDue) {
    }

    private Optional<Pass> passIfFree(String sessionId) {
        Optional<Lease> taken = leases.tryAcquire(InterpretationKeys.lease(sessionId), properties.leaseTtl());
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        try (Lease lease = taken.get().keepRenewed()) {
            long now = clock.millis();
            long leaseEnd = now + properties.leaseTtl().toMillis();
            Object claimed = redis.eval(CLAIM, List.of(keys.due()),
                    List.of(sessionId, Long.toString(now), Long.toString(leaseEnd)));
            if (claimed == null) {
                return Optional.empty();
            }
            Outcome outcome;
            try {
                outcome = pass(sessionId, lease);
            } catch (LeaseLostException lostMeanwhile) {
                meters.counter("streaming.interpretation.passes", "outcome", "lease-lost").increment();
                log.warn("Interpretation set-up of session {} stopped: another replica took it over", sessionId);
                return Optional.empty();
            }
            redis.eval(SETTLE, List.of(keys.due()),
                    List.of(sessionId, Long.toString(leaseEnd), Long.toString(outcome.nextDue())));
            meters.counter("streaming.interpretation.passes", "outcome", outcome.name()).increment();
            return Optional.of(new Pass(sessionId, outcome.name()));
        }
    }

    private Outcome pass(String sessionId, Lease lease) {
        SessionInterpretationPublished desired = copy.find(sessionId).orElse(null);
        if (desired == null) {
            return new Outcome("no-plan", -1);
        }
        SessionView session = sessions.find(sessionId).orElse(null);
        if (session == null || session.cancelled() || !session.needsMeeting()) {
            // Nothing in Zoom to set up; if a meeting comes (a session event), provisioning marks the session due.
            return new Outcome("no-meeting-needed", -1);
        }
        ZoomInterpretationPlan plan = ZoomInterpretationPlan.of(desired, properties.signLanguages());
        if (!session.provisioned()) {
            // Provisioning creates the meeting with this interpretation and marks the session due again.
            record(sessionId, lease, Map.of("state", AppliedInterpretation.WAITING, "reason", "", "detail", "",
                    "retryAt", "", "attemptedFingerprint", plan.fingerprint()));
            return new Outcome("waiting-for-meeting", -1);
        }
        String meetingId = session.meetingId();
        AppliedInterpretation applied = AppliedInterpretation.fromHash(redis.hgetAll(keys.applied(sessionId)));
        boolean untouchedMeeting = applied == null || !meetingId.equals(applied.meetingId());
        if ((applied != null && applied.has(meetingId, plan.fingerprint())) || (plan.off() && untouchedMeeting)) {
            // Zoom already has it (or, for no interpretation, a meeting the set-up never touched has it off).
            if (applied == null || !applied.has(meetingId, plan.fingerprint())
                    || !AppliedInterpretation.APPLIED.equals(applied.state())) {
                applied(sessionId, meetingId, plan, desired.planVersion(), lease);
            }
            meters.counter("streaming.interpretation.updates", "outcome", "unchanged").increment();
            return new Outcome("unchanged", -1);
        }
        String host = session.hostUserId();
        int left = zoom.remainingDailyWrites(host);
        Instant resets = zoom.dailyWritesResetAt();
        boolean startsBeforeReset = session.start() != null && session.start().isBefore(resets);
        if (left <= 0 || (left <= properties.reserveWrites() && !startsBeforeReset)) {
            return defer(sessionId, host, left, resets, plan, lease);
        }
        ZoomKind kind = "WEBINAR".equals(session.zoomKind()) ? ZoomKind.WEBINAR : ZoomKind.MEETING;
        requireHeld(lease);
        try {
            zoom.update(kind, Long.parseLong(meetingId), host,
                    MeetingRequest.settingsOnly(MeetingSettings.interpretationOnly(plan.spoken(), plan.sign())));
        } catch (ZoomNotFoundException notFound) {
            if (notFound.meetingMissing()) {
                LostMeetings.Outcome reported = lost.report(sessionId, meetingId, LostMeetings.Detection.CALL);
                // A repair creates the new meeting with the interpretation; a meeting replaced meanwhile is looked at
                // again at once.
                return new Outcome("meeting-lost",
                        reported == LostMeetings.Outcome.NOT_CURRENT ? clock.millis() : -1);
            }
            return fail(sessionId, plan, applied, notFound, lease);
        } catch (ZoomDailyCapExhaustedException capped) {
            return defer(sessionId, host, 0, resets, plan, lease);
        } catch (ZoomRateLimitedException limited) {
            if (limited.daily()) {
                return defer(sessionId, host, 0, resets, plan, lease);
            }
            return fail(sessionId, plan, applied, limited, lease);
        } catch (ZoomException failure) {
            return fail(sessionId, plan, applied, failure, lease);
        }
        try {
            applied(sessionId, meetingId, plan, desired.planVersion(), lease, meetingId);
        } catch (ConflictException meetingChanged) {
            // The session got another meeting while this one was updated: look again at once.
            return new Outcome("meeting-changed", clock.millis());
        }
        meters.counter("streaming.interpretation.updates", "outcome", "applied").increment();
        log.info("Interpretation of session {} (plan {}) set up in Zoom {} {}: {} interpreter(s), {} sign language"
                + " interpreter(s)", sessionId, desired.planVersion(), kind, meetingId, plan.spoken().interpreters()
                .size(), plan.sign().interpreters().size());
        return new Outcome("applied", -1);
    }

    private Outcome defer(String sessionId, String host, int left, Instant resets, ZoomInterpretationPlan plan,
            Lease lease) {
        String reason = left <= 0 ? DAILY_CAP_EXHAUSTED : DAILY_CAP_NEAR;
        record(sessionId, lease, Map.of("state", AppliedInterpretation.DEFERRED, "reason", reason, "detail", "",
                "retryAt", resets.toString(), "attemptedFingerprint", plan.fingerprint()));
        meters.counter("streaming.interpretation.updates", "outcome", "deferred").increment();
        log.info("Interpretation of session {} deferred to {}: host {} has {} meeting create/update request(s) left"
                + " today, kept for provisioning", sessionId, resets, host, Math.max(0, left));
        return new Outcome("deferred", resets.toEpochMilli());
    }

    private Outcome fail(String sessionId, ZoomInterpretationPlan plan, AppliedInterpretation applied,
            ZoomException failure, Lease lease) {
        boolean transientFailure = failure instanceof ZoomServerException || failure instanceof ZoomUnavailableException
                || failure instanceof ZoomRateLimitedException || failure instanceof ZoomUnauthorizedException;
        int attempts = (applied == null ? 0 : applied.attempts()) + 1;
        String detail = failure.zoomMessage() == null || failure.zoomMessage().isBlank() ? failure.getMessage()
                : failure.zoomMessage();
        detail = detail == null ? "" : detail.length() > 300 ? detail.substring(0, 300) : detail;
        Instant retryAt = transientFailure ? clock.instant().plus(properties.backoff(attempts)) : null;
        String reason = transientFailure ? ZOOM_UNAVAILABLE : ZOOM_REJECTED;
        record(sessionId, lease, Map.of("state", AppliedInterpretation.FAILED, "reason", reason, "detail", detail,
                "retryAt", retryAt == null ? "" : retryAt.toString(), "attempts", Integer.toString(attempts),
                "attemptedFingerprint", plan.fingerprint()));
        meters.counter("streaming.interpretation.updates", "outcome", transientFailure ? "failed" : "rejected")
                .increment();
        log.warn("Interpretation of session {} not set up in Zoom ({}), attempt {}{}: {}", sessionId, reason, attempts,
                retryAt == null ? "; waits for the next plan" : ", again at " + retryAt, detail);
        return new Outcome(transientFailure ? "failed" : "rejected", retryAt == null ? -1 : retryAt.toEpochMilli());
    }

    private void applied(String sessionId, String meetingId, ZoomInterpretationPlan plan, long planVersion,
            Lease lease) {
        applied(sessionId, meetingId, plan, planVersion, lease, null);
    }

    /** Records what the meeting now has; with {@code stillMeeting}, only if it is still the session's meeting. */
    private void applied(String sessionId, String meetingId, ZoomInterpretationPlan plan, long planVersion,
            Lease lease, String stillMeeting) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("meetingId", meetingId);
        fields.put("fingerprint", plan.fingerprint());
        fields.put("planVersion", Long.toString(planVersion));
        fields.put("appliedAt", clock.instant().toString());
        fields.put("state", AppliedInterpretation.APPLIED);
        fields.put("reason", "");
        fields.put("detail", "");
        fields.put("retryAt", "");
        fields.put("attempts", "0");
        fields.put("attemptedFingerprint", plan.fingerprint());
        var write = store.atomically().requireFence(lease);
        if (stillMeeting != null) {
            write.requireField(streaming.session(sessionId), "meetingId", stillMeeting,
                    () -> new ConflictException("meeting-changed", "provisioning.changed-concurrently", sessionId));
        }
        write.hset(keys.applied(sessionId), fields).execute();
    }

    private void record(String sessionId, Lease lease, Map<String, String> fields) {
        store.atomically().requireFence(lease).hset(keys.applied(sessionId), fields).execute();
    }

    /** Before the Zoom call a pass must not make without the session's lease. */
    private static void requireHeld(Lease lease) {
        if (!lease.held()) {
            throw new LeaseLostException(lease.name());
        }
    }
}

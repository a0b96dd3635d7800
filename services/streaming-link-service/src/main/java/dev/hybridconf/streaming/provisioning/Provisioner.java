package dev.hybridconf.streaming.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.streaming.LinkProvisioned;
import dev.hybridconf.contracts.streaming.LinkRemoved;
import dev.hybridconf.contracts.streaming.ProvisioningFailed;
import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.lease.Lease;
import dev.hybridconf.kit.lease.Leases;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.LeaseLostException;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.hosts.Host;
import dev.hybridconf.streaming.hosts.HostPool;
import dev.hybridconf.streaming.zoom.ZoomClient;
import dev.hybridconf.streaming.zoom.ZoomDailyCapExhaustedException;
import dev.hybridconf.streaming.zoom.ZoomException;
import dev.hybridconf.streaming.zoom.ZoomKind;
import dev.hybridconf.streaming.zoom.ZoomMeeting;
import dev.hybridconf.streaming.zoom.ZoomNotFoundException;
import dev.hybridconf.streaming.zoom.ZoomProperties;
import dev.hybridconf.streaming.zoom.ZoomRateLimitedException;
import dev.hybridconf.streaming.zoom.ZoomServerException;
import dev.hybridconf.streaming.zoom.ZoomUnauthorizedException;
import dev.hybridconf.streaming.zoom.ZoomUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import redis.clients.jedis.UnifiedJedis;

/**
 * Drives one session's Zoom meeting to the state its hash asks for (the worker's half of provisioning), under a
 * per-session lease ({@code provisioning:<session id>}, renewed while the run lasts, its fencing token checked by
 * every write of the run) so that replicas never work on one session at once, and a run that lost its lease
 * cannot overwrite the next one's result:
 *
 * <ul>
 * <li>cancelled, or no longer needing a meeting: delete it, free the host, {@code REMOVED} / {@code NOT_NEEDED},
 * {@code streaming.link-removed.v1} when a meeting existed;</li>
 * <li>needing one: keep or choose a host (atomically, see {@link HostPool#assign}), create the meeting or webinar
 * (with the session's published interpretation, {@link MeetingInterpretation}: one meeting per session, breakouts
 * included, since Zoom interprets no breakout room), or update it after a reschedule, {@code PROVISIONED},
 * {@code streaming.link-provisioned.v1};</li>
 * <li>failing: {@code FAILED} with a reason, {@code streaming.provisioning-failed.v1}, due again after a back-off
 * (or, without a free host, as soon as a host joins the pool).</li>
 * </ul>
 * Before creating again after a create that may have reached Zoom, it waits until that create has had the time a
 * call may take, then looks for the meeting among the host's by the agenda marker, so a lost answer, or a
 * replica that lost its lease in the middle of a create, never makes a second meeting. Every state change and its event is one
 * {@link AtomicWrite}; the session leaves {@code provisioning:due} only if no event changed it meanwhile.
 *
 * <p>A meeting Zoom lost ({@link LostMeetings}) is repaired here: the lost meeting is forgotten and a new one created
 * as above (on the same host when it is still free), recorded as the repair ({@code repairedAt},
 * {@code repairedMeetingId}) with {@code streaming.link-provisioned.v1} {@code created: true}; registrant sync then
 * registers everyone in it. Every meeting the platform deletes itself is marked first
 * ({@link LostMeetings#deletingAtZoom}), so that Zoom's notice of it is not taken for a loss.
 */
@Component
class Provisioner {

    private static final Logger log = LoggerFactory.getLogger(Provisioner.class);

    static final String HOST_POOL_EXHAUSTED = "HOST_POOL_EXHAUSTED";
    static final String DAILY_CAP_EXHAUSTED = "DAILY_CAP_EXHAUSTED";
    static final String ZOOM_REJECTED = "ZOOM_REJECTED";
    static final String ZOOM_UNAVAILABLE = "ZOOM_UNAVAILABLE";

    private final RedisStore store;
    private final UnifiedJedis redis;
    private final StreamingKeys keys;
    private final ProvisioningKeys own;
    private final HostPool hosts;
    private final ZoomClient zoom;
    private final ProvisioningProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final java.time.Duration zoomCallTimeout;
    private final java.time.Duration longestCreate;
    private final LostMeetings lost;
    private final Leases leases;
    private final MeetingInterpretation interpretation;

    Provisioner(RedisStore store, ProvisioningKeys own, HostPool hosts, ZoomClient zoom,
            ProvisioningProperties properties, Clock clock, MeterRegistry meters, ZoomProperties zoomProperties,
            LostMeetings lost, Leases leases, MeetingInterpretation interpretation) {
        this.store = store;
        this.redis = store.redis();
        this.keys = own.streaming();
        this.own = own;
        this.hosts = hosts;
        this.zoom = zoom;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.zoomCallTimeout = zoomProperties.timeouts().call();
        this.longestCreate = CreateAttempt.longestCreate(zoomProperties);
        this.lost = lost;
        this.leases = leases;
        this.interpretation = interpretation;
    }

    /**
     * Works on the session if no other replica does (its lease, renewed while the work runs); answers the outcome,
     * or {@code busy}. A run whose lease was taken over stops at its next step ({@code lease-lost}); its final
     * write could not land anyway (fenced).
     */
    String reconcile(String sessionId) {
        Optional<Lease> taken = leases.tryAcquire(ProvisioningKeys.lease(sessionId), properties.leaseTtl());
        if (taken.isEmpty()) {
            return "busy";
        }
        long started = System.nanoTime();
        String outcome = "error";
        try (Lease lease = taken.get().keepRenewed()) {
            outcome = drive(sessionId, lease);
            return outcome;
        } catch (LeaseLostException lostMeanwhile) {
            outcome = "lease-lost";
            log.warn("Provisioning of session {} stopped: another replica took it over", sessionId);
            return outcome;
        } finally {
            Timer.builder("streaming.provisioning.duration")
                    .description("Time to bring a session's Zoom meeting to its desired state, by outcome")
                    .tag("outcome", outcome).register(meters).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            meters.counter("streaming.provisioning.outcomes", "outcome", outcome).increment();
        }
    }

    private String drive(String sessionId, Lease lease) {
        Map<String, String> hash = redis.hgetAll(keys.session(sessionId));
        SessionView session = SessionView.fromHash(sessionId, hash);
        String revision = hash.get(ProvisioningKeys.REVISION);
        if (session == null || revision == null) {
            redis.zrem(own.due(), sessionId);
            return "unknown";
        }
        try {
            if (session.cancelled() || !session.needsMeeting()) {
                return remove(session, hash, revision, lease);
            }
            if (session.repairing() && session.lostMeetingId().equals(session.meetingId())) {
                // Zoom lost it: forget it (its links were voided when the loss was reported) and create a new one.
                store.atomically().requireFence(lease).hset(keys.session(sessionId), Map.of("meetingId", "",
                        "zoomKind", "", ProvisioningKeys.MEETING_HOST, "", ProvisioningKeys.CREATE_ATTEMPT, ""))
                        .execute();
                hash = redis.hgetAll(keys.session(sessionId));
                session = SessionView.fromHash(sessionId, hash);
            }
            return provision(session, hash, revision, lease);
        } catch (ZoomException failure) {
            return fail(session, revision, failure, lease);
        }
    }

    // ------------------------------------------------------------------------------------------ removal

    private String remove(SessionView session, Map<String, String> hash, String revision, Lease lease) {
        String id = session.sessionId();
        String meetingId = session.meetingId();
        if (meetingId != null) {
            deleteAtZoom(kindOf(session), meetingId, id, lease);
        }
        String host = session.hostUserId();
        boolean cancelled = session.cancelled();
        String state = cancelled ? "REMOVED" : "NOT_NEEDED";
        if (!cancelled && meetingId == null && state.equals(session.provisioning()) && host == null) {
            commit(id, revision, write -> { }, null, lease);
            return "unchanged";
        }
        commit(id, revision, write -> {
            write.hset(keys.session(id), Map.ofEntries(Map.entry("provisioning", state), Map.entry("meetingId", ""),
                    Map.entry("zoomKind", ""), Map.entry(ProvisioningKeys.MEETING_HOST, ""),
                    Map.entry(ProvisioningKeys.CREATE_ATTEMPT, ""), Map.entry("failureReason", ""),
                    Map.entry("failureDetail", ""), Map.entry("attempts", "0"),
                    Map.entry(SessionView.LOST_MEETING_ID, ""), Map.entry(SessionView.LOST_AT, ""),
                    Map.entry(SessionView.LOST_DETECTION, ""), Map.entry(SessionView.REPAIRED_AT, ""),
                    Map.entry(SessionView.REPAIRED_MEETING_ID, "")));
            write.delete(keys.registrants(id));
            write.srem(own.waitingForHost(), id);
            interpretation.meetingRemoved(write, id);
            if (meetingId != null) {
                write.emit(new LinkRemoved(id, session.conferenceId(), meetingId,
                        cancelled ? "SESSION_CANCELLED" : "NOT_STREAMED"));
            }
        }, null, lease);
        if (host != null) {
            hosts.release(host, id);
        }
        return meetingId != null ? "removed" : cancelled ? "removed_unprovisioned" : "not_needed";
    }

    // ------------------------------------------------------------------------------------------ provisioning

    private String provision(SessionView session, Map<String, String> hash, String revision, Lease lease) {
        String id = session.sessionId();
        String previousHost = session.hostUserId();
        List<Host> pool = hosts.all();
        Optional<String> chosen = hosts.assign(id, session.start(), session.end(), candidates(session, pool));
        if (chosen.isEmpty()) {
            if (previousHost != null) {
                hosts.release(previousHost, id);
            }
            return noHost(session, revision, freeButCapped(session, pool), lease);
        }
        String host = chosen.get();
        if (previousHost != null && !previousHost.equals(host)) {
            requireHeld(lease);
            hosts.release(previousHost, id);
            store.atomically().requireFence(lease).hset(keys.session(id), Map.of("hostUserId", host)).execute();
        }
        String meetingHost = blankToNull(hash.get(ProvisioningKeys.MEETING_HOST));
        boolean recreate = false;
        if (session.meetingId() != null) {
            if (host.equals(meetingHost)) {
                return update(session, revision, host, lease);
            }
            // The session moved to another host (its old one is busy at the new time): a new meeting there.
            deleteAtZoom(kindOf(session), session.meetingId(), id, lease);
            // Nobody will join the old meeting: its registrant ids (registration ids) go with its join links.
            store.atomically().requireFence(lease)
                    .hset(keys.session(id), Map.of("meetingId", "", "zoomKind", "", ProvisioningKeys.MEETING_HOST, ""))
                    .delete(keys.registrantIds(session.meetingId())).execute();
            recreate = true;
        }
        boolean licensed = pool.stream().anyMatch(h -> h.userId().equals(host) && h.webinarLicence());
        ZoomKind kind = MeetingSpec.plenary(session.kind()) && licensed ? ZoomKind.WEBINAR : ZoomKind.MEETING;
        String attempt = hash.get(ProvisioningKeys.CREATE_ATTEMPT);
        Instant settled = CreateAttempt.settledAt(attempt);
        if (settled != null && clock.instant().isBefore(settled)) {
            // A create (another replica's whose lease lapsed, or one from before a restart) may still be under way at
            // Zoom: neither look for its meeting nor create another before it has had the time a call may take.
            commit(id, revision, write -> { }, settled, lease);
            log.info("Session {}: an earlier create may still be under way at Zoom; looking again at {}", id, settled);
            return "create-in-flight";
        }
        ZoomMeeting meeting = findLostCreate(session, attempt, host, kind, lease);
        boolean adopted = meeting != null;
        MeetingInterpretation.Settings interpreted = null;
        if (meeting == null) {
            // Created with the session's interpretation, so that it needs no update of its own (one write, not two).
            interpreted = interpretation.forNewMeeting(id).orElse(null);
            // Recorded before the call, by the lease's holder only: a lost answer is looked for, never created twice.
            requireHeld(lease);
            store.atomically().requireFence(lease).hset(keys.session(id), Map.of(ProvisioningKeys.CREATE_ATTEMPT,
                    CreateAttempt.of(host, kind, clock.instant().plus(longestCreate)))).execute();
            try {
                meeting = kind == ZoomKind.WEBINAR ? zoom.createWebinar(host, MeetingSpec.create(session, interpreted))
                        : zoom.createMeeting(host, MeetingSpec.create(session, interpreted));
            } catch (ZoomException failure) {
                // The call is over: nothing to wait for if it never reached Zoom, else one call's time for its result.
                store.atomically().requireFence(lease).hset(keys.session(id), Map.of(ProvisioningKeys.CREATE_ATTEMPT,
                        failure.mayHaveReachedZoom() ? CreateAttempt.of(host, kind, clock.instant().plus(zoomCallTimeout))
                                : "")).execute();
                if (failure instanceof ZoomDailyCapExhaustedException
                        || (failure instanceof ZoomRateLimitedException limited && limited.daily())) {
                    // This host used its day (another session took its last write meanwhile): try another now.
                    requireHeld(lease);
                    hosts.release(host, id);
                    redis.zadd(own.due(), clock.millis(), id);
                    return "host_capped";
                }
                throw failure;
            }
        }
        String meetingId = Long.toString(meeting.id());
        ZoomKind created = meeting.type() == null ? kind : meeting.kind();
        boolean dropLinks = recreate;
        boolean repaired = session.repairing();
        MeetingInterpretation.Settings sent = interpreted;
        commit(id, revision, write -> {
            write.hset(keys.session(id), provisioned(session, host, created, meetingId));
            interpretation.created(write, id, meetingId, sent);
            if (repaired) {
                write.hset(keys.session(id), Map.of(SessionView.REPAIRED_AT, clock.instant().toString(),
                        SessionView.REPAIRED_MEETING_ID, meetingId));
            }
            write.set(keys.meeting(meetingId), id);
            write.zadd(keys.registrantsDirty(), clock.millis(), id);
            write.srem(own.waitingForHost(), id);
            if (dropLinks) {
                write.delete(keys.registrants(id));
            }
            write.emit(new LinkProvisioned(id, session.conferenceId(), meetingId, created.name(), host,
                    session.start(), session.end(), session.sessionVersion(), true));
        }, null, lease);
        if (repaired) {
            log.info("Session {} got {} {} on {} in place of lost meeting {}", id, created, meetingId, host,
                    session.lostMeetingId());
            return "repaired";
        }
        log.info("Session {} {} {} {} on {}", id, adopted ? "found its" : "got a", created, meetingId, host);
        return adopted ? "adopted" : recreate ? "recreated" : "created";
    }

    private String update(SessionView session, String revision, String host, Lease lease) {
        String id = session.sessionId();
        if (session.provisioned() && session.provisionedVersion() >= session.sessionVersion()) {
            commit(id, revision, write -> { }, null, lease);
            return "unchanged";
        }
        ZoomKind kind = kindOf(session);
        requireHeld(lease);
        try {
            zoom.update(kind, Long.parseLong(session.meetingId()), host, MeetingSpec.update(session));
        } catch (ZoomNotFoundException deletedAtZoom) {
            if (!deletedAtZoom.meetingMissing()) {
                throw deletedAtZoom;
            }
            // Someone deleted it at Zoom: reported as lost, the session is due again and the next pass repairs it.
            LostMeetings.Outcome outcome = lost.report(id, session.meetingId(), LostMeetings.Detection.CALL);
            if (!outcome.repairing()) {
                redis.zadd(own.due(), clock.millis(), id);
            }
            return "lost";
        }
        String meetingId = session.meetingId();
        commit(id, revision, write -> {
            write.hset(keys.session(id), provisioned(session, host, kind, meetingId));
            write.zadd(keys.registrantsDirty(), clock.millis(), id);
            write.srem(own.waitingForHost(), id);
            write.emit(new LinkProvisioned(id, session.conferenceId(), meetingId, kind.name(), host,
                    session.start(), session.end(), session.sessionVersion(), false));
        }, null, lease);
        return "updated";
    }

    private Map<String, String> provisioned(SessionView session, String host, ZoomKind kind, String meetingId) {
        return Map.ofEntries(Map.entry("provisioning", SessionView.PROVISIONED), Map.entry("hostUserId", host),
                Map.entry("zoomKind", kind.name()), Map.entry("meetingId", meetingId),
                Map.entry(ProvisioningKeys.MEETING_HOST, host), Map.entry(ProvisioningKeys.CREATE_ATTEMPT, ""),
                Map.entry("provisionedVersion", Long.toString(session.sessionVersion())),
                Map.entry("failureReason", ""), Map.entry("failureDetail", ""), Map.entry("attempts", "0"));
    }

    /** A meeting an earlier create made without the answer coming back, found by its agenda marker. */
    private ZoomMeeting findLostCreate(SessionView session, String attempt, String host, ZoomKind kind, Lease lease) {
        if (attempt == null || attempt.isBlank()) {
            return null;
        }
        String attemptedHost = CreateAttempt.host(attempt);
        ZoomKind attemptedKind = CreateAttempt.kind(attempt, kind);
        String marker = MeetingSpec.marker(session.sessionId());
        List<ZoomMeeting> found = new ArrayList<>(zoom.scheduled(attemptedKind, attemptedHost).stream()
                .filter(m -> m.agenda() != null && m.agenda().contains(marker)).toList());
        meters.counter("streaming.provisioning.lookups", "found", Boolean.toString(!found.isEmpty())).increment();
        if (found.isEmpty()) {
            return null;
        }
        ZoomMeeting keep = attemptedHost.equals(host) && attemptedKind == kind ? found.remove(0) : null;
        for (ZoomMeeting extra : found) {
            // On another host than the one now chosen, or a second copy: not the session's meeting.
            deleteAtZoom(attemptedKind, Long.toString(extra.id()), session.sessionId(), lease);
        }
        return keep;
    }

    private List<String> candidates(SessionView session, List<Host> pool) {
        boolean plenary = MeetingSpec.plenary(session.kind());
        Comparator<Host> preference = Comparator.comparing((Host h) -> plenary != h.webinarLicence())
                .thenComparing(Host::userId);
        List<String> ordered = new ArrayList<>();
        String current = session.hostUserId();
        // The current host stays first while it has writes left, or when the meeting is already on it (a move
        // would void every join link); a session without a meeting yet goes to a host with writes left.
        if (current != null && pool.stream().anyMatch(h -> h.userId().equals(current))
                && (session.meetingId() != null || zoom.remainingDailyWrites(current) > 0)) {
            ordered.add(current);
        }
        pool.stream().sorted(preference).map(Host::userId)
                .filter(h -> !h.equals(current) && zoom.remainingDailyWrites(h) > 0).forEach(ordered::add);
        return ordered;
    }

    /** Whether a host with no writes left today would be free at the session's time (so the cap is the cause). */
    private boolean freeButCapped(SessionView session, List<Host> pool) {
        List<String> capped = pool.stream().map(Host::userId).filter(h -> zoom.remainingDailyWrites(h) <= 0)
                .toList();
        Optional<String> free = hosts.assign(session.sessionId(), session.start(), session.end(), capped);
        free.ifPresent(host -> hosts.release(host, session.sessionId()));
        return free.isPresent();
    }

    // ------------------------------------------------------------------------------------------ failures

    private String noHost(SessionView session, String revision, boolean capped, Lease lease) {
        String id = session.sessionId();
        String reason = capped ? DAILY_CAP_EXHAUSTED : HOST_POOL_EXHAUSTED;
        Instant retryAt = capped ? zoom.dailyWritesResetAt() : null;
        String detail = capped ? "Every free host used its meeting create/update requests for today"
                : "No host of the pool is free from " + session.start() + " to " + session.end();
        int attempts = session.attempts() + 1;
        boolean sameFailure = reason.equals(session.failureReason()) && "FAILED".equals(session.provisioning());
        commit(id, revision, write -> {
            write.hset(keys.session(id), Map.of("provisioning", "FAILED", "failureReason", reason,
                    "failureDetail", detail, "attempts", Integer.toString(attempts), "hostUserId", ""));
            write.sadd(own.waitingForHost(), id);
            if (!sameFailure) {
                write.emit(new ProvisioningFailed(id, session.conferenceId(), reason, detail, attempts, retryAt));
            }
        }, retryAt, lease);
        log.warn("Session {} has no host: {}", id, detail);
        return "no_host";
    }

    private String fail(SessionView session, String revision, ZoomException failure, Lease lease) {
        String id = session.sessionId();
        String reason;
        Instant retryAt;
        int attempts = session.attempts() + 1;
        if (failure instanceof ZoomDailyCapExhaustedException
                || (failure instanceof ZoomRateLimitedException limited && limited.daily())) {
            reason = DAILY_CAP_EXHAUSTED;
            retryAt = zoom.dailyWritesResetAt();
        } else if (failure instanceof ZoomServerException || failure instanceof ZoomUnavailableException
                || failure instanceof ZoomRateLimitedException || failure instanceof ZoomUnauthorizedException) {
            reason = ZOOM_UNAVAILABLE;
            retryAt = clock.instant().plus(properties.backoff(attempts));
        } else {
            reason = ZOOM_REJECTED;
            retryAt = clock.instant().plus(properties.backoff(attempts));
        }
        if (failure.mayHaveReachedZoom() && failure.endpoint().dailyCapped()) {
            // A create or update Zoom may still be working on: look for its result only after Zoom has had the
            // time a call may take, so that the lookup does not miss a meeting that is being created.
            Instant settled = clock.instant().plus(zoomCallTimeout);
            retryAt = retryAt.isBefore(settled) ? settled : retryAt;
        }
        Instant again = retryAt;
        String detail = failure.getMessage() == null ? reason : failure.getMessage();
        String shortDetail = detail.length() > 300 ? detail.substring(0, 300) : detail;
        commit(id, revision, write -> {
            write.hset(keys.session(id), Map.of("provisioning", "FAILED", "failureReason", reason,
                    "failureDetail", shortDetail, "attempts", Integer.toString(attempts)));
            write.emit(new ProvisioningFailed(id, session.conferenceId(), reason, shortDetail, attempts, again));
        }, again, lease);
        log.warn("Provisioning session {} failed ({}), attempt {}, again at {}: {}", id, reason, attempts, retryAt,
                shortDetail);
        meters.counter("streaming.provisioning.failures", "reason", reason).increment();
        return "failed";
    }

    // ------------------------------------------------------------------------------------------ helpers

    /**
     * Applies the changes, if this run still holds the session's lease (fenced: otherwise nothing is written and
     * {@link LeaseLostException} ends the run); the session leaves the due set (or is due again at
     * {@code dueAgain}) only if its revision is still the one worked on. If an event changed it meanwhile, the
     * changes are applied and it stays due now.
     */
    private void commit(String sessionId, String revision, Consumer<AtomicWrite> changes, Instant dueAgain,
            Lease lease) {
        AtomicWrite write = store.atomically().requireFence(lease);
        changes.accept(write);
        write.requireField(keys.session(sessionId), ProvisioningKeys.REVISION, revision,
                () -> new ConflictException("session-changed", "provisioning.changed-concurrently", sessionId));
        if (dueAgain == null) {
            write.zrem(own.due(), sessionId);
        } else {
            write.zadd(own.due(), dueAgain.toEpochMilli(), sessionId);
        }
        try {
            write.execute();
        } catch (ConflictException changedMeanwhile) {
            AtomicWrite again = store.atomically().requireFence(lease);
            changes.accept(again);
            again.execute();
        }
    }

    /** Before a step that must not be taken without the lease (a Zoom write, a host given back). */
    private static void requireHeld(Lease lease) {
        if (!lease.held()) {
            throw new LeaseLostException(lease.name());
        }
    }

    /** Deletes a meeting of the platform's own accord (marked first: Zoom's notice of it is no loss); 404 is fine. */
    private void deleteAtZoom(ZoomKind kind, String meetingId, String sessionId, Lease lease) {
        requireHeld(lease);
        lost.deletingAtZoom(meetingId);
        try {
            zoom.delete(kind, Long.parseLong(meetingId));
        } catch (ZoomNotFoundException alreadyGone) {
            log.info("Meeting {} of session {} was already gone at Zoom", meetingId, sessionId);
        }
    }

    private static ZoomKind kindOf(SessionView session) {
        return "WEBINAR".equals(session.zoomKind()) ? ZoomKind.WEBINAR : ZoomKind.MEETING;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

package dev.hybridconf.streaming.provisioning;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.hybridconf.kit.lease.Lease;
import dev.hybridconf.kit.lease.Leases;
import dev.hybridconf.kit.redis.LeaseLostException;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.hosts.Host;
import dev.hybridconf.streaming.hosts.HostPool;
import dev.hybridconf.streaming.zoom.ZoomClient;
import dev.hybridconf.streaming.zoom.ZoomException;
import dev.hybridconf.streaming.zoom.ZoomKind;
import dev.hybridconf.streaming.zoom.ZoomMeeting;
import dev.hybridconf.streaming.zoom.ZoomNotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Compares, now and then, what each host holds at Zoom with what the platform expects it to hold, and reports every
 * expected meeting Zoom no longer has ({@link LostMeetings}, detection {@code reconciliation}): the net under the
 * webhook and the 404s, for losses nobody announced (a webhook lost or not subscribed, the local emulator restarted
 * without its meetings) and that no call has met yet.
 *
 * <p>Expected: the sessions a host holds that have not ended, are provisioned (not already being repaired), and whose
 * meeting was created on that host. For each host with such sessions, one list of its scheduled meetings (or
 * webinars) per kind it should hold ({@code GET /users/{userId}/meetings?type=scheduled}, 300 a page, a Medium call);
 * hosts that should hold nothing are not asked. A meeting missing from the list is confirmed with
 * {@code GET /meetings/{id}} (a Light call) before it is reported: only Zoom's "does not exist" (code 3001) counts, so
 * a list that lags behind a create never makes a second meeting. Nothing here counts toward the daily create/update
 * cap, and the client's limiter keeps the lists within the per-second limits.
 *
 * <p>One replica at a time across replicas: a run holds the lease {@code reconciliation} (renewed while it runs,
 * released at the end; a run whose lease was taken over stops at the next host) and records when it started in
 * {@code reconciliation:last}, fenced. Every replica looks every {@code poll-interval} (the first time
 * {@code initial-delay} after it starts) and runs when no run started within {@code interval}, or none since it
 * started itself: so a restarted stack reconciles within its start-up delay, even though its Redis remembers a run
 * from before the restart.
 */
@Component
class MeetingReconciler {

    private static final Logger log = LoggerFactory.getLogger(MeetingReconciler.class);
    private final RedisStore store;
    private final UnifiedJedis redis;
    private final StreamingKeys keys;
    private final ProvisioningKeys own;
    private final HostPool hosts;
    private final ZoomClient zoom;
    private final LostMeetings lost;
    private final ReconciliationProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Leases leases;
    private final long startedAt;

    MeetingReconciler(RedisStore store, ProvisioningKeys own, HostPool hosts, ZoomClient zoom, LostMeetings lost,
            ReconciliationProperties properties, Clock clock, MeterRegistry meters, Leases leases) {
        this.store = store;
        this.redis = store.redis();
        this.keys = own.streaming();
        this.own = own;
        this.hosts = hosts;
        this.zoom = zoom;
        this.lost = lost;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.leases = leases;
        this.startedAt = clock.millis();
    }

    /** What one reconciliation found. */
    record Run(int hostsListed, int meetingsExpected, int meetingsLost, int hostsFailed) {
    }

    @Scheduled(fixedDelayString = "${platform.streaming.reconciliation.poll-interval:5s}",
            initialDelayString = "${platform.streaming.reconciliation.initial-delay:20s}")
    void poll() {
        if (!properties.enabled()) {
            return;
        }
        try {
            runIfDue();
        } catch (RuntimeException e) {
            // Redis away or shutting down: the next look tries again.
            log.warn("Reconciliation of the hosts' meetings failed; will retry: {}", e.toString());
        }
    }

    /** Runs a reconciliation if one is due and no other replica runs one; answers it, or null. */
    Run runIfDue() {
        if (!due(clock.millis())) {
            return null;
        }
        Optional<Lease> taken = leases.tryAcquire(ProvisioningKeys.RECONCILIATION_LEASE, properties.leaseTtl());
        if (taken.isEmpty()) {
            return null;
        }
        try (Lease lease = taken.get().keepRenewed()) {
            long now = clock.millis();
            if (!due(now)) {
                return null;
            }
            store.atomically().requireFence(lease).set(own.lastReconciliation(), Long.toString(now)).execute();
            long started = System.nanoTime();
            Run run = reconcile(lease);
            String outcome = run.hostsFailed() == 0 ? "completed" : "incomplete";
            meters.counter("streaming.reconciliation.runs", "outcome", outcome).increment();
            Timer.builder("streaming.reconciliation.duration")
                    .description("Time to compare every host's meetings at Zoom with what the platform expects")
                    .register(meters).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            if (run.meetingsLost() > 0 || run.hostsFailed() > 0) {
                log.warn("Reconciliation: {} host(s) listed, {} meeting(s) expected, {} lost, {} host(s) failed",
                        run.hostsListed(), run.meetingsExpected(), run.meetingsLost(), run.hostsFailed());
            } else {
                log.debug("Reconciliation: {} host(s) listed, {} meeting(s) expected, none lost", run.hostsListed(),
                        run.meetingsExpected());
            }
            return run;
        } catch (LeaseLostException lostMeanwhile) {
            log.warn("Reconciliation stopped: another replica took it over");
            return null;
        }
    }

    private boolean due(long now) {
        String last = redis.get(own.lastReconciliation());
        if (last == null) {
            return true;
        }
        long lastRun;
        try {
            lastRun = Long.parseLong(last);
        } catch (NumberFormatException unreadable) {
            return true;
        }
        return lastRun < startedAt || now - lastRun >= properties.interval().toMillis();
    }

    private Run reconcile(Lease lease) {
        int listed = 0;
        int expectedTotal = 0;
        int lostTotal = 0;
        int failed = 0;
        for (Host host : hosts.all()) {
            if (!lease.held()) {
                // Another replica may be reconciling now: it covers the rest.
                throw new LeaseLostException(lease.name());
            }
            Map<ZoomKind, List<SessionView>> expected = expected(host);
            for (Map.Entry<ZoomKind, List<SessionView>> kind : expected.entrySet()) {
                expectedTotal += kind.getValue().size();
                try {
                    Set<String> held = new HashSet<>();
                    for (ZoomMeeting meeting : zoom.scheduled(kind.getKey(), host.userId())) {
                        if (meeting.id() != null) {
                            held.add(Long.toString(meeting.id()));
                        }
                    }
                    listed++;
                    for (SessionView session : kind.getValue()) {
                        if (!held.contains(session.meetingId()) && confirmLost(kind.getKey(), session)) {
                            lostTotal++;
                        }
                    }
                } catch (ZoomException e) {
                    failed++;
                    log.warn("Reconciliation could not list the {}s of host {}: {}", kind.getKey(), host.userId(),
                            e.getMessage());
                }
            }
        }
        return new Run(listed, expectedTotal, lostTotal, failed);
    }

    /** The sessions of the host, by kind, whose meeting the host should hold at Zoom now. */
    private Map<ZoomKind, List<SessionView>> expected(Host host) {
        long now = clock.millis();
        List<String> ids = new ArrayList<>();
        for (HostPool.Assignment assignment : hosts.assignments(host)) {
            if (assignment.end().toEpochMilli() > now) {
                ids.add(assignment.sessionId());
            }
        }
        Map<ZoomKind, List<SessionView>> expected = new EnumMap<>(ZoomKind.class);
        if (ids.isEmpty()) {
            return expected;
        }
        List<Response<Map<String, String>>> hashes = new ArrayList<>(ids.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (String id : ids) {
                hashes.add(pipeline.hgetAll(keys.session(id)));
            }
            pipeline.sync();
        }
        for (int i = 0; i < ids.size(); i++) {
            Map<String, String> hash = hashes.get(i).get();
            SessionView session = SessionView.fromHash(ids.get(i), hash);
            if (session == null || !session.provisioned() || session.cancelled() || !session.needsMeeting()
                    || !host.userId().equals(hash.get(ProvisioningKeys.MEETING_HOST))) {
                continue;
            }
            ZoomKind kind = "WEBINAR".equals(session.zoomKind()) ? ZoomKind.WEBINAR : ZoomKind.MEETING;
            expected.computeIfAbsent(kind, k -> new ArrayList<>()).add(session);
        }
        return expected;
    }

    /** Asks Zoom for the meeting missing from its host's list; reports it when Zoom says it does not exist. */
    private boolean confirmLost(ZoomKind kind, SessionView session) {
        try {
            zoom.get(kind, Long.parseLong(session.meetingId()));
            // Listed late (or on another page meanwhile): it exists.
            return false;
        } catch (ZoomNotFoundException notFound) {
            if (!notFound.meetingMissing()) {
                return false;
            }
            return lost.report(session.sessionId(), session.meetingId(), LostMeetings.Detection.RECONCILIATION)
                    == LostMeetings.Outcome.REPORTED;
        } catch (ZoomException unsure) {
            log.info("Reconciliation could not confirm meeting {} of session {}: {}", session.meetingId(),
                    session.sessionId(), unsure.getMessage());
            return false;
        }
    }
}

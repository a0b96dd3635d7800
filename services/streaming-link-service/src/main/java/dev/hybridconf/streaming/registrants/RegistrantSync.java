package dev.hybridconf.streaming.registrants;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.streaming.RegistrantsSynced;
import dev.hybridconf.kit.lease.Lease;
import dev.hybridconf.kit.lease.Leases;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.LeaseLostException;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.JoinLink;
import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.Sessions;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.join.JoinProperties;
import dev.hybridconf.streaming.provisioning.LostMeetings;
import dev.hybridconf.streaming.zoom.Registrant;
import dev.hybridconf.streaming.zoom.RegistrantRef;
import dev.hybridconf.streaming.zoom.RegisteredParticipant;
import dev.hybridconf.streaming.zoom.ZoomBatchIncompleteException;
import dev.hybridconf.streaming.zoom.ZoomClient;
import dev.hybridconf.streaming.zoom.ZoomException;
import dev.hybridconf.streaming.zoom.ZoomKind;
import dev.hybridconf.streaming.zoom.ZoomNotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.Tuple;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes each due session's Zoom registrants match who may attend it. Runs on every replica; a session is
 * synchronised by one replica at a time: a lease ({@code registrant-sync:<session id>}) renewed while the pass
 * runs, whose fencing token every write of the pass checks, and checked before every Zoom call, so a pass that
 * lost its lease stops instead of registering people twice; its due time is pushed past the lease time so a
 * crashed replica's session comes due again by itself.
 *
 * <p>A pass, for a provisioned session: desired = every approved remote participant of the session's conference
 * (audience {@code ALL_REMOTE}) or the enrolled ones among them ({@code ENROLLED}), never a participant of another
 * conference (ADR 0015); registered = the entries of
 * {@code registrants:{sessionId}} issued for the current meeting. Extra registrants are cancelled (30 a call)
 * and removed; missing ones are added in full batches of 30, and a partial remainder waits until it has waited
 * {@code batch-linger} or the session is within its join window, so approvals trickling in cost one call per
 * 30 people. Each batch's join links are stored in one atomic step as soon as Zoom answers it; a retried batch
 * cannot create a second registrant because each participant's address is deterministic and Zoom answers the
 * existing registration. A pass that changed something emits {@code streaming.registrants-synced.v1}; a
 * failed pass leaves the session due after an exponential back-off. When Zoom answers that the meeting does not
 * exist (code 3001), the loss is reported ({@link LostMeetings}) and the pass ends without retrying: provisioning
 * re-creates the meeting and marks the session due again, and everyone is registered in the new one.
 */
@Component
public class RegistrantSync {

    private static final Logger log = LoggerFactory.getLogger(RegistrantSync.class);

    /** Claims a due session: pushes its due time to the lease end, if it is (still) due. */
    private static final String CLAIM = """
            local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
            if not score or tonumber(score) > tonumber(ARGV[2]) then return nil end
            redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
            return ARGV[3]""";

    /**
     * Ends a pass: if nobody marked the session meanwhile (its score is still the lease), it is done (removed)
     * or due again at ARGV[3]; if it was marked, it stays due at the earlier of the two.
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

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final RedisStore store;
    private final UnifiedJedis redis;
    private final StreamingKeys keys;
    private final Sessions sessions;
    private final ZoomClient zoom;
    private final RegistrantIdentity identity;
    private final RegistrantSyncProperties properties;
    private final JoinProperties join;
    private final Clock clock;
    private final MeterRegistry meters;
    private final LostMeetings lost;
    private final Leases leases;

    RegistrantSync(RedisStore store, StreamingKeys keys, Sessions sessions, ZoomClient zoom,
            RegistrantIdentity identity, RegistrantSyncProperties properties, JoinProperties join, Clock clock,
            MeterRegistry meters, LostMeetings lost, Leases leases) {
        this.store = store;
        this.redis = store.redis();
        this.keys = keys;
        this.sessions = sessions;
        this.zoom = zoom;
        this.identity = identity;
        this.properties = properties;
        this.join = join;
        this.clock = clock;
        this.meters = meters;
        this.lost = lost;
        this.leases = leases;
    }

    /** What one pass did. */
    public record Pass(String sessionId, int added, int cancelled, int registered, int calls, boolean held) {
    }

    @Scheduled(fixedDelayString = "${platform.streaming.registrants.poll-interval:1s}",
            initialDelayString = "${platform.streaming.registrants.poll-interval:1s}")
    void poll() {
        try {
            drainDue();
        } catch (RuntimeException e) {
            // Redis away or shutting down: the due sessions stay due, the next poll tries again.
            log.warn("Registrant sync poll failed; will retry: {}", e.toString());
        }
    }

    /** Synchronises every session due now that no other replica holds; answers the passes made. */
    public List<Pass> drainDue() {
        long now = clock.millis();
        List<Tuple> due = redis.zrangeByScoreWithScores(keys.registrantsDirty(), 0, now, 0,
                properties.sessionsPerPoll());
        List<Pass> passes = new ArrayList<>();
        for (Tuple session : due) {
            Pass pass = syncIfFree(session.getElement());
            if (pass != null) {
                passes.add(pass);
            }
        }
        return passes;
    }

    private Pass syncIfFree(String sessionId) {
        Optional<Lease> taken = leases.tryAcquire(leaseName(sessionId), properties.leaseTtl());
        if (taken.isEmpty()) {
            return null;
        }
        try (Lease lease = taken.get().keepRenewed()) {
            long now = clock.millis();
            long leaseEnd = now + properties.leaseTtl().toMillis();
            Object claimed = redis.eval(CLAIM, List.of(keys.registrantsDirty()),
                    List.of(sessionId, Long.toString(now), Long.toString(leaseEnd)));
            if (claimed == null) {
                return null;
            }
            long next;
            Pass pass = null;
            try {
                Outcome outcome = sync(sessionId, lease);
                pass = outcome.pass();
                next = outcome.nextDue();
                redis.hdel(failuresKey(), sessionId);
                meters.counter("streaming.registrants.sync", "outcome", outcome.pass() == null ? "idle"
                        : outcome.pass().held() ? "held" : "synced").increment();
            } catch (MeetingLost gone) {
                // Provisioning marks the session due again once the new meeting exists; a pass against a meeting
                // that was replaced meanwhile starts again at once.
                redis.hdel(failuresKey(), sessionId);
                next = gone.outcome() == LostMeetings.Outcome.NOT_CURRENT ? clock.millis() : -1;
                meters.counter("streaming.registrants.sync", "outcome", "meeting-lost").increment();
            } catch (LeaseLostException lostMeanwhile) {
                // Another replica synchronises the session now: it settles it.
                meters.counter("streaming.registrants.sync", "outcome", "lease-lost").increment();
                log.warn("Registrant sync of session {} stopped: another replica took it over", sessionId);
                return null;
            } catch (ZoomException e) {
                long failures = redis.hincrBy(failuresKey(), sessionId, 1);
                next = clock.millis() + backoff(failures);
                meters.counter("streaming.registrants.sync", "outcome", "failed").increment();
                log.warn("Registrant sync of session {} failed ({} in a row), retrying in {} ms: {}", sessionId,
                        failures, next - clock.millis(), e.getMessage());
            }
            redis.eval(SETTLE, List.of(keys.registrantsDirty()),
                    List.of(sessionId, Long.toString(leaseEnd), Long.toString(next)));
            return pass;
        }
    }

    private record Outcome(Pass pass, long nextDue) {
    }

    /** Zoom answered that the session's meeting does not exist; what reporting it did. */
    private static final class MeetingLost extends RuntimeException {

        private final transient LostMeetings.Outcome outcome;

        MeetingLost(LostMeetings.Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }

        LostMeetings.Outcome outcome() {
            return outcome;
        }
    }

    /** Reports the loss when the failure is Zoom saying the meeting does not exist; answers what it did, or null. */
    private LostMeetings.Outcome reportIfLost(String sessionId, String meetingId, ZoomException failure) {
        return ZoomNotFoundException.meetingMissing(failure)
                ? lost.report(sessionId, meetingId, LostMeetings.Detection.CALL) : null;
    }

    private Outcome sync(String sessionId, Lease lease) {
        SessionView session = sessions.find(sessionId).orElse(null);
        if (session == null || session.cancelled() || !session.needsMeeting() || !session.provisioned()) {
            // Provisioning marks the session due again when its meeting is (re)created.
            redis.del(waitingKey(sessionId));
            return new Outcome(null, -1);
        }
        ZoomKind kind = "WEBINAR".equals(session.zoomKind()) ? ZoomKind.WEBINAR : ZoomKind.MEETING;
        String meetingId = session.meetingId();
        long meeting = Long.parseLong(meetingId);

        String remote = keys.remoteParticipants(session.conferenceId());
        Set<String> desired = SessionView.ALL_REMOTE.equals(session.audience()) ? redis.smembers(remote)
                : redis.sinter(keys.enrolled(sessionId), remote);
        Map<String, JoinLink> registered = new HashMap<>();
        redis.hgetAll(keys.registrants(sessionId)).forEach((registrationId, json) -> {
            JoinLink link = JSON.readValue(json, JoinLink.class);
            if (meetingId.equals(link.meetingId())) {
                registered.put(registrationId, link);
            }
        });

        int calls = 0;
        int cancelled = 0;
        List<String> extra = new ArrayList<>(new TreeSet<>(registered.keySet()));
        extra.removeAll(desired);
        for (int from = 0; from < extra.size(); from += ZoomClient.BATCH_SIZE) {
            List<String> batch = extra.subList(from, Math.min(extra.size(), from + ZoomClient.BATCH_SIZE));
            List<RegistrantRef> refs = batch.stream()
                    .map(id -> new RegistrantRef(registered.get(id).registrantId(), identity.email(id))).toList();
            try {
                calls++;
                requireHeld(lease);
                zoom.cancelRegistrants(kind, meeting, refs);
            } catch (ZoomNotFoundException gone) {
                // The meeting is gone: nothing is left to cancel there. If it was lost, it is repaired first.
                LostMeetings.Outcome reported = reportIfLost(sessionId, meetingId, gone);
                if (reported != null && reported.repairing()) {
                    throw new MeetingLost(reported);
                }
            }
            removeRegistrants(sessionId, meetingId, batch, registered, lease);
            cancelled += batch.size();
        }

        List<String> missing = new ArrayList<>(new TreeSet<>(desired));
        missing.removeAll(registered.keySet());
        long now = clock.millis();
        if (session.end() != null && session.end().toEpochMilli() <= now) {
            // Nobody can join a session that has ended (the join path says so): registering would only spend
            // Zoom calls. Cancellations above still run, so an erasure reaches past meetings too.
            missing.clear();
        }
        int full = missing.size() / ZoomClient.BATCH_SIZE * ZoomClient.BATCH_SIZE;
        boolean remainder = missing.size() > full;
        long nextDue = -1;
        boolean held = false;
        int toSend = full;
        if (remainder) {
            long waitingSince = waitingSince(sessionId, now);
            long lingerEnds = waitingSince + properties.batchLinger().toMillis();
            long windowOpens = session.start().minus(join.opensBefore()).toEpochMilli();
            if (now >= lingerEnds || now >= windowOpens) {
                toSend = missing.size();
            } else {
                held = true;
                nextDue = Math.min(lingerEnds, windowOpens);
            }
        }

        int added = 0;
        for (int from = 0; from < toSend; from += ZoomClient.BATCH_SIZE) {
            List<String> batch = missing.subList(from, Math.min(toSend, from + ZoomClient.BATCH_SIZE));
            calls++;
            added += addBatch(sessionId, kind, meeting, meetingId, batch, lease);
        }
        if (!held) {
            redis.del(waitingKey(sessionId));
        }
        int registeredNow = registered.size() - cancelled + added;
        Pass pass = new Pass(sessionId, added, cancelled, registeredNow, calls, held);
        if (added + cancelled > 0) {
            store.atomically().requireFence(lease).emit(new RegistrantsSynced(sessionId, meetingId, added, cancelled,
                    registeredNow, calls)).execute();
            log.info("Registrants of session {}: {} added, {} cancelled, {} registered, {} Zoom call(s){}", sessionId,
                    added, cancelled, registeredNow, calls, held ? ", " + (missing.size() - full) + " held" : "");
        }
        if (added < toSend && nextDue < 0) {
            // Zoom left some out of its answer: try them again soon.
            nextDue = clock.millis() + properties.backoffInitial().toMillis();
        }
        return new Outcome(pass, nextDue);
    }

    /** Registers one batch (one Zoom call) and stores the join links Zoom answered, atomically. */
    private int addBatch(String sessionId, ZoomKind kind, long meeting, String meetingId, List<String> batch,
            Lease lease) {
        Map<String, String> byEmail = new HashMap<>();
        List<Registrant> registrants = new ArrayList<>(batch.size());
        for (String registrationId : batch) {
            Registrant registrant = identity.registrant(registrationId);
            byEmail.put(registrant.email().toLowerCase(Locale.ROOT), registrationId);
            registrants.add(registrant);
        }
        List<RegisteredParticipant> answer;
        requireHeld(lease);
        try {
            answer = zoom.addRegistrants(kind, meeting, registrants);
        } catch (ZoomBatchIncompleteException e) {
            store(sessionId, meetingId, e.registered(), byEmail, lease);
            LostMeetings.Outcome reported = reportIfLost(sessionId, meetingId, e);
            if (reported != null) {
                throw new MeetingLost(reported);
            }
            throw e.failure();
        }
        return store(sessionId, meetingId, answer, byEmail, lease);
    }

    private int store(String sessionId, String meetingId, List<RegisteredParticipant> answer,
            Map<String, String> byEmail, Lease lease) {
        Map<String, String> links = new LinkedHashMap<>();
        Map<String, String> ids = new LinkedHashMap<>();
        for (RegisteredParticipant registered : answer) {
            String registrationId = registered.email() == null ? null
                    : byEmail.get(registered.email().toLowerCase(Locale.ROOT));
            if (registrationId == null || registered.registrantId() == null || registered.joinUrl() == null) {
                continue;
            }
            links.put(registrationId, JSON.writeValueAsString(
                    new JoinLink(meetingId, registered.registrantId(), registered.joinUrl())));
            ids.put(registered.registrantId(), registrationId);
        }
        if (!links.isEmpty()) {
            AtomicWrite write = store.atomically().requireFence(lease).hset(keys.registrants(sessionId), links)
                    .hset(keys.registrantIds(meetingId), ids);
            write.execute();
        }
        return links.size();
    }

    private void removeRegistrants(String sessionId, String meetingId, List<String> registrationIds,
            Map<String, JoinLink> registered, Lease lease) {
        // Both sides of the mapping go in one step.
        store.atomically().requireFence(lease)
                .hdel(keys.registrants(sessionId), registrationIds.toArray(String[]::new))
                .hdel(keys.registrantIds(meetingId),
                        registrationIds.stream().map(id -> registered.get(id).registrantId()).toArray(String[]::new))
                .execute();
    }

    /** When the session's current partial batch started waiting (set now if it was not waiting). */
    private long waitingSince(String sessionId, long now) {
        String key = waitingKey(sessionId);
        redis.set(key, Long.toString(now), SetParams.setParams().nx().px(Duration.ofDays(2).toMillis()));
        String since = redis.get(key);
        return since == null ? now : Long.parseLong(since);
    }

    private long backoff(long failures) {
        long initial = properties.backoffInitial().toMillis();
        long max = properties.backoffMax().toMillis();
        long delay = initial << Math.min(20, Math.max(0, failures - 1));
        delay = Math.min(max, delay);
        return delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
    }

    /** Before a Zoom call the pass must not make without the session's lease. */
    private static void requireHeld(Lease lease) {
        if (!lease.held()) {
            throw new LeaseLostException(lease.name());
        }
    }

    private static String leaseName(String sessionId) {
        return "registrant-sync:" + sessionId;
    }

    private String waitingKey(String sessionId) {
        return keys.space().key("registrant-sync", "waiting", sessionId);
    }

    private String failuresKey() {
        return keys.space().key("registrant-sync", "failures");
    }
}

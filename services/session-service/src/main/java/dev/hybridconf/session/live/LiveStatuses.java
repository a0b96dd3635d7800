package dev.hybridconf.session.live;

import java.time.Clock;
import java.time.Duration;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.hybridconf.contracts.session.LiveStatusChanged;
import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.AtomicWrite.Outcome;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.session.live.LiveState.Status;
import dev.hybridconf.session.programme.Conference;
import dev.hybridconf.session.programme.LiveStatusReader;
import dev.hybridconf.session.programme.ProgrammeSession;
import dev.hybridconf.session.programme.ProgrammeStore;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;

/**
 * Sessions' live status in Redis, and the only way it changes.
 *
 * <p>Keys (under {@code session:}): {@code live:<sessionId>} (hash: {@code status}, {@code version},
 * {@code startedAt}, {@code endedAt}, {@code origin}, {@code conferenceId}) and
 * {@code live-now:<conferenceId>} (set of the conference's sessions live now). A change writes both
 * and a {@code session.live-status-changed.v1} event in one Lua step guarded by the live version it
 * was decided on; a consumed event adds {@code onlyOnce(event id)} so a redelivery changes nothing.
 * Status only moves forward, so a late "started" after "ended" leaves the session ended.
 */
@Service
class LiveStatuses implements LiveStatusReader {

    private static final int ATTEMPTS = 5;
    static final Duration REMEMBER_EVENTS = Duration.ofDays(30);

    private final RedisStore store;
    private final KeySpace keys;
    private final ProgrammeStore programme;
    private final Clock clock;

    LiveStatuses(RedisStore store, ProgrammeStore programme, Clock clock) {
        this.store = store;
        this.keys = store.keys();
        this.programme = programme;
        this.clock = clock;
    }

    /** An organiser's or streaming staff's request. Backwards is 409; the same status again changes nothing. */
    LiveView request(String sessionId, Status target) {
        ProgrammeSession session = programme.session(sessionId)
                .orElseThrow(() -> new NotFoundException("session.not-found", sessionId));
        if (!session.scheduled() && target == Status.LIVE) {
            throw new ConflictException("session-cancelled", "live.session-cancelled", sessionId);
        }
        for (int attempt = 1; ; attempt++) {
            LiveState before = state(sessionId);
            switch (before.move(target)) {
                case SAME -> {
                    return LiveView.of(session, before);
                }
                case BACKWARDS -> throw LiveState.backwards(before.status(), target);
                default -> {
                }
            }
            LiveState after = before.to(target, clock.instant(), "API");
            try {
                write(store.atomically(), session, before, after).execute();
                return LiveView.of(session, after);
            } catch (ConflictException e) {
                if (!"live-status-changed-concurrently".equals(e.slug()) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * A streaming event: applied once per event id; an unknown session, the same status again or a
     * backwards move (a late "started" after "ended") only records the event id.
     *
     * @return {@code applied}, {@code duplicate} or {@code ignored}
     */
    String apply(String eventId, String sessionId, Status target, Instant occurredAt) {
        for (int attempt = 1; ; attempt++) {
            ProgrammeSession session = programme.session(sessionId).orElse(null);
            LiveState before = state(sessionId);
            boolean change = session != null && before.move(target) == LiveState.Move.APPLY;
            // First in the step: a repeat is a duplicate whatever the state.
            AtomicWrite write = store.atomically().onlyOnce(eventId, REMEMBER_EVENTS);
            if (change) {
                write(write, session, before,
                        before.to(target, occurredAt == null ? clock.instant() : occurredAt, "STREAMING"));
            }
            try {
                Outcome outcome = write.execute();
                return outcome == Outcome.DUPLICATE ? "duplicate" : change ? "applied" : "ignored";
            } catch (ConflictException e) {
                if (!"live-status-changed-concurrently".equals(e.slug()) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    LiveView view(String sessionId) {
        ProgrammeSession session = programme.session(sessionId)
                .orElseThrow(() -> new NotFoundException("session.not-found", sessionId));
        return LiveView.of(session, state(sessionId));
    }

    /** The conference's sessions live now, by start, in the reader's zone ({@code tz}, else the conference's). */
    LiveNowView liveNow(String conferenceId, String tz) {
        Conference conference = programme.conference(conferenceId)
                .orElseThrow(() -> new NotFoundException("conference.not-found", conferenceId));
        ZoneId zone = conference.timeZone();
        if (tz != null && !tz.isBlank()) {
            try {
                zone = ZoneId.of(tz.trim());
            } catch (DateTimeException e) {
                throw new InvalidTimeZoneException();
            }
        }
        List<LiveNowView.Session> live = new ArrayList<>();
        List<ProgrammeSession> sessions = new ArrayList<>();
        for (String id : store.redis().smembers(liveNowKey(conferenceId))) {
            programme.session(id).ifPresent(sessions::add);
        }
        sessions.sort(Comparator.comparing(ProgrammeSession::start).thenComparing(ProgrammeSession::id));
        for (ProgrammeSession session : sessions) {
            live.add(LiveNowView.Session.of(session, state(session.id()).startedAt(), zone));
        }
        return new LiveNowView(conferenceId, zone.getId(), live);
    }

    @Override
    public Map<String, String> liveStatuses(Collection<String> sessionIds) {
        Map<String, String> statuses = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return statuses;
        }
        try (AbstractPipeline pipeline = store.redis().pipelined()) {
            Map<String, Response<String>> responses = new HashMap<>();
            for (String id : sessionIds) {
                responses.put(id, pipeline.hget(liveKey(id), "status"));
            }
            pipeline.sync();
            responses.forEach((id, response) -> statuses.put(id,
                    response.get() == null ? Status.SCHEDULED.name() : response.get()));
        }
        return statuses;
    }

    private AtomicWrite write(AtomicWrite write, ProgrammeSession session, LiveState before, LiveState after) {
        String key = liveKey(session.id());
        if (before.version() == 0) {
            write.requireAbsent(key, LiveStatuses::changedConcurrently);
        } else {
            write.requireField(key, "version", Long.toString(before.version()), LiveStatuses::changedConcurrently);
        }
        write.hset(key, after.toHash(session.conferenceId()));
        if (after.status() == Status.LIVE) {
            write.sadd(liveNowKey(session.conferenceId()), session.id());
        } else {
            write.srem(liveNowKey(session.conferenceId()), session.id());
        }
        Instant at = after.status() == Status.LIVE ? after.startedAt() : after.endedAt();
        return write.emit(new LiveStatusChanged(session.id(), session.conferenceId(), after.status().name(),
                before.status().name(), after.origin(), after.version(), at));
    }

    private LiveState state(String sessionId) {
        return LiveState.fromHash(store.redis().hgetAll(liveKey(sessionId)));
    }

    private static ConflictException changedConcurrently() {
        return new ConflictException("live-status-changed-concurrently", "live.changed-concurrently");
    }

    private String liveKey(String sessionId) {
        return keys.key("live", sessionId);
    }

    private String liveNowKey(String conferenceId) {
        return keys.key("live-now", conferenceId);
    }
}

package dev.hybridconf.session.conclusions;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.hybridconf.contracts.session.ConclusionPosted;
import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.session.programme.Conference;
import dev.hybridconf.session.programme.ProgrammeSession;
import dev.hybridconf.session.programme.ProgrammeStore;
import dev.hybridconf.session.programme.SessionKind;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Breakout conclusions in Redis, and the only way they change.
 *
 * <p>Keys (under {@code session:}): {@code conclusions:<sessionId>} (hash: {@code revision},
 * {@code current} as JSON, {@code conferenceId}), {@code conclusions:<sessionId>:revisions} (sorted set:
 * every revision as JSON, scored by its number), {@code conclusions:<sessionId>:lock} (hash: an
 * organiser's override, with its version). A post writes the current revision, the history and the
 * {@code session.conclusion-posted.v1} event in one Lua step guarded by the revision and the lock
 * version it was decided on, and by the session still being a scheduled breakout.
 */
@Service
public class Conclusions {

    /** Who is asking: the token subject (a registration id) and whether they are an organiser. */
    public record Caller(String subject, boolean organiser) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int ATTEMPTS = 5;

    private final RedisStore store;
    private final KeySpace keys;
    private final ProgrammeStore programme;
    private final Clock clock;
    private final MeterRegistry meters;

    Conclusions(RedisStore store, ProgrammeStore programme, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.keys = store.keys();
        this.programme = programme;
        this.clock = clock;
        this.meters = meters;
    }

    /** Posts the first or a new revision. Moderators of the breakout and organisers only. */
    ConclusionsView post(String sessionId, JsonNode body, Caller caller) {
        ProgrammeSession session = session(sessionId);
        if (!caller.organiser() && !session.moderatorIds().contains(caller.subject())) {
            throw new NotModeratorException();
        }
        requireOpenBreakout(session);
        ConclusionsForm form = ConclusionsForm.read(body);
        for (int attempt = 1; ; attempt++) {
            try {
                ConclusionsView posted = tryPost(session, form, caller);
                meters.counter("conclusions.posted", "revision", posted.revision() == 1 ? "first" : "later").increment();
                return posted;
            } catch (ConflictException e) {
                if (!"conclusions-changed-concurrently".equals(e.slug()) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private ConclusionsView tryPost(ProgrammeSession session, ConclusionsForm form, Caller caller) {
        ZoneId zone = zone(session);
        Instant now = clock.instant();
        ConclusionsLock lock = lock(session.id());
        Instant defaultLockAt = defaultLockAt(session, zone);
        Optional<Instant> lockedSince = lock.lockedSince(defaultLockAt, now);
        if (lockedSince.isPresent()) {
            throw new ConclusionsLockedException(lockedSince.get(), ConclusionsView.render(lockedSince.get(), zone));
        }
        Optional<Revision> current = stored(session.id());
        long next = current.map(Revision::revision).orElse(0L) + 1;
        Revision revision = new Revision(next, form.language(), form.summary(), form.keyPoints(),
                form.recommendations(), form.themes(), form.sdgs(), caller.subject(), now);
        String json = JSON.writeValueAsString(revision);
        LocalDate day = session.start().atZone(zone).toLocalDate();

        AtomicWrite write = store.atomically();
        String currentKey = currentKey(session.id());
        if (current.isEmpty()) {
            write.requireAbsent(currentKey, Conclusions::changedConcurrently);
        } else {
            write.requireField(currentKey, "revision", Long.toString(current.get().revision()),
                    Conclusions::changedConcurrently);
        }
        guardLock(write, session.id(), lock);
        String sessionKey = keys.key("session", session.id());
        write.requireFieldIn(sessionKey, "kind", List.of(SessionKind.BREAKOUT.name()), Conclusions::notBreakout)
                .requireFieldIn(sessionKey, "status", List.of("SCHEDULED"),
                        () -> new ConflictException("session-cancelled", "conclusions.session-cancelled"))
                .hset(currentKey, Map.of("revision", Long.toString(next), "current", json,
                        "conferenceId", session.conferenceId()))
                .zadd(revisionsKey(session.id()), next, json)
                .emit(new ConclusionPosted(session.id(), session.conferenceId(), day, next, revision.language(),
                        revision.summary(), revision.keyPoints(), revision.recommendations(), revision.themes(),
                        revision.sdgs(), caller.subject(), now))
                .execute();
        return ConclusionsView.of(session.id(), session.conferenceId(), day, revision,
                lockView(lock, defaultLockAt, now, zone), zone);
    }

    /** The current revision; 404 before the first post. */
    ConclusionsView current(String sessionId) {
        ProgrammeSession session = session(sessionId);
        ZoneId zone = zone(session);
        LocalDate day = session.start().atZone(zone).toLocalDate();
        Revision current = stored(sessionId)
                .orElseThrow(() -> new NotFoundException("conclusions.not-found", sessionId));
        return ConclusionsView.of(sessionId, session.conferenceId(), day, current,
                lockView(lock(sessionId), defaultLockAt(session, zone), clock.instant(), zone), zone);
    }

    /** Every revision, oldest first (an empty list before the first post). */
    ConclusionsView.History history(String sessionId) {
        ProgrammeSession session = session(sessionId);
        ZoneId zone = zone(session);
        List<ConclusionsView.RevisionView> revisions = store.redis().zrange(revisionsKey(sessionId), 0, -1).stream()
                .map(json -> JSON.readValue(json, Revision.class))
                .sorted(Comparator.comparingLong(Revision::revision))
                .map(r -> ConclusionsView.RevisionView.of(r, zone)).toList();
        return new ConclusionsView.History(sessionId, session.conferenceId(), session.start().atZone(zone).toLocalDate(),
                revisions);
    }

    /** The lock as it stands now. */
    ConclusionsView.LockView lockState(String sessionId) {
        ProgrammeSession session = session(sessionId);
        ZoneId zone = zone(session);
        return lockView(lock(sessionId), defaultLockAt(session, zone), clock.instant(), zone);
    }

    /** An organiser opens the conclusions again, until {@code relockAt} when the body gives one. */
    ConclusionsView.LockView unlock(String sessionId, JsonNode body, Caller caller) {
        ProgrammeSession session = breakout(sessionId);
        Instant now = clock.instant();
        Instant relockAt = relockAt(body, now);
        return override(session, lock -> lock.unlocked(relockAt, caller.subject(), now));
    }

    /** An organiser locks the conclusions now, whatever the wrap-up time. */
    ConclusionsView.LockView lock(String sessionId, Caller caller) {
        ProgrammeSession session = breakout(sessionId);
        Instant now = clock.instant();
        return override(session, lock -> lock.locked(caller.subject(), now));
    }

    private ConclusionsView.LockView override(ProgrammeSession session,
            java.util.function.UnaryOperator<ConclusionsLock> change) {
        ZoneId zone = zone(session);
        for (int attempt = 1; ; attempt++) {
            ConclusionsLock before = lock(session.id());
            ConclusionsLock after = change.apply(before);
            try {
                AtomicWrite write = store.atomically();
                guardLock(write, session.id(), before);
                write.delete(lockKey(session.id())).hset(lockKey(session.id()), after.toHash()).execute();
                return lockView(after, defaultLockAt(session, zone), clock.instant(), zone);
            } catch (ConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private void guardLock(AtomicWrite write, String sessionId, ConclusionsLock lock) {
        if (lock.version() == 0) {
            write.requireAbsent(lockKey(sessionId), Conclusions::changedConcurrently);
        } else {
            write.requireField(lockKey(sessionId), "version", Long.toString(lock.version()),
                    Conclusions::changedConcurrently);
        }
    }

    private static Instant relockAt(JsonNode body, Instant now) {
        JsonNode given = body == null || body.isNull() || body.isMissingNode() ? null : body.get("relockAt");
        if (body != null && !body.isNull() && !body.isMissingNode() && !body.isObject()) {
            throw new ConclusionsInvalidException(List.of(
                    new ConclusionsInvalidException.Problem("body", "conclusions.field.object", List.of())));
        }
        if (given == null || given.isNull()) {
            return null;
        }
        try {
            Instant at = OffsetDateTime.parse(given.asString()).toInstant();
            if (!at.isAfter(now)) {
                throw new DateTimeException("past");
            }
            return at;
        } catch (DateTimeException e) {
            throw new ConclusionsInvalidException(List.of(
                    new ConclusionsInvalidException.Problem("relockAt", "conclusions.field.relock-at", List.of())));
        }
    }

    /**
     * When the conclusions of a breakout lock by default: the start of the first scheduled wrap-up of
     * its conference day (in the conference zone), or the end of that day when it has none.
     */
    Instant defaultLockAt(ProgrammeSession breakout, ZoneId zone) {
        LocalDate day = breakout.start().atZone(zone).toLocalDate();
        return programme.sessions(breakout.conferenceId()).stream()
                .filter(s -> s.kind() == SessionKind.WRAP_UP && s.scheduled())
                .filter(s -> s.start().atZone(zone).toLocalDate().equals(day))
                .map(ProgrammeSession::start).min(Comparator.naturalOrder())
                .orElseGet(() -> day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private ConclusionsView.LockView lockView(ConclusionsLock lock, Instant defaultLockAt, Instant now, ZoneId zone) {
        return new ConclusionsView.LockView(lock.lockedSince(defaultLockAt, now).isPresent(),
                ConclusionsView.render(lock.lockAt(defaultLockAt), zone), ConclusionsView.render(defaultLockAt, zone),
                lock.override() == null ? null : lock.override().name(), ConclusionsView.render(lock.relockAt(), zone),
                lock.changedBy(), ConclusionsView.render(lock.changedAt(), zone));
    }

    private ProgrammeSession session(String sessionId) {
        return programme.session(sessionId).orElseThrow(() -> new NotFoundException("session.not-found", sessionId));
    }

    private ProgrammeSession breakout(String sessionId) {
        ProgrammeSession session = session(sessionId);
        if (session.kind() != SessionKind.BREAKOUT) {
            throw notBreakout();
        }
        return session;
    }

    private void requireOpenBreakout(ProgrammeSession session) {
        if (session.kind() != SessionKind.BREAKOUT) {
            throw notBreakout();
        }
        if (!session.scheduled()) {
            throw new ConflictException("session-cancelled", "conclusions.session-cancelled");
        }
    }

    private ZoneId zone(ProgrammeSession session) {
        return programme.conference(session.conferenceId()).map(Conference::timeZone).orElse(session.zone());
    }

    private Optional<Revision> stored(String sessionId) {
        String json = store.redis().hget(currentKey(sessionId), "current");
        return json == null ? Optional.empty() : Optional.of(JSON.readValue(json, Revision.class));
    }

    private ConclusionsLock lock(String sessionId) {
        return ConclusionsLock.fromHash(store.redis().hgetAll(lockKey(sessionId)));
    }

    private static ConflictException notBreakout() {
        return new ConflictException("not-a-breakout", "conclusions.not-breakout");
    }

    private static ConflictException changedConcurrently() {
        return new ConflictException("conclusions-changed-concurrently", "conclusions.changed-concurrently");
    }

    private String currentKey(String sessionId) {
        return keys.key("conclusions", sessionId);
    }

    private String revisionsKey(String sessionId) {
        return keys.key("conclusions", sessionId, "revisions");
    }

    private String lockKey(String sessionId) {
        return keys.key("conclusions", sessionId, "lock");
    }
}

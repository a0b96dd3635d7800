package dev.hybridconf.session.conclusions;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

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
 * organiser's setting for the breakout, with its version), {@code conclusions:day:<conferenceId>:<date>}
 * (hash: an organiser's lock time for a conference day, with its version). When they lock is
 * {@link LockRule}'s decision. A post writes the current revision, the history and the
 * {@code session.conclusion-posted.v1} event in one Lua step guarded by what the lock was decided on
 * (the revision, both settings' versions, the conference's programme version) and by the session still
 * being a scheduled breakout; a post that lost to a change decides again.
 */
@Service
public class Conclusions {

    /** Who is asking: the token subject (a registration id) and whether they are an organiser. */
    public record Caller(String subject, boolean organiser) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int ATTEMPTS = 5;
    /** How long after the conference ends an organiser may still set conclusions to lock. */
    private static final Duration LATEST_AFTER_END = Duration.ofDays(366);

    private final RedisStore store;
    private final KeySpace keys;
    private final ProgrammeStore programme;
    private final Clock clock;
    private final MeterRegistry meters;
    private final LockAnnouncements announcements;

    Conclusions(RedisStore store, ProgrammeStore programme, Clock clock, MeterRegistry meters,
            LockAnnouncements announcements) {
        this.announcements = announcements;
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
                ConclusionsView posted = tryPost(session, form, caller, false);
                meters.counter("conclusions.posted", "revision", posted.revision() == 1 ? "first" : "later").increment();
                return posted;
            } catch (ConflictException e) {
                if (!"conclusions-changed-concurrently".equals(e.slug()) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Posts a demo revision as a post would (the same step and event), whatever the lock: only when the breakout holds
     * the revision before it, so loading the demo again writes nothing.
     *
     * @return whether the revision was written now
     */
    boolean seed(String sessionId, long revision, ConclusionsForm form, String poster) {
        ProgrammeSession session = session(sessionId);
        requireOpenBreakout(session);
        for (int attempt = 1; ; attempt++) {
            long held = stored(sessionId).map(Revision::revision).orElse(0L);
            if (held != revision - 1) {
                return false;
            }
            try {
                tryPost(session, form, new Caller(poster, true), true);
                return true;
            } catch (ConflictException e) {
                if (!"conclusions-changed-concurrently".equals(e.slug()) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private ConclusionsView tryPost(ProgrammeSession session, ConclusionsForm form, Caller caller, boolean anyLock) {
        LockInputs lock = inputs(session);
        ZoneId zone = lock.zone();
        Instant now = clock.instant();
        LockRule.Decision decision = lock.decision();
        Optional<Instant> lockedAt = decision.lockedAt(now);
        if (lockedAt.isPresent() && !anyLock) {
            throw new ConclusionsLockedException(lockedAt.get(), ConclusionsView.render(lockedAt.get(), zone));
        }
        Optional<Revision> current = stored(session.id());
        long next = current.map(Revision::revision).orElse(0L) + 1;
        Revision revision = new Revision(next, form.language(), form.summary(), form.keyPoints(),
                form.recommendations(), form.themes(), form.sdgs(), caller.subject(), now);
        String json = JSON.writeValueAsString(revision);
        LocalDate day = lock.day();

        AtomicWrite write = store.atomically();
        String currentKey = currentKey(session.id());
        if (current.isEmpty()) {
            write.requireAbsent(currentKey, Conclusions::changedConcurrently);
        } else {
            write.requireField(currentKey, "revision", Long.toString(current.get().revision()),
                    Conclusions::changedConcurrently);
        }
        // The lock was decided on these: the settings and the programme (a wrap-up moved meanwhile decides again).
        guardLock(write, session.id(), lock.override());
        guardDay(write, lock.dayLock(), session.conferenceId());
        write.requireField(conferenceKey(session.conferenceId()), "programmeVersion",
                Long.toString(lock.conference().programmeVersion()), Conclusions::changedConcurrently);
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
        return ConclusionsView.of(session.id(), session.conferenceId(), day, revision, lockView(lock, decision, now),
                zone);
    }

    /** The current revision; 404 before the first post. */
    ConclusionsView current(String sessionId) {
        ProgrammeSession session = session(sessionId);
        Revision current = stored(sessionId)
                .orElseThrow(() -> new NotFoundException("conclusions.not-found", sessionId));
        LockInputs lock = inputs(session);
        return ConclusionsView.of(sessionId, session.conferenceId(), lock.day(), current,
                lockView(lock, lock.decision(), clock.instant()), lock.zone());
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
        LockInputs lock = inputs(session(sessionId));
        return lockView(lock, lock.decision(), clock.instant());
    }

    /** An organiser opens the conclusions again, until {@code relockAt} when the body gives one. */
    ConclusionsView.LockView unlock(String sessionId, JsonNode body, Caller caller) {
        ProgrammeSession session = breakout(sessionId);
        return override(session, caller, (lock, now) -> {
            Instant relockAt = requestedTime(body, "relockAt", false, lock.breakout().end(), now,
                    latest(lock), lock.zone(), "conclusions.field.lock-at");
            return lock.override().unlocked(relockAt, caller.subject(), now);
        });
    }

    /** An organiser locks the conclusions now, whatever the wrap-up time. */
    ConclusionsView.LockView lock(String sessionId, Caller caller) {
        ProgrammeSession session = breakout(sessionId);
        return override(session, caller, (lock, now) -> lock.override().locked(caller.subject(), now));
    }

    /**
     * An organiser sets when the conclusions lock: {@code {"lockAt": "2024-11-07T19:00:00+01:00"}}, in the
     * future and not before the breakout ends (conclusions are written once it is over).
     */
    ConclusionsView.LockView lockAt(String sessionId, JsonNode body, Caller caller) {
        ProgrammeSession session = breakout(sessionId);
        return override(session, caller, (lock, now) -> {
            Instant at = requestedTime(body, "lockAt", true, lock.breakout().end(), now, latest(lock), lock.zone(),
                    "conclusions.field.lock-at");
            return lock.override().lockingAt(at, caller.subject(), now);
        });
    }

    /** An organiser clears their setting for the breakout (lock, unlock or time): the day's or the programme's rule applies. */
    ConclusionsView.LockView clear(String sessionId, Caller caller) {
        ProgrammeSession session = breakout(sessionId);
        return override(session, caller, (lock, now) -> lock.override().override() == null ? lock.override()
                : lock.override().cleared(caller.subject(), now));
    }

    private ConclusionsView.LockView override(ProgrammeSession session, Caller caller,
            BiFunction<LockInputs, Instant, ConclusionsLock> change) {
        for (int attempt = 1; ; attempt++) {
            LockInputs before = inputs(session);
            Instant now = clock.instant();
            ConclusionsLock after = change.apply(before, now);
            LockInputs changed = before.with(after);
            if (after == before.override()) {
                return lockView(changed, changed.decision(), now);
            }
            try {
                AtomicWrite write = store.atomically();
                guardLock(write, session.id(), before.override());
                write.delete(lockKey(session.id())).hset(lockKey(session.id()), after.toHash());
                if (changed.breakout().scheduled()) {
                    guardProgramme(write, changed.conference());
                    announcements.announce(write, List.of(changed.announced()), caller.subject(),
                            Conclusions::changedConcurrently);
                }
                write.execute();
                return lockView(changed, changed.decision(), now);
            } catch (ConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** An organiser's lock time for the conclusions of every breakout of a conference day, or none. */
    ConclusionsView.DayLockView dayLock(String conferenceId, String date) {
        Conference conference = conference(conferenceId);
        LocalDate day = conferenceDay(conference, date);
        return dayLockView(conference, dayLock(conferenceId, day));
    }

    /**
     * An organiser sets when the conclusions of a day's breakouts lock: {@code {"lockAt": ...}}, in the future
     * and not before the day's last scheduled breakout ends. A breakout's own setting still wins.
     */
    ConclusionsView.DayLockView setDayLock(String conferenceId, String date, JsonNode body, Caller caller) {
        Conference conference = conference(conferenceId);
        LocalDate day = conferenceDay(conference, date);
        return changeDay(conference, day, caller, (before, now) -> {
            ZoneId zone = conference.timeZone();
            Instant notBefore = day.atStartOfDay(zone).toInstant();
            for (ProgrammeSession s : programme.sessions(conferenceId)) {
                if (s.kind() == SessionKind.BREAKOUT && s.scheduled() && LockRule.day(s, zone).equals(day)
                        && s.end().isAfter(notBefore)) {
                    notBefore = s.end();
                }
            }
            Instant at = requestedTime(body, "lockAt", true, notBefore, now,
                    LockRule.conferenceEnd(conference).plus(LATEST_AFTER_END), zone, "conclusions.field.day-lock-at");
            return before.set(at, caller.subject(), now);
        });
    }

    /** An organiser clears the day's lock time: each breakout's own setting or the programme's rule applies. */
    ConclusionsView.DayLockView clearDayLock(String conferenceId, String date, Caller caller) {
        Conference conference = conference(conferenceId);
        LocalDate day = conferenceDay(conference, date);
        return changeDay(conference, day, caller,
                (before, now) -> before.lockAt() == null ? before : before.cleared(caller.subject(), now));
    }

    private ConclusionsView.DayLockView changeDay(Conference conference, LocalDate day, Caller caller,
            BiFunction<DayLock, Instant, DayLock> change) {
        for (int attempt = 1; ; attempt++) {
            DayLock before = dayLock(conference.id(), day);
            DayLock after = change.apply(before, clock.instant());
            if (after == before) {
                return dayLockView(conference, after);
            }
            try {
                AtomicWrite write = store.atomically();
                guardDay(write, before, conference.id());
                write.delete(dayKey(conference.id(), day)).hset(dayKey(conference.id(), day), after.toHash());
                announceDay(write, conference, day, after, caller);
                write.execute();
                return dayLockView(conference, after);
            } catch (ConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * The lock event of each scheduled breakout of the day whose decision the day's new setting changes (one with its
     * own setting keeps it), decided on the programme read now and guarded by its version and the breakouts' settings.
     */
    private void announceDay(AtomicWrite write, Conference conference, LocalDate day, DayLock after, Caller caller) {
        Conference current = conference(conference.id());
        List<ProgrammeSession> sessions = programme.sessions(conference.id());
        List<LockAnnouncements.Inputs> breakouts = new ArrayList<>();
        for (ProgrammeSession s : sessions) {
            if (s.kind() == SessionKind.BREAKOUT && s.scheduled() && LockRule.day(s, current.timeZone()).equals(day)) {
                ConclusionsLock override = lock(s.id());
                guardLock(write, s.id(), override);
                breakouts.add(new LockAnnouncements.Inputs(s, current, sessions, override, after));
            }
        }
        if (!breakouts.isEmpty()) {
            guardProgramme(write, current);
            announcements.announce(write, breakouts, caller.subject(), Conclusions::changedConcurrently);
        }
    }

    /** The lock was decided on this programme: a programme changed meanwhile decides (and announces) again. */
    private void guardProgramme(AtomicWrite write, Conference conference) {
        write.requireField(conferenceKey(conference.id()), "programmeVersion",
                Long.toString(conference.programmeVersion()), Conclusions::changedConcurrently);
    }

    private static ConclusionsView.DayLockView dayLockView(Conference conference, DayLock lock) {
        ZoneId zone = conference.timeZone();
        return new ConclusionsView.DayLockView(conference.id(), lock.day(), ConclusionsView.render(lock.lockAt(), zone),
                lock.changedBy(), ConclusionsView.render(lock.changedAt(), zone));
    }

    private void guardLock(AtomicWrite write, String sessionId, ConclusionsLock lock) {
        if (lock.version() == 0) {
            write.requireAbsent(lockKey(sessionId), Conclusions::changedConcurrently);
        } else {
            write.requireField(lockKey(sessionId), "version", Long.toString(lock.version()),
                    Conclusions::changedConcurrently);
        }
    }

    private void guardDay(AtomicWrite write, DayLock lock, String conferenceId) {
        String key = dayKey(conferenceId, lock.day());
        if (lock.version() == 0) {
            write.requireAbsent(key, Conclusions::changedConcurrently);
        } else {
            write.requireField(key, "version", Long.toString(lock.version()), Conclusions::changedConcurrently);
        }
    }

    /**
     * A time from the body ({@code {"<field>": "2024-11-07T19:00:00+01:00"}}, nothing else): after {@code now},
     * not before {@code notBefore}, not after {@code latest}. Null when absent and not required.
     *
     * @throws ConclusionsInvalidException naming the field, with the bounds in the conference zone
     */
    private static Instant requestedTime(JsonNode body, String field, boolean required, Instant notBefore,
            Instant now, Instant latest, ZoneId zone, String messageKey) {
        boolean empty = body == null || body.isNull() || body.isMissingNode();
        if (!empty && !body.isObject()) {
            throw new ConclusionsInvalidException(List.of(
                    new ConclusionsInvalidException.Problem("body", "conclusions.field.object", List.of())));
        }
        List<ConclusionsInvalidException.Problem> problems = new ArrayList<>();
        if (!empty) {
            for (String name : body.propertyNames()) {
                if (!name.equals(field)) {
                    problems.add(new ConclusionsInvalidException.Problem(name, "conclusions.field.unknown", List.of()));
                }
            }
        }
        JsonNode given = empty ? null : body.get(field);
        Instant at = null;
        Instant earliest = notBefore.isAfter(now) ? notBefore : now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        if (given == null || given.isNull()) {
            if (required) {
                problems.add(new ConclusionsInvalidException.Problem(field, "conclusions.field.required", List.of()));
            }
        } else {
            try {
                at = given.isString() ? OffsetDateTime.parse(given.asString().strip()).toInstant() : null;
            } catch (DateTimeException e) {
                at = null;
            }
            if (at == null || !at.isAfter(now) || at.isBefore(notBefore) || at.isAfter(latest)) {
                problems.add(new ConclusionsInvalidException.Problem(field, messageKey,
                        List.of(ConclusionsView.render(earliest, zone), ConclusionsView.render(latest, zone))));
                at = null;
            }
        }
        if (!problems.isEmpty()) {
            throw new ConclusionsInvalidException(problems);
        }
        return at;
    }

    /** The latest lock time an organiser may set: a year after the conference ends. */
    private static Instant latest(LockInputs lock) {
        return LockRule.conferenceEnd(lock.conference(), lock.breakout()).plus(LATEST_AFTER_END);
    }

    private ConclusionsView.LockView lockView(LockInputs lock, LockRule.Decision decision, Instant now) {
        ZoneId zone = lock.zone();
        ConclusionsLock override = lock.override();
        return new ConclusionsView.LockView(decision.lockedAt(now).isPresent(),
                ConclusionsView.render(decision.lockAt(), zone), decision.source().name(), decision.wrapUpSessionId(),
                ConclusionsView.render(decision.defaultLockAt(), zone),
                ConclusionsView.render(lock.dayLock().lockAt(), zone),
                override.override() == null ? null : override.override().name(),
                ConclusionsView.render(override.lockAt(), zone), ConclusionsView.render(override.relockAt(), zone),
                override.changedBy(), ConclusionsView.render(override.changedAt(), zone));
    }

    /**
     * What the lock of a breakout depends on, read once: the conference (its programme version first),
     * the programme's sessions, the organisers' settings for the breakout and its day.
     */
    private LockInputs inputs(ProgrammeSession session) {
        Conference conference = conference(session.conferenceId());
        List<ProgrammeSession> sessions = programme.sessions(session.conferenceId());
        ProgrammeSession breakout = sessions.stream().filter(s -> s.id().equals(session.id())).findFirst()
                .orElse(session);
        LocalDate day = LockRule.day(breakout, conference.timeZone());
        return new LockInputs(breakout, conference, sessions, lock(session.id()), dayLock(conference.id(), day));
    }

    private record LockInputs(ProgrammeSession breakout, Conference conference, List<ProgrammeSession> sessions,
            ConclusionsLock override, DayLock dayLock) {

        ZoneId zone() {
            return conference.timeZone();
        }

        LocalDate day() {
            return LockRule.day(breakout, zone());
        }

        LockRule.Decision decision() {
            return LockRule.decide(breakout, conference, sessions, override, dayLock);
        }

        LockAnnouncements.Inputs announced() {
            return new LockAnnouncements.Inputs(breakout, conference, sessions, override, dayLock);
        }

        LockInputs with(ConclusionsLock next) {
            return new LockInputs(breakout, conference, sessions, next, dayLock);
        }
    }

    private ProgrammeSession session(String sessionId) {
        return programme.session(sessionId).orElseThrow(() -> new NotFoundException("session.not-found", sessionId));
    }

    private Conference conference(String conferenceId) {
        return programme.conference(conferenceId)
                .orElseThrow(() -> new NotFoundException("conference.not-found", conferenceId));
    }

    /** A day of the conference, from the path; 400 naming {@code date} when it is no date, 404 when not a day of it. */
    private static LocalDate conferenceDay(Conference conference, String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeException e) {
            throw new ConclusionsInvalidException(List.of(
                    new ConclusionsInvalidException.Problem("date", "conclusions.field.date", List.of())));
        }
        if (conference.day(day).isEmpty()) {
            throw new NotFoundException("conclusions.day.not-found", day.toString(), conference.id());
        }
        return day;
    }

    private DayLock dayLock(String conferenceId, LocalDate day) {
        return DayLock.fromHash(day, store.redis().hgetAll(dayKey(conferenceId, day)));
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

    private String dayKey(String conferenceId, LocalDate day) {
        return keys.key("conclusions", "day", conferenceId, day.toString());
    }

    /** The programme's conference hash ({@code ProgrammeStore}'s key): its {@code programmeVersion} guards posts. */
    private String conferenceKey(String conferenceId) {
        return keys.key("conference", conferenceId);
    }
}

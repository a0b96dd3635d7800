package dev.hybridconf.session.conclusions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.hybridconf.session.programme.Conference;
import dev.hybridconf.session.programme.ProgrammeDay;
import dev.hybridconf.session.programme.ProgrammeSession;
import dev.hybridconf.session.programme.SessionKind;

/**
 * When a breakout's conclusions lock: a pure function of the programme, the organisers' settings and
 * the time, so every replica decides the same and a programme change moves the lock at once.
 *
 * <ol>
 * <li>An organiser locked them ({@link Source#LOCKED}): locked since then.</li>
 * <li>An organiser unlocked them ({@link Source#UNLOCKED}): open until their re-lock time, if any.</li>
 * <li>An organiser set a lock time for the breakout ({@link Source#BREAKOUT}), or else for its conference
 * day ({@link Source#DAY}): that time, if it is not before the breakout ends. A time that the
 * breakout has since been moved past is not applied (the next rule is), so conclusions never lock
 * before their breakout is over because of a stale setting.</li>
 * <li>Otherwise ({@link Source#WRAP_UP}): when the wrap-up that reports on the breakout starts, the first
 * scheduled {@code WRAP_UP} session of the conference starting at or after the breakout's end (the
 * same day or a later one).</li>
 * <li>With no wrap-up after it ({@link Source#CONFERENCE_END}): at the end of the conference's last day
 * (midnight after it, in the conference zone), so that late conclusions still reach the record; for a
 * breakout of the last day that runs past that midnight, midnight after the day it ends.</li>
 * </ol>
 * All comparisons are between instants, so time zones far from UTC and clock changes need no special case;
 * days are counted in the conference zone.
 */
final class LockRule {

    /** Where the lock time comes from. */
    enum Source {
        LOCKED,
        UNLOCKED,
        BREAKOUT,
        DAY,
        WRAP_UP,
        CONFERENCE_END
    }

    /**
     * The lock of one breakout.
     *
     * @param lockAt          when they lock or locked; null when unlocked with no re-lock time
     * @param source          where {@code lockAt} comes from
     * @param lockedSince     when an organiser locked them (source {@code LOCKED}), else null
     * @param defaultLockAt   what the programme alone gives (wrap-up start or conference end)
     * @param defaultSource   {@code WRAP_UP} or {@code CONFERENCE_END}
     * @param wrapUpSessionId the wrap-up reporting on the breakout, or null when there is none
     */
    record Decision(Instant lockAt, Source source, Instant lockedSince, Instant defaultLockAt, Source defaultSource,
            String wrapUpSessionId) {

        /** The moment they locked, if they are locked at {@code now}. */
        Optional<Instant> lockedAt(Instant now) {
            if (source == Source.LOCKED) {
                return Optional.of(lockedSince);
            }
            return lockAt != null && !now.isBefore(lockAt) ? Optional.of(lockAt) : Optional.empty();
        }
    }

    private LockRule() {
    }

    static Decision decide(ProgrammeSession breakout, Conference conference, List<ProgrammeSession> sessions,
            ConclusionsLock override, DayLock dayLock) {
        ZoneId zone = conference.timeZone();
        Optional<ProgrammeSession> wrapUp = reportingWrapUp(breakout, sessions);
        Instant defaultLockAt = wrapUp.map(ProgrammeSession::start).orElseGet(() -> conferenceEnd(conference, breakout));
        Source defaultSource = wrapUp.isPresent() ? Source.WRAP_UP : Source.CONFERENCE_END;
        String wrapUpId = wrapUp.map(ProgrammeSession::id).orElse(null);
        if (override.override() == ConclusionsLock.Override.LOCKED) {
            return new Decision(override.changedAt(), Source.LOCKED, override.changedAt(), defaultLockAt,
                    defaultSource, wrapUpId);
        }
        if (override.override() == ConclusionsLock.Override.UNLOCKED) {
            return new Decision(override.relockAt(), Source.UNLOCKED, null, defaultLockAt, defaultSource, wrapUpId);
        }
        if (override.override() == ConclusionsLock.Override.LOCK_AT && !override.lockAt().isBefore(breakout.end())) {
            return new Decision(override.lockAt(), Source.BREAKOUT, null, defaultLockAt, defaultSource, wrapUpId);
        }
        if (dayLock.lockAt() != null && dayLock.day().equals(day(breakout, zone))
                && !dayLock.lockAt().isBefore(breakout.end())) {
            return new Decision(dayLock.lockAt(), Source.DAY, null, defaultLockAt, defaultSource, wrapUpId);
        }
        return new Decision(defaultLockAt, defaultSource, null, defaultLockAt, defaultSource, wrapUpId);
    }

    /** The first scheduled wrap-up starting at or after the breakout's end: the one that reports on it. */
    static Optional<ProgrammeSession> reportingWrapUp(ProgrammeSession breakout, List<ProgrammeSession> sessions) {
        return sessions.stream()
                .filter(s -> s.kind() == SessionKind.WRAP_UP && s.scheduled()
                        && s.conferenceId().equals(breakout.conferenceId()))
                .filter(s -> !s.start().isBefore(breakout.end()))
                .min(Comparator.comparing(ProgrammeSession::start).thenComparing(ProgrammeSession::id));
    }

    /**
     * Midnight after the conference's last day in its zone, or, for a breakout that ends later (one of the
     * last day running past midnight), midnight after the date it ends on: its moderators get the rest of
     * that day, as every other breakout gets the rest of the last day, never a lock at the moment it ends.
     */
    static Instant conferenceEnd(Conference conference, ProgrammeSession breakout) {
        ZoneId zone = conference.timeZone();
        LocalDate last = lastDay(conference);
        LocalDate ends = breakout.end().atZone(zone).toLocalDate();
        last = ends.isAfter(last) ? ends : last;
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Midnight after the conference's last day, in its zone. */
    static Instant conferenceEnd(Conference conference) {
        return lastDay(conference).plusDays(1).atStartOfDay(conference.timeZone()).toInstant();
    }

    private static LocalDate lastDay(Conference conference) {
        LocalDate last = conference.endDate();
        for (ProgrammeDay day : conference.days()) {
            last = day.date().isAfter(last) ? day.date() : last;
        }
        return last;
    }

    /** The breakout's conference day: its start's date in the conference zone. */
    static LocalDate day(ProgrammeSession breakout, ZoneId zone) {
        return breakout.start().atZone(zone).toLocalDate();
    }
}

package dev.hybridconf.session.conclusions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hybridconf.session.programme.Conference;
import dev.hybridconf.session.programme.ProgrammeDay;
import dev.hybridconf.session.programme.ProgrammeSession;
import dev.hybridconf.session.programme.SessionFormat;
import dev.hybridconf.session.programme.SessionKind;
import dev.hybridconf.session.programme.SessionStatus;

/**
 * The lock rule on its own, case by case: which wrap-up reports on a breakout, the end of the
 * conference when none does (also where a clock change or a skipped midnight falls on it, or where the
 * breakout runs past midnight), zones far from UTC, and the order of the organisers' settings.
 */
class LockRuleTests {

    @Test
    void aWrapUpLaterTheSameDayReportsOnTheMorningsBreakouts() {
        Week week = new Week("Europe/Madrid", "2024-11-07", "2024-11-08");
        ProgrammeSession breakout = week.breakout("2024-11-07", "11:30", "13:00");
        ProgrammeSession wrapUp = week.wrapUp("2024-11-07", "17:00", "18:00");

        LockRule.Decision lock = week.decide(breakout);

        assertThat(lock.lockAt()).isEqualTo(wrapUp.start());
        assertThat(lock.source()).isEqualTo(LockRule.Source.WRAP_UP);
        assertThat(lock.wrapUpSessionId()).isEqualTo(wrapUp.id());
    }

    @Test
    void theNextMorningsWrapUpReportsOnTheDayBeforeAndNotOnTheSameDaysBreakouts() {
        Week week = new Week("Africa/Casablanca", "2027-10-11", "2027-10-15");
        ProgrammeSession day2Morning = week.wrapUp("2027-10-12", "09:00", "10:00");
        ProgrammeSession day3Morning = week.wrapUp("2027-10-13", "09:00", "10:00");

        assertThat(week.decide(week.breakout("2027-10-11", "12:00", "13:30")).lockAt()).isEqualTo(day2Morning.start());
        assertThat(week.decide(week.breakout("2027-10-12", "12:00", "13:30")).lockAt()).isEqualTo(day3Morning.start());
        assertThat(day3Morning.start()).isEqualTo(Instant.parse("2027-10-13T08:00:00Z"));
    }

    @Test
    void aWrapUpStartingAsTheBreakoutEndsReportsOnItAndOneStartingBeforeCannot() {
        Week week = new Week("Europe/Madrid", "2024-11-07", "2024-11-08");
        ProgrammeSession breakout = week.breakout("2024-11-07", "16:00", "17:00");
        week.wrapUp("2024-11-07", "16:30", "17:30");
        ProgrammeSession atTheEnd = week.wrapUp("2024-11-07", "17:00", "18:00");

        assertThat(week.decide(breakout).wrapUpSessionId()).isEqualTo(atTheEnd.id());
    }

    @Test
    void cancelledWrapUpsAndOtherConferencesWrapUpsDoNotCount() {
        Week week = new Week("Europe/Madrid", "2024-11-07", "2024-11-08");
        ProgrammeSession breakout = week.breakout("2024-11-07", "11:30", "13:00");
        week.add(week.session("cancelled", SessionKind.WRAP_UP, SessionStatus.CANCELLED, "2024-11-07", "14:00", "15:00"));
        week.add(new Week("Europe/Madrid", "2024-11-07", "2024-11-08", "another-conference")
                .wrapUp("2024-11-07", "15:00", "16:00"));
        ProgrammeSession next = week.wrapUp("2024-11-08", "09:00", "10:00");

        assertThat(week.decide(breakout).wrapUpSessionId()).isEqualTo(next.id());
    }

    @Test
    void withNoWrapUpAfterItTheConclusionsLockAtTheEndOfTheConferencesLastDay() {
        Week week = new Week("Europe/Madrid", "2024-11-07", "2024-11-08");
        week.wrapUp("2024-11-07", "09:00", "10:00");

        LockRule.Decision lock = week.decide(week.breakout("2024-11-07", "11:30", "13:00"));

        assertThat(lock.lockAt()).isEqualTo(Instant.parse("2024-11-08T23:00:00Z"));
        assertThat(lock.source()).isEqualTo(LockRule.Source.CONFERENCE_END);
        assertThat(lock.wrapUpSessionId()).isNull();
    }

    @Test
    void theEndOfTheConferenceFollowsTheClocksWhenTheyChangeOnItsLastDay() {
        // Madrid goes back from +02:00 to +01:00 on Sunday 27 October 2024 at 03:00.
        Week week = new Week("Europe/Madrid", "2024-10-25", "2024-10-27");
        ProgrammeSession breakout = week.breakout("2024-10-25", "12:00", "13:00");

        assertThat(week.decide(breakout).lockAt()).isEqualTo(Instant.parse("2024-10-27T23:00:00Z"));

        ProgrammeSession sundayWrapUp = week.wrapUp("2024-10-27", "09:00", "10:00");
        assertThat(week.decide(breakout).lockAt()).isEqualTo(sundayWrapUp.start())
                .isEqualTo(Instant.parse("2024-10-27T08:00:00Z"));
    }

    @Test
    void whenTheClocksSkipMidnightTheConferenceEndsAtTheFirstMomentOfTheNextDay() {
        // Chile moves from -04:00 to -03:00 at midnight on Sunday 8 September 2024: 00:00 never happens there.
        Week week = new Week("America/Santiago", "2024-09-06", "2024-09-07");

        LockRule.Decision lock = week.decide(week.breakout("2024-09-07", "15:00", "16:30"));

        assertThat(lock.lockAt()).isEqualTo(Instant.parse("2024-09-08T04:00:00Z"));
        assertThat(lock.lockAt().atZone(ZoneId.of("America/Santiago")).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2024-09-08T01:00"));
    }

    @Test
    void daysAreCountedInTheConferenceZoneFarFromUtc() {
        // Kiritimati is 14 hours ahead of UTC: its noon of 11 October is still 10 October in UTC.
        Week week = new Week("Pacific/Kiritimati", "2027-10-11", "2027-10-12");
        ProgrammeSession breakout = week.breakout("2027-10-11", "12:00", "13:30");
        ProgrammeSession wrapUp = week.wrapUp("2027-10-12", "09:00", "10:00");
        assertThat(breakout.start()).isEqualTo(Instant.parse("2027-10-10T22:00:00Z"));

        assertThat(week.decide(breakout).lockAt()).isEqualTo(wrapUp.start());
        DayLock oct11 = DayLock.none(LocalDate.parse("2027-10-11"))
                .set(week.local("2027-10-11", "20:00"), "organiser", Instant.EPOCH);
        assertThat(week.decide(breakout, ConclusionsLock.NONE, oct11).source()).isEqualTo(LockRule.Source.DAY);
        DayLock oct10 = DayLock.none(LocalDate.parse("2027-10-10")).set(week.local("2027-10-11", "20:00"), "o",
                Instant.EPOCH);
        assertThat(week.decide(breakout, ConclusionsLock.NONE, oct10).source())
                .as("the UTC date is not the conference day").isEqualTo(LockRule.Source.WRAP_UP);

        Week samoa = new Week("Pacific/Pago_Pago", "2027-10-11", "2027-10-12");
        ProgrammeSession late = samoa.breakout("2027-10-12", "18:00", "19:30");
        assertThat(samoa.decide(late).lockAt()).as("midnight in Pago Pago, 11:00 the next day in UTC")
                .isEqualTo(Instant.parse("2027-10-13T11:00:00Z"));
    }

    @Test
    void organisersSettingsComeFirstInOrder() {
        Week week = new Week("Europe/Madrid", "2024-11-07", "2024-11-08");
        ProgrammeSession breakout = week.breakout("2024-11-07", "11:30", "13:00");
        ProgrammeSession wrapUp = week.wrapUp("2024-11-07", "17:00", "18:00");
        Instant now = week.local("2024-11-07", "14:00");
        DayLock day = DayLock.none(LocalDate.parse("2024-11-07")).set(week.local("2024-11-07", "20:00"), "o", now);
        ConclusionsLock at = ConclusionsLock.NONE.lockingAt(week.local("2024-11-07", "19:00"), "o", now);

        assertThat(week.decide(breakout, ConclusionsLock.NONE, day).lockAt()).isEqualTo(week.local("2024-11-07", "20:00"));
        LockRule.Decision own = week.decide(breakout, at, day);
        assertThat(own.lockAt()).isEqualTo(week.local("2024-11-07", "19:00"));
        assertThat(own.source()).isEqualTo(LockRule.Source.BREAKOUT);
        assertThat(own.defaultLockAt()).isEqualTo(wrapUp.start());

        LockRule.Decision unlocked = week.decide(breakout, at.unlocked(null, "o", now), day);
        assertThat(unlocked.lockAt()).isNull();
        assertThat(unlocked.lockedAt(week.local("2024-11-30", "00:00"))).isEmpty();
        LockRule.Decision relocks = week.decide(breakout, at.unlocked(week.local("2024-11-07", "21:00"), "o", now), day);
        assertThat(relocks.lockedAt(week.local("2024-11-07", "21:00"))).contains(week.local("2024-11-07", "21:00"));

        LockRule.Decision locked = week.decide(breakout, at.locked("o", now), day);
        assertThat(locked.source()).isEqualTo(LockRule.Source.LOCKED);
        assertThat(locked.lockedAt(now)).contains(now);

        LockRule.Decision cleared = week.decide(breakout, at.locked("o", now).cleared("o", now), DayLock.none(day.day()));
        assertThat(cleared.source()).isEqualTo(LockRule.Source.WRAP_UP);
    }

    @Test
    void aSettingTheBreakoutWasMovedPastIsNotApplied() {
        Week week = new Week("Europe/Madrid", "2024-11-07", "2024-11-08");
        ProgrammeSession moved = week.breakout("2024-11-07", "18:00", "19:30");
        Instant now = week.local("2024-11-07", "09:00");
        ConclusionsLock at = ConclusionsLock.NONE.lockingAt(week.local("2024-11-07", "19:00"), "o", now);
        DayLock day = DayLock.none(LocalDate.parse("2024-11-07")).set(week.local("2024-11-07", "19:15"), "o", now);

        LockRule.Decision lock = week.decide(moved, at, day);

        assertThat(lock.source()).isEqualTo(LockRule.Source.CONFERENCE_END);
        assertThat(lock.lockAt()).isAfterOrEqualTo(moved.end());
    }

    @Test
    void aBreakoutEndingAfterMidnightReportsToTheFirstWrapUpAfterItsEndNotToOneDuringIt() {
        // Casablanca is at +01:00 in November 2027; the breakout runs 22:00-01:00, its day is the 11th.
        Week week = new Week("Africa/Casablanca", "2027-11-10", "2027-11-12");
        ProgrammeSession overnight = week.breakout("2027-11-11", "22:00", "01:00");
        week.wrapUp("2027-11-11", "23:30", "23:59");
        ProgrammeSession nextMorning = week.wrapUp("2027-11-12", "09:00", "10:00");
        assertThat(overnight.end()).isEqualTo(Instant.parse("2027-11-12T00:00:00Z"));

        LockRule.Decision lock = week.decide(overnight);

        assertThat(lock.source()).isEqualTo(LockRule.Source.WRAP_UP);
        assertThat(lock.wrapUpSessionId()).as("the evening wrap-up starts while the breakout still runs")
                .isEqualTo(nextMorning.id());
        assertThat(lock.lockAt()).isEqualTo(Instant.parse("2027-11-12T08:00:00Z"));
        assertThat(LockRule.day(overnight, ZoneId.of("Africa/Casablanca"))).as("the day it starts")
                .isEqualTo(LocalDate.parse("2027-11-11"));
    }

    @Test
    void aBreakoutOfTheLastDayEndingAfterMidnightLocksAtTheEndOfTheDayItEndsNotAsItEnds() {
        Week week = new Week("Africa/Casablanca", "2027-11-10", "2027-11-12");
        ProgrammeSession lastNight = week.breakout("2027-11-12", "22:00", "01:00");
        ProgrammeSession endingAtMidnight = week.breakout("2027-11-12", "21:00", "00:00");

        LockRule.Decision lock = week.decide(lastNight);

        assertThat(lock.source()).isEqualTo(LockRule.Source.CONFERENCE_END);
        assertThat(lock.lockAt()).as("midnight after the 13th, the day it ends: its moderators get that day")
                .isEqualTo(Instant.parse("2027-11-13T23:00:00Z"));
        assertThat(week.decide(endingAtMidnight).lockAt()).as("ending at midnight, it ends on the 13th too")
                .isEqualTo(Instant.parse("2027-11-13T23:00:00Z"));
        assertThat(week.decide(week.breakout("2027-11-12", "12:00", "13:30")).lockAt())
                .as("the other breakouts of the last day keep midnight after it")
                .isEqualTo(Instant.parse("2027-11-12T23:00:00Z"));
    }

    /** A conference with sessions, built session by session. */
    private static final class Week {

        private final Conference conference;
        private final List<ProgrammeSession> sessions = new ArrayList<>();
        private int next;

        Week(String zone, String first, String last) {
            this(zone, first, last, "congress");
        }

        Week(String zone, String first, String last, String id) {
            List<ProgrammeDay> days = new ArrayList<>();
            for (LocalDate d = LocalDate.parse(first); !d.isAfter(LocalDate.parse(last)); d = d.plusDays(1)) {
                days.add(new ProgrammeDay(d, Map.of()));
            }
            conference = new Conference(id, 1, 1, Map.of("en", "Congress"), ZoneId.of(zone), List.of("en"),
                    LocalDate.parse(first), LocalDate.parse(last), false, null, days, Instant.EPOCH);
        }

        Instant local(String day, String time) {
            return LocalDateTime.parse(day + "T" + time).atZone(conference.timeZone()).toInstant();
        }

        ProgrammeSession breakout(String day, String start, String end) {
            return add(session("breakout-" + next++, SessionKind.BREAKOUT, SessionStatus.SCHEDULED, day, start, end));
        }

        ProgrammeSession wrapUp(String day, String start, String end) {
            return add(session("wrap-up-" + next++, SessionKind.WRAP_UP, SessionStatus.SCHEDULED, day, start, end));
        }

        ProgrammeSession add(ProgrammeSession session) {
            sessions.add(session);
            return session;
        }

        /** As the programme reads local times: an end at or before the start is on the next day. */
        ProgrammeSession session(String key, SessionKind kind, SessionStatus status, String day, String start,
                String end) {
            String endDay = LocalTime.parse(end).isAfter(LocalTime.parse(start)) ? day
                    : LocalDate.parse(day).plusDays(1).toString();
            return new ProgrammeSession(ProgrammeSession.idFor(conference.id(), key), conference.id(), key, 1, 1, kind,
                    status, local(day, start), local(endDay, end), conference.timeZone(), "Room " + key, null,
                    List.of("en"), SessionFormat.HYBRID, true, null, List.of(), List.of(), null, Map.of("en", key),
                    Map.of(), null);
        }

        LockRule.Decision decide(ProgrammeSession breakout) {
            return decide(breakout, ConclusionsLock.NONE, DayLock.none(LockRule.day(breakout, conference.timeZone())));
        }

        LockRule.Decision decide(ProgrammeSession breakout, ConclusionsLock override, DayLock day) {
            return LockRule.decide(breakout, conference, sessions, override, day);
        }
    }
}

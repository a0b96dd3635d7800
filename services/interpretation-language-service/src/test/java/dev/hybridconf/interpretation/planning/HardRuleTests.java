package dev.hybridconf.interpretation.planning;

import static dev.hybridconf.interpretation.planning.Problems.DAY;
import static dev.hybridconf.interpretation.planning.Problems.LIMITS;
import static dev.hybridconf.interpretation.planning.Problems.booth;
import static dev.hybridconf.interpretation.planning.Problems.channel;
import static dev.hybridconf.interpretation.planning.Problems.interpreter;
import static dev.hybridconf.interpretation.planning.Problems.planner;
import static dev.hybridconf.interpretation.planning.Problems.problem;
import static dev.hybridconf.interpretation.planning.Problems.seats;
import static dev.hybridconf.interpretation.planning.Problems.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.interpretation.needs.SessionNeed;
import dev.hybridconf.interpretation.planning.StaffingSolution.Exclusion;
import dev.hybridconf.interpretation.roster.Availability;
import dev.hybridconf.interpretation.roster.DayPart;
import dev.hybridconf.interpretation.roster.InterpreterProfile;
import dev.hybridconf.interpretation.roster.WorkMode;

/**
 * Each hard rule in a case where breaking it is the only way to fill a seat: the plan keeps the rule, the
 * seat stays a gap, and the gap names the rule as the reason the interpreter was left out.
 */
class HardRuleTests {

    private static final List<String> EN = List.of("en");

    @Test
    void competence() {
        StaffingSolution solution = solve(List.of(session("s1", "09:00", "09:30", "Room A", EN, false,
                channel("fr", Delivery.ROOM))), List.of(interpreter("carmen", WorkMode.ON_SITE, "es-A", "en-B", "fr-C")));

        assertOnlyGapIs(solution, "s1", "fr", "carmen", "competence");
    }

    @Test
    void aRetourOnlyFromTheAAndNeverIntoAC() {
        // into a B only with a retour and only from the A; never into a C
        StaffingSolution solution = solve(List.of(session("s1", "09:00", "09:30", "Room A", List.of("es"), false,
                        channel("en", Delivery.ROOM), channel("fr", Delivery.ROOM))),
                List.of(interpreter("ana", WorkMode.ON_SITE, "fr-A", "en-B*", "es-C")));

        assertThat(seats(solution, "s1", "fr")).containsExactly("ana");
        assertThat(solution.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.language()).isEqualTo("en");
            assertThat(gap.candidates()).containsExactly(new Exclusion("ana", "competence"));
        });
    }

    @Test
    void availability() {
        StaffingSolution solution = solve(List.of(session("s1", "09:00", "09:30", "Room A", EN, false,
                        channel("fr", Delivery.ROOM))),
                List.of(interpreter("amelie", WorkMode.ON_SITE, List.of(new Availability(DAY, DayPart.AFTERNOON)),
                        "fr-A", "en-B"),
                        interpreter("bruno", WorkMode.ON_SITE, List.of(new Availability(DAY.plusDays(1), DayPart.DAY)),
                                "fr-A", "en-B")));

        assertThat(solution.gaps()).singleElement().satisfies(gap -> assertThat(gap.candidates()).containsExactly(
                new Exclusion("amelie", "availability"), new Exclusion("bruno", "availability")));
    }

    @Test
    void remoteInterpretersOnlyWhereTheChannelIsOnZoom() {
        StaffingSolution solution = solve(List.of(
                        session("in-room", "09:00", "09:30", "Room A", EN, false, channel("fr", Delivery.ROOM)),
                        session("on-zoom", "11:00", "11:30", null, EN, false, channel("fr", Delivery.ZOOM))),
                List.of(interpreter("remy", WorkMode.REMOTE, "fr-A", "en-B")));

        assertOnlyGapIs(solution, "in-room", "fr", "remy", "remote-in-room");
        assertThat(seats(solution, "on-zoom", "fr")).containsExactly("remy");
    }

    @Test
    void declined() {
        StaffingProblem problem = problem(List.of(session("s1", "09:00", "09:30", "Room A", EN, false,
                        channel("fr", Delivery.ROOM))), List.of(interpreter("amelie", WorkMode.ON_SITE, "fr-A", "en-B")),
                List.of(), List.of(new StaffingProblem.Decline("s1", "fr", "amelie")), Norms.AIIC);

        StaffingSolution solution = planner().solve(problem, LIMITS, update -> { });

        assertOnlyGapIs(solution, "s1", "fr", "amelie", "declined");
    }

    @Test
    void oneBoothAtATimeAndNeverTwiceInOne() {
        StaffingSolution solution = solve(List.of(
                        session("hour", "09:00", "10:00", "Room A", EN, false, channel("fr", Delivery.ROOM)),
                        session("parallel", "09:30", "10:00", "Room B", EN, false, channel("fr", Delivery.ROOM))),
                List.of(interpreter("amelie", WorkMode.ON_SITE, "fr-A", "en-B")));

        // three seats (two in the hour's booth), one interpreter: she takes one, both others are gaps where she is busy
        assertThat(solution.gaps()).hasSize(2).allSatisfy(gap ->
                assertThat(gap.candidates()).containsExactly(new Exclusion("amelie", "busy")));
        assertThat(solution.violations()).isEmpty();
    }

    @Test
    void roomChangeNeedsAGapOnSiteButNotRemotely() {
        List<SessionNeed> sessions = List.of(
                session("a", "09:00", "09:30", "Room A", EN, false, channel("fr", Delivery.BOTH)),
                session("b", "09:40", "10:10", "Room B", EN, false, channel("fr", Delivery.BOTH)));

        StaffingSolution onSite = solve(sessions, List.of(interpreter("amelie", WorkMode.ON_SITE, "fr-A", "en-B")));
        StaffingSolution remote = solve(sessions, List.of(interpreter("remy", WorkMode.REMOTE, "fr-A", "en-B")));

        assertThat(onSite.gaps()).singleElement().satisfies(gap ->
                assertThat(gap.candidates()).containsExactly(new Exclusion("amelie", "room-change")));
        assertThat(remote.gaps()).isEmpty();
    }

    @Test
    void atMostTwoBlocksADay() {
        StaffingSolution solution = solve(List.of(
                        session("morning", "09:00", "09:30", "Room A", EN, false, channel("fr", Delivery.ROOM)),
                        session("noon", "11:00", "11:30", "Room A", EN, false, channel("fr", Delivery.ROOM)),
                        session("afternoon", "14:00", "14:30", "Room A", EN, false, channel("fr", Delivery.ROOM))),
                List.of(interpreter("amelie", WorkMode.ON_SITE, "fr-A", "en-B")));

        assertThat(solution.gaps()).singleElement().satisfies(gap ->
                assertThat(gap.candidates()).containsExactly(new Exclusion("amelie", "daily-blocks")));
    }

    @Test
    void blocksAtMostFourHoursLong() {
        // six 40-minute sessions ten minutes apart: one block from 09:00 to 13:50, longer than 4 h
        List<SessionNeed> sessions = List.of(
                session("s1", "09:00", "09:40", "Room A", EN, false, channel("fr", Delivery.ROOM)),
                session("s2", "09:50", "10:30", "Room A", EN, false, channel("fr", Delivery.ROOM)),
                session("s3", "10:40", "11:20", "Room A", EN, false, channel("fr", Delivery.ROOM)),
                session("s4", "11:30", "12:10", "Room A", EN, false, channel("fr", Delivery.ROOM)),
                session("s5", "12:20", "13:00", "Room A", EN, false, channel("fr", Delivery.ROOM)),
                session("s6", "13:10", "13:50", "Room A", EN, false, channel("fr", Delivery.ROOM)));

        StaffingSolution solution = solve(sessions, List.of(interpreter("amelie", WorkMode.ON_SITE, "fr-A", "en-B")));

        assertThat(solution.gaps()).singleElement().satisfies(gap ->
                assertThat(gap.candidates()).containsExactly(new Exclusion("amelie", "block-length")));
    }

    @Test
    void restBetweenBlocks() {
        // 40 min apart: two blocks (30 min or more), but less than the hour of rest between them
        StaffingSolution solution = solve(List.of(
                        session("first", "09:00", "09:30", "Room A", EN, false, channel("fr", Delivery.ROOM)),
                        session("second", "10:10", "10:40", "Room A", EN, false, channel("fr", Delivery.ROOM))),
                List.of(interpreter("amelie", WorkMode.ON_SITE, "fr-A", "en-B")));

        assertThat(solution.gaps()).singleElement().satisfies(gap ->
                assertThat(gap.candidates()).containsExactly(new Exclusion("amelie", "rest")));
    }

    @Test
    void sessionTimeADay() {
        Norms oneHourADay = new Norms(null, null, null, null, 1, null, 0, null, null, Duration.ofHours(1), null, null, null);
        StaffingProblem problem = problem(List.of(
                        session("first", "09:00", "09:40", "Room A", EN, false, channel("fr", Delivery.ROOM)),
                        session("second", "09:50", "10:30", "Room A", EN, false, channel("fr", Delivery.ROOM))),
                List.of(interpreter("amelie", WorkMode.ON_SITE, "fr-A", "en-B")), List.of(), List.of(), oneHourADay);

        StaffingSolution solution = planner().solve(problem, LIMITS, update -> { });

        assertThat(solution.gaps()).singleElement().satisfies(gap ->
                assertThat(gap.candidates()).containsExactly(new Exclusion("amelie", "daily-hours")));
    }

    @Test
    void relayOnlyFromAPivotBoothWithTwoGivers() {
        // Arabic from the floor's English: nobody; from French: Aziz. The French booth (one seat more, as it gives
        // relay) can be staffed by Amélie, Bruno (who can give relay: French is their A) and Fiona (French B, a
        // retour: she cannot). Bruno is published in a parallel session, so the pivot has one giver only.
        List<SessionNeed> sessions = List.of(
                session("plenary", "09:00", "09:30", "Hall", EN, true, channel("fr", Delivery.ROOM),
                        channel("ar", Delivery.ROOM)),
                session("side", "09:00", "09:30", "Room B", EN, false, channel("fr", Delivery.ROOM)));
        List<InterpreterProfile> roster = List.of(
                interpreter("amelie", WorkMode.ON_SITE, "fr-A", "en-B"),
                interpreter("aziz", WorkMode.ON_SITE, "ar-A", "fr-B"),
                interpreter("bruno", WorkMode.ON_SITE, "fr-A", "en-B"),
                interpreter("fiona", WorkMode.ON_SITE, "en-A", "fr-B*"));
        StaffingProblem problem = problem(sessions, roster, List.of(new StaffingProblem.Pin("side", "fr", 0, "bruno")),
                List.of(), Norms.AIIC);

        StaffingSolution solution = planner().solve(problem, LIMITS, update -> { });

        assertThat(booth(solution, "plenary", "fr").givesRelay()).isTrue();
        assertThat(booth(solution, "plenary", "fr").teamSize()).isEqualTo(2);
        assertThat(booth(solution, "plenary", "ar").relayFrom()).isEqualTo("fr");
        assertThat(booth(solution, "plenary", "ar").sources()).containsExactly("fr");
        assertThat(seats(solution, "plenary", "fr")).containsExactlyInAnyOrder("amelie", "fiona");
        assertOnlyGapIs(solution, "plenary", "ar", null, null);
        assertThat(solution.gaps().get(0).candidates()).containsExactly(
                new Exclusion("amelie", "competence"), new Exclusion("aziz", "relay-givers"),
                new Exclusion("bruno", "competence"), new Exclusion("fiona", "competence"));
        assertThat(solution.violations()).isEmpty();
    }

    @Test
    void relayWhenThePivotHasTwoGivers() {
        StaffingSolution solution = solve(List.of(session("plenary", "09:00", "09:30", "Hall", EN, true,
                        channel("fr", Delivery.ROOM), channel("ar", Delivery.ROOM))),
                List.of(interpreter("amelie", WorkMode.ON_SITE, "fr-A", "en-B"),
                        interpreter("aziz", WorkMode.ON_SITE, "ar-A", "fr-B"),
                        interpreter("bruno", WorkMode.ON_SITE, "fr-A", "en-B")));

        assertThat(seats(solution, "plenary", "fr")).containsExactly("amelie", "bruno");
        assertThat(seats(solution, "plenary", "ar")).containsExactly("aziz");
        assertThat(solution.gaps()).isEmpty();
        // least relay: the one seat that depends on it costs 100; even load: three half-hours, 0 each
        assertThat(solution.score()).isEqualTo(new PlanScore(0, 0, -100));
    }

    @Test
    void noRelayWhereTheSessionDoesNotAllowIt() {
        StaffingSolution solution = solve(List.of(session("plenary", "09:00", "09:30", "Hall", EN, false,
                        channel("fr", Delivery.ROOM), channel("ar", Delivery.ROOM))),
                List.of(interpreter("amelie", WorkMode.ON_SITE, "fr-A", "en-B"),
                        interpreter("aziz", WorkMode.ON_SITE, "ar-A", "fr-B"),
                        interpreter("bruno", WorkMode.ON_SITE, "fr-A", "en-B")));

        assertThat(booth(solution, "plenary", "ar").relayFrom()).isNull();
        assertThat(booth(solution, "plenary", "fr").teamSize()).isEqualTo(1);
        assertOnlyGapIs(solution, "plenary", "ar", "aziz", "competence");
    }

    private static StaffingSolution solve(List<SessionNeed> sessions, List<InterpreterProfile> interpreters) {
        return planner().solve(problem(sessions, interpreters), LIMITS, update -> { });
    }

    /** The plan breaks nothing, has one gap at that booth, and (if given) that interpreter's reason is {@code rule}. */
    private static void assertOnlyGapIs(StaffingSolution solution, String sessionId, String language, String interpreterId,
            String rule) {
        assertThat(solution.violations()).isEmpty();
        assertThat(solution.score().hard()).isZero();
        assertThat(solution.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.sessionId()).isEqualTo(sessionId);
            assertThat(gap.language()).isEqualTo(language);
            if (interpreterId != null) {
                assertThat(gap.candidates()).contains(new Exclusion(interpreterId, rule));
            }
        });
        assertThat(solution.score().medium()).isEqualTo(-solution.gaps().size());
    }
}

package dev.hybridconf.interpretation.planning;

import static dev.hybridconf.interpretation.planning.Problems.DAY;
import static dev.hybridconf.interpretation.planning.Problems.channel;
import static dev.hybridconf.interpretation.planning.Problems.interpreter;
import static dev.hybridconf.interpretation.planning.Problems.problem;
import static dev.hybridconf.interpretation.planning.Problems.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.interpretation.needs.SessionNeed;
import dev.hybridconf.interpretation.roster.Availability;
import dev.hybridconf.interpretation.roster.DayPart;
import dev.hybridconf.interpretation.roster.InterpreterProfile;
import dev.hybridconf.interpretation.roster.WorkMode;

/**
 * Each hard constraint, seen through Timefold's score analysis: a plan placed by hand that breaks exactly
 * one rule is charged by that constraint only, and the plan's violations name the same rule.
 */
class ConstraintAnalysisTests {

    private static final List<String> EN = List.of("en");
    private static final TimefoldStaffingPlanner PLANNER = Problems.planner();

    /** A problem and the seats placed by hand: {@code "session/language/seat" -> interpreter}. */
    record Case(StaffingProblem problem, Map<String, String> placed, String rule, int penalty) {
    }

    static Stream<Arguments> cases() {
        InterpreterProfile amelie = interpreter("amelie", WorkMode.ON_SITE, "fr-A", "en-B");
        SessionNeed half = session("s1", "09:00", "09:30", "Room A", EN, false, channel("fr", Delivery.ROOM));
        return Stream.of(
                named("competence", new Case(problem(List.of(half),
                        List.of(interpreter("carmen", WorkMode.ON_SITE, "es-A", "en-B"))),
                        Map.of("s1/fr/0", "carmen"), "competence", 1)),
                named("availability", new Case(problem(List.of(half), List.of(interpreter("amelie", WorkMode.ON_SITE,
                        List.of(new Availability(DAY, DayPart.AFTERNOON)), "fr-A", "en-B"))),
                        Map.of("s1/fr/0", "amelie"), "availability", 1)),
                named("remote-in-room", new Case(problem(List.of(half),
                        List.of(interpreter("remy", WorkMode.REMOTE, "fr-A", "en-B"))),
                        Map.of("s1/fr/0", "remy"), "remote-in-room", 1)),
                named("declined", new Case(problem(List.of(half), List.of(amelie), List.of(),
                        List.of(new StaffingProblem.Decline("s1", "fr", "amelie")), Norms.AIIC),
                        Map.of("s1/fr/0", "amelie"), "declined", 1)),
                named("overlap", new Case(problem(List.of(session("hour", "09:00", "10:00", "Room A", EN, false,
                        channel("fr", Delivery.ROOM))), List.of(amelie)),
                        Map.of("hour/fr/0", "amelie", "hour/fr/1", "amelie"), "overlap", 1)),
                named("room-change", new Case(problem(List.of(half,
                        session("s2", "09:40", "10:10", "Room B", EN, false, channel("fr", Delivery.ROOM))),
                        List.of(amelie)), Map.of("s1/fr/0", "amelie", "s2/fr/0", "amelie"), "room-change", 1)),
                named("daily-blocks", new Case(problem(List.of(half,
                        session("s2", "11:00", "11:30", "Room A", EN, false, channel("fr", Delivery.ROOM)),
                        session("s3", "14:00", "14:30", "Room A", EN, false, channel("fr", Delivery.ROOM))),
                        List.of(amelie)), Map.of("s1/fr/0", "amelie", "s2/fr/0", "amelie", "s3/fr/0", "amelie"),
                        "daily-blocks", 1)),
                named("block-length", new Case(problem(List.of(
                        session("s1", "09:00", "09:40", "Room A", EN, false, channel("fr", Delivery.ROOM)),
                        session("s2", "09:50", "10:30", "Room A", EN, false, channel("fr", Delivery.ROOM)),
                        session("s3", "10:40", "11:20", "Room A", EN, false, channel("fr", Delivery.ROOM)),
                        session("s4", "11:30", "12:10", "Room A", EN, false, channel("fr", Delivery.ROOM)),
                        session("s5", "12:20", "13:00", "Room A", EN, false, channel("fr", Delivery.ROOM)),
                        session("s6", "13:10", "13:50", "Room A", EN, false, channel("fr", Delivery.ROOM))),
                        List.of(amelie)), Map.of("s1/fr/0", "amelie", "s2/fr/0", "amelie", "s3/fr/0", "amelie",
                        "s4/fr/0", "amelie", "s5/fr/0", "amelie", "s6/fr/0", "amelie"), "block-length", 1)),
                named("rest", new Case(problem(List.of(half,
                        session("s2", "10:10", "10:40", "Room A", EN, false, channel("fr", Delivery.ROOM))),
                        List.of(amelie)), Map.of("s1/fr/0", "amelie", "s2/fr/0", "amelie"), "rest", 1)),
                named("daily-hours", new Case(problem(List.of(
                        session("s1", "09:00", "09:40", "Room A", EN, false, channel("fr", Delivery.ROOM)),
                        session("s2", "09:50", "10:30", "Room A", EN, false, channel("fr", Delivery.ROOM))),
                        List.of(amelie), List.of(), List.of(), new Norms(null, null, null, null, 1, null, 0, null, null,
                                Duration.ofHours(1), null, null, null)),
                        Map.of("s1/fr/0", "amelie", "s2/fr/0", "amelie"), "daily-hours", 1)),
                named("relay-givers", new Case(problem(List.of(session("plenary", "09:00", "09:30", "Hall", EN, true,
                                channel("fr", Delivery.ROOM), channel("ar", Delivery.ROOM))),
                        List.of(amelie, interpreter("aziz", WorkMode.ON_SITE, "ar-A", "fr-B"),
                                interpreter("bruno", WorkMode.ON_SITE, "fr-A", "en-B"))),
                        // the French booth gives relay with nobody in it: two givers missing
                        Map.of("plenary/ar/0", "aziz"), "relay-givers", 2)));
    }

    private static Arguments named(String name, Case c) {
        return Arguments.of(Named.of(name, c));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void eachRuleIsChargedByItsOwnConstraintOnly(Case c) {
        StaffingSchedule schedule = ScheduleBuilder.build(c.problem(), Norms.AIIC);
        c.placed().forEach((seatId, interpreterId) -> seat(schedule, seatId).assign(placed(schedule, interpreterId)));

        ScoreAnalysis<HardMediumSoftScore> analysis = PLANNER.solutionManager().analyze(schedule);

        for (String rule : StaffingConstraints.hardRules()) {
            ConstraintAnalysis<HardMediumSoftScore> constraint = analysis.getConstraintAnalysis(rule);
            int expected = rule.equals(c.rule()) ? -c.penalty() : 0;
            assertThat(constraint == null ? 0 : constraint.score().hardScore()).as(rule).isEqualTo(expected);
        }
        assertThat(analysis.score().hardScore()).isEqualTo(-c.penalty());
        assertThat(PlanReader.violations(schedule, new Placements(schedule.seats())))
                .extracting(StaffingSolution.Violation::rule).containsOnly(c.rule()).isNotEmpty();
    }

    private static Seat seat(StaffingSchedule schedule, String id) {
        return schedule.seats().stream().filter(seat -> seat.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no seat " + id));
    }

    private static Interpreter placed(StaffingSchedule schedule, String id) {
        return schedule.interpreters().stream().filter(interpreter -> interpreter.id().equals(id)).findFirst()
                .orElseThrow();
    }
}

package dev.hybridconf.interpretation.planning;

import static dev.hybridconf.interpretation.planning.Problems.DAY;
import static dev.hybridconf.interpretation.planning.Problems.LIMITS;
import static dev.hybridconf.interpretation.planning.Problems.MADRID;
import static dev.hybridconf.interpretation.planning.Problems.booth;
import static dev.hybridconf.interpretation.planning.Problems.channel;
import static dev.hybridconf.interpretation.planning.Problems.interpreter;
import static dev.hybridconf.interpretation.planning.Problems.planner;
import static dev.hybridconf.interpretation.planning.Problems.problem;
import static dev.hybridconf.interpretation.planning.Problems.seats;
import static dev.hybridconf.interpretation.planning.Problems.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.interpretation.planning.StaffingSolution.Exclusion;
import dev.hybridconf.interpretation.planning.StaffingSolution.Gap;
import dev.hybridconf.interpretation.planning.StaffingSolution.HiringSuggestion;
import dev.hybridconf.interpretation.planning.StaffingSolution.Turn;
import dev.hybridconf.interpretation.roster.Availability;
import dev.hybridconf.interpretation.roster.DayPart;
import dev.hybridconf.interpretation.roster.LanguageClass;
import dev.hybridconf.interpretation.roster.LanguageSkill;
import dev.hybridconf.interpretation.roster.WorkMode;

/**
 * Three sessions, four interpreters, worked out by hand. An hour's opening plenary (hybrid, in the Hall) needs
 * French and Spanish booths; two parallel afternoon breakouts need French (in Room 1) and Spanish (hybrid, in
 * Room 2). Amélie and Bernard work into French, Carmen and Diego into Spanish; Bernard works mornings only and
 * Diego works remotely. Every booth of an hour has two seats (AIIC: one interpreter alone only up to 40 min).
 *
 * <p>The only plan with no rule broken and the fewest gaps: the French and Spanish teams sit together at the
 * opening; in the afternoon Carmen and Diego take the Spanish breakout (Diego remotely: the channel is also on
 * Zoom) and Amélie the French one, whose second seat nobody can take (Bernard is gone, the others do not work
 * into French). Score: no hard rule broken, one gap, and soft -53 = even load (2² + 1² + 2² + 2² hours² = 13) plus
 * Diego remote in two booths that also serve a room (2 × 20).
 */
class HandCheckedPlanTests {

    private final StaffingProblem problem = problem(
            List.of(session("opening", "09:00", "10:00", "Hall", List.of("en"), false,
                            channel("fr", Delivery.BOTH), channel("es", Delivery.BOTH)),
                    session("breakout-a", "14:00", "15:00", "Room 1", List.of("en"), false, channel("fr", Delivery.ROOM)),
                    session("breakout-b", "14:00", "15:00", "Room 2", List.of("en"), false, channel("es", Delivery.BOTH))),
            List.of(interpreter("amelie", WorkMode.ON_SITE, "fr-A", "en-B"),
                    interpreter("bernard", WorkMode.ON_SITE, List.of(new Availability(DAY, DayPart.MORNING)), "fr-A", "en-C"),
                    interpreter("carmen", WorkMode.ON_SITE, "es-A", "en-B"),
                    interpreter("diego", WorkMode.REMOTE, "es-A", "en-C")));

    @Test
    void findsTheKnownBestPlan() {
        List<SolveProgress> progress = new ArrayList<>();

        StaffingSolution solution = planner().solve(problem, LIMITS, progress::add);

        assertThat(solution.score()).isEqualTo(new PlanScore(0, -1, -53));
        assertThat(seats(solution, "opening", "fr")).containsExactly("amelie", "bernard");
        assertThat(seats(solution, "opening", "es")).containsExactly("carmen", "diego");
        assertThat(seats(solution, "breakout-a", "fr")).containsExactly("amelie", null);
        assertThat(seats(solution, "breakout-b", "es")).containsExactly("carmen", "diego");
        assertThat(solution.violations()).isEmpty();
        assertThat(solution.booths()).allSatisfy(booth -> {
            assertThat(booth.teamSize()).isEqualTo(2);
            assertThat(booth.sources()).containsExactly("en");
            assertThat(booth.relayFrom()).isNull();
            assertThat(booth.givesRelay()).isFalse();
        });
        assertThat(solution.timeToFeasible()).isNotNull().isLessThanOrEqualTo(solution.spent());
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1).bestScore()).isEqualTo(solution.score());
    }

    @Test
    void explainsTheGapAndSuggestsTheHire() {
        StaffingSolution solution = planner().solve(problem, LIMITS, update -> { });

        assertThat(solution.gaps()).containsExactly(new Gap("breakout-a", "fr", 1, List.of(
                new Exclusion("amelie", "busy"),
                new Exclusion("bernard", "availability"),
                new Exclusion("carmen", "competence"),
                new Exclusion("diego", "competence"))));
        assertThat(solution.hiring()).containsExactly(new HiringSuggestion(
                List.of(new LanguageSkill("fr", LanguageClass.A, false), new LanguageSkill("en", LanguageClass.B, false)),
                DAY, LocalTime.of(14, 0), LocalTime.of(15, 0), WorkMode.ON_SITE, "Room 1", 1, solution.gaps()));
    }

    @Test
    void plansTurnsOfThirtyMinutesInTheBooth() {
        StaffingSolution solution = planner().solve(problem, LIMITS, update -> { });

        assertThat(booth(solution, "opening", "fr").turns()).containsExactly(
                new Turn("amelie", at("09:00"), at("09:30")),
                new Turn("bernard", at("09:30"), at("10:00")));
        assertThat(booth(solution, "breakout-a", "fr").turns()).containsExactly(
                new Turn("amelie", at("14:00"), at("15:00")));
    }

    private static java.time.Instant at(String time) {
        return DAY.atTime(LocalTime.parse(time)).atZone(MADRID).toInstant();
    }
}

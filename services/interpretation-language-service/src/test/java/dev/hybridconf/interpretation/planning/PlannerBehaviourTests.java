package dev.hybridconf.interpretation.planning;

import static dev.hybridconf.interpretation.planning.Problems.DAY;
import static dev.hybridconf.interpretation.planning.Problems.LIMITS;
import static dev.hybridconf.interpretation.planning.Problems.MADRID;
import static dev.hybridconf.interpretation.planning.Problems.channel;
import static dev.hybridconf.interpretation.planning.Problems.interpreter;
import static dev.hybridconf.interpretation.planning.Problems.planner;
import static dev.hybridconf.interpretation.planning.Problems.problem;
import static dev.hybridconf.interpretation.planning.Problems.session;
import static dev.hybridconf.interpretation.planning.Problems.withPartners;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.interpretation.needs.SessionNeed;
import dev.hybridconf.interpretation.planning.StaffingSolution.BoothPlan;
import dev.hybridconf.interpretation.planning.StaffingSolution.Gap;
import dev.hybridconf.interpretation.planning.StaffingSolution.HiringSuggestion;
import dev.hybridconf.interpretation.planning.StaffingSolution.SeatPlan;
import dev.hybridconf.interpretation.planning.StaffingSolution.Turn;
import dev.hybridconf.interpretation.roster.Availability;
import dev.hybridconf.interpretation.roster.DayPart;
import dev.hybridconf.interpretation.roster.InterpreterProfile;
import dev.hybridconf.interpretation.roster.WorkMode;

/** What the planner promises whatever the problem: hiring that adds up, the same plan every run, turn plans. */
class PlannerBehaviourTests {

    /** Two days, two rooms, three slots; French, Spanish and Arabic (on relay) with too few interpreters. */
    private static StaffingProblem shortStaffed() {
        List<SessionNeed> sessions = new ArrayList<>();
        String[][] slots = {{"09:00", "10:30"}, {"10:45", "12:15"}, {"14:00", "17:00"}};
        for (int day = 0; day < 2; day++) {
            for (int room = 1; room <= 2; room++) {
                for (int slot = 0; slot < slots.length; slot++) {
                    sessions.add(session("d" + day + "-r" + room + "-s" + slot, DAY.plusDays(day), slots[slot][0],
                            slots[slot][1], "Room " + room, List.of("en"), true, channel("fr", Delivery.BOTH),
                            channel("es", room == 1 ? Delivery.ROOM : Delivery.ZOOM), channel("ar", Delivery.BOTH)));
                }
            }
        }
        List<Availability> both = List.of(new Availability(DAY, DayPart.DAY), new Availability(DAY.plusDays(1), DayPart.DAY));
        List<InterpreterProfile> roster = List.of(
                withPartners(interpreter("fr1", WorkMode.ON_SITE, both, "fr-A", "en-B"), "fr2"),
                interpreter("fr2", WorkMode.ON_SITE, both, "fr-A", "en-B"),
                interpreter("fr3", WorkMode.ON_SITE, List.of(new Availability(DAY, DayPart.MORNING)), "fr-A", "en-C"),
                interpreter("fr4", WorkMode.ON_SITE, both, "en-A", "fr-B*"),
                interpreter("es1", WorkMode.ON_SITE, both, "es-A", "en-B"),
                interpreter("es2", WorkMode.REMOTE, both, "es-A", "en-B"),
                interpreter("ar1", WorkMode.ON_SITE, both, "ar-A", "fr-B"),
                interpreter("ar2", WorkMode.REMOTE, both, "ar-A", "fr-B", "en-C"));
        return problem(sessions, roster);
    }

    @Test
    void hiringSuggestionsAddUpExactlyToTheGaps() {
        StaffingSolution solution = planner().solve(shortStaffed(), LIMITS, update -> { });

        assertThat(solution.gaps()).hasSizeGreaterThan(10);
        List<Gap> suggested = solution.hiring().stream().flatMap(suggestion -> suggestion.gaps().stream()).toList();
        assertThat(suggested).hasSameSizeAs(solution.gaps()).containsExactlyInAnyOrderElementsOf(solution.gaps());
        assertThat(suggested).doesNotHaveDuplicates();
        for (HiringSuggestion suggestion : solution.hiring()) {
            Set<String> booths = new HashSet<>();
            suggestion.gaps().forEach(gap -> booths.add(gap.sessionId() + "/" + gap.language()));
            assertThat(suggestion.gaps()).hasSize(suggestion.interpreters() * booths.size());
            assertThat(suggestion.gaps()).allSatisfy(gap -> {
                assertThat(gap.language()).isEqualTo(suggestion.profile().get(0).language());
                assertThat(gap.sessionId()).startsWith("d" + (suggestion.day().equals(DAY) ? 0 : 1));
            });
            assertThat(suggestion.from()).isBefore(suggestion.to());
            assertThat(suggestion.mode() == WorkMode.ON_SITE).isEqualTo(suggestion.room() != null);
        }
        // every gap says, for every interpreter on the roster, which rule kept them out
        assertThat(solution.gaps()).allSatisfy(gap -> assertThat(gap.candidates()).hasSize(8)
                .allSatisfy(exclusion -> assertThat(PlanningRule.byCode(exclusion.rule())).isPresent()));
        assertThat(solution.violations()).isEmpty();
        assertThat(solution.score().medium()).isEqualTo(-solution.gaps().size());
    }

    @Test
    void theSamePlanEveryRunWithTheSameSeed() {
        StaffingSolution first = planner().solve(shortStaffed(), LIMITS, update -> { });
        StaffingSolution second = planner().solve(shortStaffed(), LIMITS, update -> { });

        assertThat(second.score()).isEqualTo(first.score());
        assertThat(second.booths()).isEqualTo(first.booths());
        assertThat(second.gaps()).isEqualTo(first.gaps());
        assertThat(second.hiring()).isEqualTo(first.hiring());
    }

    @Test
    void theScoreStaysCorrectThroughTheSearch() {
        // FULL_ASSERT recomputes the score from scratch after every move and fails on any incremental drift:
        // relay, partners, remote, released pins (keep-published) and the daily limits all take part.
        StaffingProblem base = shortStaffed();
        StaffingSolution published = planner().solve(base, LIMITS, update -> { });
        List<SessionNeed> moved = base.sessions().stream()
                .map(session -> session.sessionId().equals("d0-r1-s1") ? Problems.moved(session, "14:00", "15:30") : session)
                .toList();
        TimefoldStaffingPlanner asserted = new TimefoldStaffingPlanner(Norms.AIIC, SolverTuning.asserted(50));

        StaffingSolution solution = asserted.solve(new StaffingProblem(base.conferenceId(), MADRID, moved,
                base.interpreters(), Problems.pinsOf(published), List.of(), Norms.AIIC), LIMITS, update -> { });

        assertThat(solution.score().hard()).isZero();
    }

    @Test
    void solvesSeveralProblemsAtOnce() throws Exception {
        TimefoldStaffingPlanner planner = planner();
        StaffingSolution alone = planner.solve(shortStaffed(), LIMITS, update -> { });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<StaffingSolution>> calls = List.of(
                    () -> planner.solve(shortStaffed(), LIMITS, update -> { }),
                    () -> planner.solve(shortStaffed(), LIMITS, update -> { }));
            for (Future<StaffingSolution> future : pool.invokeAll(calls)) {
                assertThat(future.get().booths()).isEqualTo(alone.booths());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reportsEachNewBestAndWhenTheFirstFeasiblePlanCame() {
        List<SolveProgress> progress = new ArrayList<>();

        StaffingSolution solution = planner().solve(shortStaffed(), new SolveLimits(Duration.ofMinutes(1),
                Duration.ofSeconds(30)), progress::add);

        assertThat(progress).isNotEmpty();
        for (int i = 1; i < progress.size(); i++) {
            assertThat(progress.get(i).elapsed()).isGreaterThanOrEqualTo(progress.get(i - 1).elapsed());
            assertThat(better(progress.get(i).bestScore(), progress.get(i - 1).bestScore())).isTrue();
        }
        assertThat(solution.timeToFeasible()).isNotNull().isLessThanOrEqualTo(solution.spent());
    }

    @Test
    void turnsOfTwentyMinutesInATeamOfThree() {
        // three hours and a half with relay given: three seats
        StaffingSolution solution = planner().solve(problem(List.of(session("long", "09:00", "10:00", "Hall",
                        List.of("en"), true, channel("fr", Delivery.ROOM), channel("ar", Delivery.ROOM))),
                List.of(interpreter("amelie", WorkMode.ON_SITE, "fr-A", "en-B"),
                        interpreter("bruno", WorkMode.ON_SITE, "fr-A", "en-B"),
                        interpreter("claire", WorkMode.ON_SITE, "fr-A", "en-B"),
                        interpreter("aziz", WorkMode.ON_SITE, "ar-A", "fr-B"),
                        interpreter("amal", WorkMode.ON_SITE, "ar-A", "fr-B"))), LIMITS, update -> { });

        BoothPlan french = Problems.booth(solution, "long", "fr");
        assertThat(french.teamSize()).isEqualTo(3);
        assertThat(french.seats()).extracting(SeatPlan::interpreterId).containsExactly("amelie", "bruno", "claire");
        assertThat(french.turns()).containsExactly(
                new Turn("amelie", at("09:00"), at("09:20")),
                new Turn("bruno", at("09:20"), at("09:40")),
                new Turn("claire", at("09:40"), at("10:00")));
        assertThat(Problems.booth(solution, "long", "ar").turns()).containsExactly(
                new Turn("aziz", at("09:00"), at("09:30")),
                new Turn("amal", at("09:30"), at("10:00")));
    }

    @Test
    void everyRuleReadsInEnglishFrenchAndSpanish() {
        for (PlanningRule rule : PlanningRule.values()) {
            Set<String> texts = Set.of(rule.text(Locale.ENGLISH), rule.text(Locale.FRENCH), rule.text(Locale.forLanguageTag("es")));
            assertThat(texts).as(rule.code()).hasSize(3).allSatisfy(text -> assertThat(text).isNotBlank());
            assertThat(PlanningRule.byCode(rule.code())).contains(rule);
        }
        assertThat(PlanningRule.AVAILABILITY.text(Locale.GERMAN)).isEqualTo(PlanningRule.AVAILABILITY.text(Locale.ENGLISH));
    }

    private static boolean better(PlanScore now, PlanScore before) {
        if (now.hard() != before.hard()) {
            return now.hard() > before.hard();
        }
        if (now.medium() != before.medium()) {
            return now.medium() > before.medium();
        }
        return now.soft() > before.soft();
    }

    private static java.time.Instant at(String time) {
        return DAY.atTime(LocalTime.parse(time)).atZone(MADRID).toInstant();
    }
}

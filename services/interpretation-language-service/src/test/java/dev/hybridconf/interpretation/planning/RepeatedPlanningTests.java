package dev.hybridconf.interpretation.planning;

import static dev.hybridconf.interpretation.planning.Problems.DAY;
import static dev.hybridconf.interpretation.planning.Problems.LIMITS;
import static dev.hybridconf.interpretation.planning.Problems.channel;
import static dev.hybridconf.interpretation.planning.Problems.interpreter;
import static dev.hybridconf.interpretation.planning.Problems.moved;
import static dev.hybridconf.interpretation.planning.Problems.pinsOf;
import static dev.hybridconf.interpretation.planning.Problems.planner;
import static dev.hybridconf.interpretation.planning.Problems.problem;
import static dev.hybridconf.interpretation.planning.Problems.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.interpretation.needs.SessionNeed;
import dev.hybridconf.interpretation.planning.StaffingSolution.BoothPlan;
import dev.hybridconf.interpretation.planning.StaffingSolution.SeatPlan;
import dev.hybridconf.interpretation.roster.Availability;
import dev.hybridconf.interpretation.roster.DayPart;
import dev.hybridconf.interpretation.roster.InterpreterProfile;
import dev.hybridconf.interpretation.roster.WorkMode;

/**
 * Published seats are pinned: replanning after a publication, a programme change or a decline moves only
 * what must move.
 */
class RepeatedPlanningTests {

    /** A day in three rooms: two morning slots (one block, 15 minutes apart) and one in the afternoon. */
    private static final List<SessionNeed> DAY_OF_BREAKOUTS = dayOfBreakouts();
    private static final List<InterpreterProfile> ROSTER = List.of(
            interpreter("fr1", WorkMode.ON_SITE, "fr-A", "en-B"),
            interpreter("fr2", WorkMode.ON_SITE, "fr-A", "en-B", "es-C"),
            interpreter("fr3", WorkMode.ON_SITE, "fr-A", "en-C"),
            interpreter("fr4", WorkMode.REMOTE, "fr-A", "en-B"),
            interpreter("fr5", WorkMode.ON_SITE, "fr-A", "en-B"),
            interpreter("fr6", WorkMode.ON_SITE, "fr-A", "en-B"),
            interpreter("es1", WorkMode.ON_SITE, "es-A", "en-B"),
            interpreter("es2", WorkMode.ON_SITE, "es-A", "en-B", "fr-C"),
            interpreter("es3", WorkMode.ON_SITE, "es-A", "en-C"),
            interpreter("es4", WorkMode.REMOTE, "es-A", "en-B"),
            interpreter("es5", WorkMode.ON_SITE, "es-A", "en-B"),
            interpreter("es6", WorkMode.ON_SITE, "es-A", "en-B"));

    private static List<SessionNeed> dayOfBreakouts() {
        List<SessionNeed> sessions = new ArrayList<>();
        String[][] slots = {{"09:00", "10:30"}, {"10:45", "12:15"}, {"14:00", "15:30"}};
        for (int room = 1; room <= 3; room++) {
            for (int slot = 0; slot < slots.length; slot++) {
                sessions.add(session("r" + room + "-s" + (slot + 1), slots[slot][0], slots[slot][1], "Room " + room,
                        List.of("en"), false, channel("fr", Delivery.BOTH), channel("es", Delivery.BOTH)));
            }
        }
        return sessions;
    }

    @Test
    void aPublishedPlanReplansToItself() {
        StaffingSolution first = planner().solve(problem(DAY_OF_BREAKOUTS, ROSTER), LIMITS, update -> { });
        TimefoldStaffingPlanner otherSeed = new TimefoldStaffingPlanner(Norms.AIIC,
                new SolverTuning(7L, ai.timefold.solver.core.config.solver.EnvironmentMode.NO_ASSERT, 1_000, 10_000L));

        StaffingSolution again = otherSeed.solve(problem(DAY_OF_BREAKOUTS, ROSTER, pinsOf(first), List.of(), Norms.AIIC),
                LIMITS, update -> { });

        assertThat(assignments(again)).isEqualTo(assignments(first));
        assertThat(again.booths()).flatMap(BoothPlan::seats).allSatisfy(seat ->
                assertThat(seat.pinned()).isEqualTo(seat.interpreterId() != null));
        assertThat(again.violations()).isEmpty();
    }

    @Test
    void aMovedSessionChangesOnlyItsSeatsAndThoseItClashesWith() {
        StaffingSolution first = planner().solve(problem(DAY_OF_BREAKOUTS, ROSTER), LIMITS, update -> { });
        assertThat(first.violations()).isEmpty();
        // r1-s2 moves to the afternoon, beside r2-s3 and r3-s3 (and r1-s3 in its own room)
        List<SessionNeed> changed = DAY_OF_BREAKOUTS.stream()
                .map(session -> session.sessionId().equals("r1-s2") ? moved(session, "14:00", "15:30") : session)
                .toList();

        StaffingSolution second = planner().solve(problem(changed, ROSTER, pinsOf(first), List.of(), Norms.AIIC), LIMITS,
                update -> { });

        Map<String, String> before = assignments(first);
        Map<String, String> after = assignments(second);
        Set<String> movedPeople = new HashSet<>();
        before.forEach((seat, interpreter) -> {
            if (seat.startsWith("r1-s2/") && interpreter != null) {
                movedPeople.add(interpreter);
            }
        });
        Set<String> changedSeats = new HashSet<>();
        before.forEach((seat, interpreter) -> {
            if (!java.util.Objects.equals(interpreter, after.get(seat))) {
                changedSeats.add(seat);
            }
        });
        // a seat outside the moved session changes only if it was held by someone from the moved session
        assertThat(changedSeats).allSatisfy(seat -> assertThat(seat.startsWith("r1-s2/")
                || movedPeople.contains(before.get(seat))).as(seat).isTrue());
        assertThat(changedSeats).isNotEmpty();
        assertThat(second.violations()).isEmpty();
        assertThat(second.score().hard()).isZero();
        // and seats that did not have to move stay pinned
        for (BoothPlan booth : second.booths()) {
            for (SeatPlan seat : booth.seats()) {
                String key = booth.sessionId() + "/" + booth.language() + "/" + seat.seat();
                if (!booth.sessionId().equals("r1-s2") && before.get(key) != null && !movedPeople.contains(before.get(key))) {
                    assertThat(seat.pinned()).as(key).isTrue();
                }
            }
        }
    }

    @Test
    void aDeclineFreesTheSeatAndKeepsTheDeclinerOut() {
        StaffingSolution first = planner().solve(problem(DAY_OF_BREAKOUTS, ROSTER), LIMITS, update -> { });
        BoothPlan booth = Problems.booth(first, "r2-s1", "fr");
        SeatPlan declinedSeat = booth.seats().get(0);
        String decliner = declinedSeat.interpreterId();
        List<StaffingProblem.Pin> pins = pinsOf(first).stream()
                .filter(pin -> !(pin.sessionId().equals("r2-s1") && pin.language().equals("fr") && pin.seat() == 0))
                .toList();

        StaffingSolution second = planner().solve(problem(DAY_OF_BREAKOUTS, ROSTER, pins,
                List.of(new StaffingProblem.Decline("r2-s1", "fr", decliner)), Norms.AIIC), LIMITS, update -> { });

        assertThat(Problems.seats(second, "r2-s1", "fr")).doesNotContain(decliner);
        Map<String, String> before = assignments(first);
        Map<String, String> after = assignments(second);
        before.forEach((seat, interpreter) -> {
            if (!seat.equals("r2-s1/fr/0") && interpreter != null) {
                assertThat(after.get(seat)).as(seat).isEqualTo(interpreter);
            }
        });
        second.gaps().stream().filter(gap -> gap.sessionId().equals("r2-s1") && gap.language().equals("fr"))
                .forEach(gap -> assertThat(gap.candidates())
                        .contains(new StaffingSolution.Exclusion(decliner, "declined")));
        assertThat(second.violations()).isEmpty();
    }

    @Test
    void aPinThatNowBreaksARuleIsDroppedAndTheSeatReplanned() {
        List<SessionNeed> morning = List.of(session("talk", "09:00", "09:30", "Room 1", List.of("en"), false,
                channel("fr", Delivery.ROOM)));
        List<InterpreterProfile> roster = List.of(
                interpreter("fr1", WorkMode.ON_SITE, "fr-A", "en-B"),
                interpreter("fr2", WorkMode.ON_SITE, "fr-A", "en-B"));
        StaffingSolution first = planner().solve(problem(morning, roster), LIMITS, update -> { });
        assertThat(Problems.seats(first, "talk", "fr")).containsExactly("fr1");
        // fr1 is now available in the afternoon only
        List<InterpreterProfile> changed = List.of(
                interpreter("fr1", WorkMode.ON_SITE, List.of(new Availability(DAY, DayPart.AFTERNOON)), "fr-A", "en-B"),
                roster.get(1));

        StaffingSolution second = planner().solve(problem(morning, changed, pinsOf(first), List.of(), Norms.AIIC), LIMITS,
                update -> { });

        assertThat(Problems.booth(second, "talk", "fr").seats())
                .containsExactly(new SeatPlan(0, "fr2", false));
        assertThat(second.violations()).isEmpty();
    }

    @Test
    void pinsOfSeatsThatNoLongerExistAreIgnored() {
        List<SessionNeed> morning = List.of(session("talk", "09:00", "09:30", "Room 1", List.of("en"), false,
                channel("fr", Delivery.ROOM)));
        List<InterpreterProfile> roster = List.of(interpreter("fr1", WorkMode.ON_SITE, "fr-A", "en-B"));
        List<StaffingProblem.Pin> stale = List.of(
                new StaffingProblem.Pin("talk", "fr", 1, "fr1"),
                new StaffingProblem.Pin("talk", "es", 0, "fr1"),
                new StaffingProblem.Pin("gone", "fr", 0, "fr1"),
                new StaffingProblem.Pin("talk", "fr", 0, "somebody-removed"));

        StaffingSolution solution = planner().solve(problem(morning, roster, stale, List.of(), Norms.AIIC), LIMITS,
                update -> { });

        assertThat(solution.booths()).singleElement().satisfies(booth ->
                assertThat(booth.seats()).containsExactly(new SeatPlan(0, "fr1", false)));
    }

    /** Seat key ({@code session/language/seat}) to interpreter id (null: a gap). */
    static Map<String, String> assignments(StaffingSolution solution) {
        Map<String, String> assignments = new HashMap<>();
        for (BoothPlan booth : solution.booths()) {
            for (SeatPlan seat : booth.seats()) {
                assignments.put(booth.sessionId() + "/" + booth.language() + "/" + seat.seat(), seat.interpreterId());
            }
        }
        return assignments;
    }
}

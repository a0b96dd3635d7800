package dev.hybridconf.interpretation.planning;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;

/** The solver's working plan: booths and interpreters (facts) and every seat (entities). */
@PlanningSolution
final class StaffingSchedule {

    @ProblemFactCollectionProperty
    private List<Booth> booths;
    @ProblemFactCollectionProperty
    private List<Interpreter> interpreters;
    @ProblemFactCollectionProperty
    private List<PartnerWish> wishes;
    @PlanningEntityCollectionProperty
    private List<Seat> seats;
    @PlanningScore
    private HardMediumSoftScore score;

    StaffingSchedule() {
        // for the solver's cloner
    }

    StaffingSchedule(List<Booth> booths, List<Interpreter> interpreters, List<PartnerWish> wishes, List<Seat> seats) {
        this.booths = booths;
        this.interpreters = interpreters;
        this.wishes = wishes;
        this.seats = seats;
    }

    List<Booth> booths() {
        return booths;
    }

    List<Interpreter> interpreters() {
        return interpreters;
    }

    List<PartnerWish> wishes() {
        return wishes;
    }

    List<Seat> seats() {
        return seats;
    }

    HardMediumSoftScore score() {
        return score;
    }
}

package dev.hybridconf.interpretation.planning;

import java.util.function.Consumer;

/**
 * Staffs every needed booth of a conference with interpreters, to the profession's norms, with a
 * constraint solver. Pinned seats (published and not declined) stay as they are unless a hard rule
 * forces them out; the solver moves only what it must.
 */
public interface StaffingPlanner {

    /**
     * Solves until {@code limits} stop it, reporting each new best score to {@code progress} (on the
     * solver's thread). Blocking; callers run it in the background.
     */
    StaffingSolution solve(StaffingProblem problem, SolveLimits limits, Consumer<SolveProgress> progress);
}

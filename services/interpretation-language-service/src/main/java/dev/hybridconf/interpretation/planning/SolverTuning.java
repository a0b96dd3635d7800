package dev.hybridconf.interpretation.planning;

import ai.timefold.solver.core.config.solver.EnvironmentMode;

/**
 * How the solver searches, beyond the caller's {@link SolveLimits}: its random seed and checks, and for tests
 * a deterministic stop so that a run does not depend on the machine's speed: local search ends after
 * {@code unimprovedSteps} steps without a better plan, or after {@code moves} moves evaluated (a plan so small
 * that no move is ever accepted never completes a step).
 */
record SolverTuning(long randomSeed, EnvironmentMode environmentMode, Integer unimprovedSteps, Long moves) {

    /** The service's setting: reproducible with a fixed seed, no assertions, stopped by the limits only. */
    static final SolverTuning PRODUCTION = new SolverTuning(0L, EnvironmentMode.NO_ASSERT, null, null);

    static SolverTuning forTests(int unimprovedSteps) {
        return new SolverTuning(42L, EnvironmentMode.NO_ASSERT, unimprovedSteps, 10L * unimprovedSteps);
    }

    /** As {@link #forTests(int)}, recomputing the score from scratch after every move to catch a corrupt one. */
    static SolverTuning asserted(int unimprovedSteps) {
        return new SolverTuning(42L, EnvironmentMode.FULL_ASSERT, unimprovedSteps, 10L * unimprovedSteps);
    }
}

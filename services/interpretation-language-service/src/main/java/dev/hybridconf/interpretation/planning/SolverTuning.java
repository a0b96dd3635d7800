package dev.hybridconf.interpretation.planning;

import ai.timefold.solver.core.config.solver.EnvironmentMode;

/**
 * How the solver searches, beyond the caller's {@link SolveLimits}: its random seed and checks, and for tests
 * a deterministic stop (local search ends after {@code unimprovedSteps} steps without a better plan) so that
 * a run does not depend on the machine's speed.
 */
record SolverTuning(long randomSeed, EnvironmentMode environmentMode, Integer unimprovedSteps) {

    /** The service's setting: reproducible with a fixed seed, no assertions, stopped by the limits only. */
    static final SolverTuning PRODUCTION = new SolverTuning(0L, EnvironmentMode.NO_ASSERT, null);

    static SolverTuning forTests(int unimprovedSteps) {
        return new SolverTuning(42L, EnvironmentMode.STEP_ASSERT, unimprovedSteps);
    }
}

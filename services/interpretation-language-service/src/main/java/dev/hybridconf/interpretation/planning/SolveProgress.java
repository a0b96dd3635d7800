package dev.hybridconf.interpretation.planning;

import java.time.Duration;

/** A new best plan was found after {@code elapsed}. */
public record SolveProgress(Duration elapsed, PlanScore bestScore) {
}

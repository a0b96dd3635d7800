package dev.hybridconf.interpretation.planning;

import java.time.Duration;

/**
 * When the solver stops: after {@code spent} in all, or after {@code unimproved} without a better
 * score once a feasible plan is found, whichever comes first.
 */
public record SolveLimits(Duration spent, Duration unimproved) {
}

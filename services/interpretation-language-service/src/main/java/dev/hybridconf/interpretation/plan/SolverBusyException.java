package dev.hybridconf.interpretation.plan;

import java.time.Duration;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/** Every solver thread of this replica is taken and its queue is full: try again shortly (503, Retry-After). */
class SolverBusyException extends ProblemException {

    SolverBusyException() {
        super(Duration.ofSeconds(10), HttpStatus.SERVICE_UNAVAILABLE, "solver-busy", "plan.solve.busy");
    }
}

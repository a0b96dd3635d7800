package dev.hybridconf.interpretation.plan;

import dev.hybridconf.kit.errors.ConflictException;

/** A solve was asked for while one runs for the conference (on any replica): 409 with the running one's progress. */
class SolveRunningException extends ConflictException {

    private final transient String conferenceId;
    private final transient SolveState running;

    SolveRunningException(String conferenceId, SolveState running) {
        super("solve-running", "plan.solve.running", conferenceId);
        this.conferenceId = conferenceId;
        this.running = running;
    }

    String conferenceId() {
        return conferenceId;
    }

    SolveState running() {
        return running;
    }
}

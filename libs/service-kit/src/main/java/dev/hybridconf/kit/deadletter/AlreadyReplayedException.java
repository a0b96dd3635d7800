package dev.hybridconf.kit.deadletter;

import dev.hybridconf.kit.errors.ConflictException;

/** The dead letter was replayed before: its replay is not sent again. Counted, never answered as an error. */
class AlreadyReplayedException extends ConflictException {

    AlreadyReplayedException() {
        super("dead-letter-already-replayed", "problem.dead-letters.already-replayed");
    }
}

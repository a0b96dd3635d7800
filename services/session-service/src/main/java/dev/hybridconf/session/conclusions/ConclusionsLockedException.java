package dev.hybridconf.session.conclusions;

import java.time.Instant;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/** The breakout's conclusions are locked (the day's wrap-up started, or an organiser locked them). */
class ConclusionsLockedException extends ProblemException {

    private final Instant lockedAt;
    private final String rendered;

    ConclusionsLockedException(Instant lockedAt, String rendered) {
        super(HttpStatus.CONFLICT, "conclusions-locked", "conclusions.locked", rendered);
        this.lockedAt = lockedAt;
        this.rendered = rendered;
    }

    Instant lockedAt() {
        return lockedAt;
    }

    /** The lock time in the conference zone with its offset. */
    String rendered() {
        return rendered;
    }
}

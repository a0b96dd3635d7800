package dev.hybridconf.session.enrolment;

import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.session.programme.ProgrammeSession;

/**
 * The participant already holds or waits for a breakout at an overlapping time: 409 naming it
 * ({@link EnrolmentProblemAdvice}). Nothing is written.
 */
class OverlapException extends ConflictException {

    private final transient ProgrammeSession other;
    private final EnrolmentStatus otherStatus;

    OverlapException(ProgrammeSession other, EnrolmentStatus otherStatus) {
        super("enrolment-overlap", "enrolment.overlap");
        this.other = other;
        this.otherStatus = otherStatus;
    }

    ProgrammeSession other() {
        return other;
    }

    EnrolmentStatus otherStatus() {
        return otherStatus;
    }
}

package dev.hybridconf.session.enrolment;

/** Where a participant stands with one breakout. */
public enum EnrolmentStatus {
    /** Holds one of the breakout's places. */
    ENROLLED,
    /** On the breakout's waiting list, promoted in order when a place frees. */
    WAITLISTED
}

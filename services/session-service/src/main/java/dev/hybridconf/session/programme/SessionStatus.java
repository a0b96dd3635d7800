package dev.hybridconf.session.programme;

/**
 * A session's place on the programme. Live status (live, ended) is not a programme change and is
 * kept apart from it by the live-status feature (see the service canvas), so it never bumps the
 * programme version.
 */
public enum SessionStatus {
    SCHEDULED,
    CANCELLED
}

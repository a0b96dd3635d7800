package dev.hybridconf.session.programme;

/** Where the audience is. */
public enum SessionFormat {
    IN_PERSON,
    /** In the room and on Zoom. */
    HYBRID,
    ONLINE
}

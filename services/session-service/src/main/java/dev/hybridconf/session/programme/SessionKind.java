package dev.hybridconf.session.programme;

/** What a session is for. */
public enum SessionKind {
    OPENING,
    PLENARY,
    /** One of several parallel groups (same slot, different rooms), with a capacity and moderators. */
    BREAKOUT,
    /** The daily wrap-up where the rapporteur presents the trends: emerging ideas. */
    WRAP_UP,
    /** Coffee break or lunch. */
    BREAK,
    SIDE_EVENT
}

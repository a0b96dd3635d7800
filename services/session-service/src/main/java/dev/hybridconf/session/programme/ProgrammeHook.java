package dev.hybridconf.session.programme;

import java.util.List;

import dev.hybridconf.kit.redis.AtomicWrite;

/**
 * The seam through which session features built on the programme (breakout enrolment and waitlists,
 * conclusions, live status) follow its changes in the same atomic step. The {@link ProgrammeStore}
 * calls every hook bean for each session a commit changes, while it builds the write; what a hook
 * adds happens in the same Lua step as the programme change, or not at all.
 *
 * <p>A hook may add writes and events (release the enrolments of a cancelled session and emit their
 * events) and preconditions (refuse a capacity below the places already taken, with a problem the
 * organiser reads). It must not execute the write, nor call other services.
 */
public interface ProgrammeHook {

    /**
     * A session is being changed.
     *
     * @param before the session as stored, or null when it is new
     * @param after  the session as it will be stored (status {@code CANCELLED} when it is being cancelled)
     */
    default void sessionChanging(ProgrammeSession before, ProgrammeSession after, AtomicWrite write) {
    }

    /**
     * A commit is changing the programme of a conference, after {@link #sessionChanging} was called for each of its
     * sessions: for features that depend on the programme as a whole (when a breakout's conclusions lock depends on
     * the wrap-ups after it and on the conference's last day).
     *
     * @param after    the conference as it will be stored
     * @param sessions every session of the conference as it will be stored (cancelled ones included)
     */
    default void programmeChanging(Conference after, List<ProgrammeSession> sessions, AtomicWrite write) {
    }
}

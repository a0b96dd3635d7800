package dev.hybridconf.session.participants;

import dev.hybridconf.kit.redis.AtomicWrite;

/**
 * The seam through which other session features (breakout enrolment and waitlists first) follow
 * what happens to a participant. A feature declares a bean implementing this interface; the
 * {@link ParticipantDirectory} calls it while it builds the write that applies a registration event,
 * so whatever the feature adds to {@code write} happens in the same Lua step as the directory's own
 * change, exactly once per event, or not at all.
 *
 * <p>Every method is optional. Implementations must only add operations to the write (keys in the
 * session key space); they must not execute it, and must not call other services.
 */
public interface ParticipantHook {

    /**
     * The participant was erased (right to be forgotten): add the deletion of everything the feature
     * keeps about them, e.g. their breakout enrolments and waitlist places.
     */
    default void erasing(String registrationId, AtomicWrite write) {
    }

    /** The participant's registration was cancelled and they no longer hold a place: release what they held. */
    default void placeReleased(String registrationId, AtomicWrite write) {
    }

    /** The participant switched between {@code IN_PERSON} and {@code REMOTE} (e.g. an in-room breakout seat). */
    default void attendanceChanged(String registrationId, String previousMode, String attendanceMode,
            AtomicWrite write) {
    }
}

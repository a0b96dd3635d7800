package dev.hybridconf.contracts.session;

/**
 * A participant no longer holds a place in, or waits for, a breakout.
 *
 * @param previousStatus {@code ENROLLED} or {@code WAITLISTED}
 * @param placeReleased  true when they held a place (now free for the first person waiting)
 * @param reason         {@code LEFT} (their own request), {@code SESSION_CANCELLED},
 *                       {@code REGISTRATION_CANCELLED} or {@code PARTICIPANT_ERASED}
 */
public record SessionEnrolmentCancelled(
        String sessionId,
        String conferenceId,
        String registrationId,
        String previousStatus,
        boolean placeReleased,
        String reason) implements EnrolmentEvent {

    public static final String TYPE = "session.enrolment-cancelled.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

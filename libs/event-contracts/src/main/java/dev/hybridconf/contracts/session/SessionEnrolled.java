package dev.hybridconf.contracts.session;

/**
 * A participant enrolled in a breakout: with a place ({@code ENROLLED}, register them in its Zoom
 * meeting) or on its waiting list ({@code WAITLISTED}, nothing to do until promoted).
 *
 * @param status         {@code ENROLLED} or {@code WAITLISTED}
 * @param attendanceMode {@code IN_PERSON} or {@code REMOTE} as last known, or null when unknown
 */
public record SessionEnrolled(
        String sessionId,
        String conferenceId,
        String registrationId,
        String status,
        String attendanceMode) implements EnrolmentEvent {

    public static final String TYPE = "session.enrolled.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

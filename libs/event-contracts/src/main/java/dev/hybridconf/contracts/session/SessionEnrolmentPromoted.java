package dev.hybridconf.contracts.session;

/**
 * The first person on a breakout's waiting list took a place that freed (or was added): they are
 * now enrolled, as after {@code session.enrolled.v1} with status {@code ENROLLED}.
 *
 * @param attendanceMode {@code IN_PERSON} or {@code REMOTE} as last known, or null when unknown
 */
public record SessionEnrolmentPromoted(
        String sessionId,
        String conferenceId,
        String registrationId,
        String attendanceMode) implements EnrolmentEvent {

    public static final String TYPE = "session.enrolment-promoted.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

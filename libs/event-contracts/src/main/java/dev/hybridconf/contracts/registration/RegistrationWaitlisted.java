package dev.hybridconf.contracts.registration;

/** The registration waits for a place in its attendance mode. */
public record RegistrationWaitlisted(String registrationId, String conferenceId, String attendanceMode)
        implements RegistrationEvent {

    public static final String TYPE = "registration.waitlisted.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

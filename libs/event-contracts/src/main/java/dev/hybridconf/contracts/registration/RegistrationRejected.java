package dev.hybridconf.contracts.registration;

/** An organiser declined the registration. */
public record RegistrationRejected(String registrationId, String conferenceId) implements RegistrationEvent {

    public static final String TYPE = "registration.rejected.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

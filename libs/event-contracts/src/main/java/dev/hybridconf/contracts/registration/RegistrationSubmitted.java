package dev.hybridconf.contracts.registration;

/**
 * A person asked for a place. Carries what downstream services need to plan (attendance mode,
 * language) and nothing more: no e-mail, no name.
 */
public record RegistrationSubmitted(
        String registrationId,
        String conferenceId,
        String attendanceMode,
        String preferredLanguage,
        String country) implements RegistrationEvent {

    public static final String TYPE = "registration.submitted.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

package dev.hybridconf.contracts.registration;

import java.util.List;

/**
 * An organiser accepted the registration: the participant has a place in their attendance mode.
 * Carries what the session, streaming and interpretation services plan with, and no contact data.
 */
public record RegistrationApproved(
        String registrationId,
        String attendanceMode,
        String preferredLanguage,
        List<String> roles) implements RegistrationEvent {

    public static final String TYPE = "registration.approved.v1";

    public RegistrationApproved {
        roles = List.copyOf(roles);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}

package dev.hybridconf.contracts.registration;

import java.util.List;

/**
 * An organiser accepted the registration (or the participant accepted a waitlist offer): the
 * participant has a place in their attendance mode. Carries what the session, streaming and
 * interpretation services plan with, and no contact data.
 *
 * @param interpretationLanguage the language the participant needs interpretation into, or null
 * @param timeZone               the participant's IANA time zone if they gave one, or null
 */
public record RegistrationApproved(
        String registrationId,
        String conferenceId,
        String attendanceMode,
        String preferredLanguage,
        String interpretationLanguage,
        String timeZone,
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

package dev.hybridconf.contracts.registration;

/**
 * Someone asked for the e-mail about their registration again (they lost their personal link, or
 * tried to register a second time). The registration service mails the message that fits the
 * registration's current status, with a fresh access link when it holds a place.
 */
public record RegistrationReminderRequested(String registrationId, String conferenceId) implements RegistrationEvent {

    public static final String TYPE = "registration.reminder-requested.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

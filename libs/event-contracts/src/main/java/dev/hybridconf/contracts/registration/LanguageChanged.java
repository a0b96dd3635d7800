package dev.hybridconf.contracts.registration;

/**
 * The participant changed their preferred language or the language they need interpretation into.
 *
 * @param interpretationLanguage null when they need no interpretation
 */
public record LanguageChanged(String registrationId, String conferenceId, String preferredLanguage,
        String interpretationLanguage)
        implements RegistrationEvent {

    public static final String TYPE = "registration.language-changed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

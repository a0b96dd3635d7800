package dev.hybridconf.contracts.registration;

/**
 * Organisers decided a travel or accommodation sponsorship request.
 *
 * @param decision {@code GRANTED} or {@code DECLINED}
 */
public record SponsorshipDecided(String registrationId, String conferenceId, String decision)
        implements RegistrationEvent {

    public static final String TYPE = "registration.sponsorship-decided.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

package dev.hybridconf.contracts.registration;

/** A waitlist offer was not accepted in time; the held place goes to the next person waiting. */
public record RegistrationOfferExpired(String registrationId, String conferenceId, String attendanceMode)
        implements RegistrationEvent {

    public static final String TYPE = "registration.offer-expired.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

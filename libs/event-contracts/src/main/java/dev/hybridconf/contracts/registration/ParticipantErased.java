package dev.hybridconf.contracts.registration;

/**
 * An organiser erased the participant (right to be forgotten). The registration service has removed
 * their personal data; every service holding a copy of anything about this participant purges it.
 *
 * @param placeReleased true when they held a place, which is free again
 */
public record ParticipantErased(String registrationId, String attendanceMode, boolean placeReleased)
        implements RegistrationEvent {

    public static final String TYPE = "participant.erased.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

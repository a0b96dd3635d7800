package dev.hybridconf.contracts.registration;

/**
 * An organiser erased the participant's registration (right to be forgotten). The registration service
 * has removed its personal data; every service holding a copy of anything about this registration purges
 * it. Erasure is of one registration, so the event names its conference: the same person's registrations
 * in other conferences are other registrations (other ids), untouched.
 *
 * @param placeReleased true when they held a place, which is free again
 */
public record ParticipantErased(String registrationId, String conferenceId, String attendanceMode,
        boolean placeReleased) implements RegistrationEvent {

    public static final String TYPE = "participant.erased.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

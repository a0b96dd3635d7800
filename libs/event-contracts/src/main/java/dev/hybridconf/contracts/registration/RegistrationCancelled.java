package dev.hybridconf.contracts.registration;

/**
 * The registration was cancelled.
 *
 * @param placeReleased true when it held a place (was approved): downstream services remove the
 *                      participant from meetings and rosters, and the place is free again
 */
public record RegistrationCancelled(String registrationId, String conferenceId, String attendanceMode,
        boolean placeReleased)
        implements RegistrationEvent {

    public static final String TYPE = "registration.cancelled.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

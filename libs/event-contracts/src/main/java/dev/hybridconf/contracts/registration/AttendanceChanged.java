package dev.hybridconf.contracts.registration;

/**
 * The participant switched between attending in person and remotely.
 *
 * @param status the registration's status after the switch (an approved participant now holds a
 *               place in the new mode: streaming registers or unregisters them in Zoom)
 */
public record AttendanceChanged(String registrationId, String conferenceId, String previousMode, String attendanceMode,
        String status)
        implements RegistrationEvent {

    public static final String TYPE = "registration.attendance-changed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

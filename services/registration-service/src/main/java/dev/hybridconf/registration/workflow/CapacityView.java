package dev.hybridconf.registration.workflow;

import java.util.Map;

/** One conference's places and approvals per attendance mode, for organisers. */
public record CapacityView(String conferenceId, Map<AttendanceMode, Mode> modes) {

    /**
     * One mode's figures.
     *
     * @param approved places held: approved registrations plus open waitlist offers
     * @param waiting  registrations on this mode's waiting list
     */
    public record Mode(int limit, long approved, long available, long waiting) {

        long free() {
            return available;
        }
    }
}

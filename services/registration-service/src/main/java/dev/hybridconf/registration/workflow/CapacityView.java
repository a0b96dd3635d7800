package dev.hybridconf.registration.workflow;

import java.util.Map;

/** Places and approvals per attendance mode, for organisers. */
public record CapacityView(Map<AttendanceMode, Mode> modes) {

    /** One mode's figures. */
    public record Mode(int limit, long approved, long available) {
    }
}

package dev.hybridconf.contracts.session;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A scheduled session was moved or retimed (possibly to another day): its times before and after.
 * Other details that changed in the same step come as a {@link SessionUpdated} right after.
 *
 * @param timeZone the conference's IANA zone after the change (a zone change of the conference retimes its sessions)
 */
public record SessionRescheduled(
        String sessionId,
        String conferenceId,
        long programmeVersion,
        long sessionVersion,
        String kind,
        String format,
        LocalDate previousDay,
        Instant previousStart,
        Instant previousEnd,
        LocalDate day,
        Instant start,
        Instant end,
        String timeZone) implements SessionEvent {

    public static final String TYPE = "session.rescheduled.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

package dev.hybridconf.contracts.session;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A session was taken off the programme. It stays readable (status {@code CANCELLED}); its times are
 * those it had, so a consumer can free what it reserved for them (a Zoom host, interpreters).
 */
public record SessionCancelled(
        String sessionId,
        String conferenceId,
        long programmeVersion,
        long sessionVersion,
        String kind,
        LocalDate day,
        Instant start,
        Instant end,
        String timeZone) implements SessionEvent {

    public static final String TYPE = "session.cancelled.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

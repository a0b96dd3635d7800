package dev.hybridconf.contracts.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Details of a scheduled session other than its times changed (room, format, languages, streaming,
 * capacity, moderators, titles...). Carries the complete new state, like {@link SessionScheduled},
 * and the names of the fields that changed. A change of times is a {@link SessionRescheduled}.
 *
 * @param changed the names of the changed fields, e.g. {@code room}, {@code moderatorIds}, {@code title},
 *                {@code description}, {@code speakers} (the last two are not carried here)
 */
public record SessionUpdated(
        String sessionId,
        String conferenceId,
        long programmeVersion,
        long sessionVersion,
        String kind,
        LocalDate day,
        Instant start,
        Instant end,
        String timeZone,
        String format,
        List<String> floorLanguages,
        boolean publiclyStreamed,
        Integer capacity,
        List<String> moderatorIds,
        String rapporteurId,
        String room,
        String track,
        String slot,
        Map<String, String> title,
        List<String> changed) implements SessionEvent {

    public static final String TYPE = "session.updated.v1";

    public SessionUpdated {
        floorLanguages = List.copyOf(floorLanguages);
        moderatorIds = List.copyOf(moderatorIds);
        title = Map.copyOf(title);
        changed = List.copyOf(changed);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}

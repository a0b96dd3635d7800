package dev.hybridconf.session.programme;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * The zone a reader sees times in ({@code ?tz=}, an IANA zone; the conference's when absent), and
 * how instants render there: ISO date-time with the offset, e.g. {@code 2024-11-08T00:00:00+09:00}.
 */
public record ViewerZone(ZoneId zone) {

    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    /** @throws ProgrammeInvalidException naming {@code tz} when it is not an IANA zone */
    public static ViewerZone of(String tz, ZoneId otherwise) {
        if (tz == null || tz.isBlank()) {
            return new ViewerZone(otherwise);
        }
        if (!ZONES.contains(tz.trim())) {
            throw ProgrammeInvalidException.parameter("tz", "programme.field.time-zone");
        }
        return new ViewerZone(ZoneId.of(tz.trim()));
    }

    public String render(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    /**
     * Whether the interval runs over a midnight in this zone: it starts on one local date and is still
     * going on the next (ending exactly at midnight does not count).
     */
    public boolean crossesMidnight(Instant start, Instant end) {
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime lastMoment = end.minusNanos(1).atZone(zone);
        return end.isAfter(start) && !from.toLocalDate().equals(lastMoment.toLocalDate());
    }

    public String id() {
        return zone.getId();
    }
}

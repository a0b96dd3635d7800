package dev.hybridconf.zoomemulator;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Times as Zoom writes them ({@code 2026-06-01T09:00:00Z}) and reads them (also local times in a time zone). */
public final class ZoomTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private ZoomTime() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Reads a {@code start_time}: with {@code Z} or an offset it is absolute; without, it is a local time in
     * {@code timezone} (UTC when none), as Zoom's reference describes.
     *
     * @throws DateTimeParseException when it is neither
     */
    public static Instant parse(String text, String timezone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            ZoneId zone = timezone == null || timezone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timezone);
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        }
    }
}

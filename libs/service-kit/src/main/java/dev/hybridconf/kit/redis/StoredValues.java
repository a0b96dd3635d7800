package dev.hybridconf.kit.redis;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Values read back from Redis hash fields, where "no value" is stored as an absent field or an empty string (a Lua
 * step cannot store a null): each reader answers null for both, so copies kept from events read them one way.
 */
public final class StoredValues {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private StoredValues() {
    }

    /** The text, or null when absent or empty. */
    public static String optional(String stored) {
        return stored == null || stored.isEmpty() ? null : stored;
    }

    /** An ISO date ({@code 2021-02-16}), or null when absent or empty. */
    public static LocalDate date(String stored) {
        return stored == null || stored.isEmpty() ? null : LocalDate.parse(stored);
    }

    /** An ISO instant ({@code 2021-02-16T08:00:00Z}), or null when absent or empty. */
    public static Instant instant(String stored) {
        return stored == null || stored.isEmpty() ? null : Instant.parse(stored);
    }

    /** A time zone id; UTC when absent, empty, or unknown to this JVM's zone rules (a newer writer's zone). */
    public static ZoneId zone(String stored) {
        try {
            return stored == null || stored.isEmpty() ? UTC : ZoneId.of(stored);
        } catch (DateTimeException unknown) {
            return UTC;
        }
    }
}

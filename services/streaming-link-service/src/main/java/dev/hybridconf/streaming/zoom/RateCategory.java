package dev.hybridconf.streaming.zoom;

import java.util.Locale;

/**
 * Zoom's per-second rate-limit categories ("Rate Limit Label" in its API reference). Limits are per
 * account, shared by every app and every replica of this service.
 */
public enum RateCategory {
    LIGHT, MEDIUM, HEAVY;

    /** The category named in Zoom's {@code X-RateLimit-Category} header ({@code Light}, {@code Medium}, ...), if any. */
    static RateCategory fromHeader(String header, RateCategory otherwise) {
        if (header == null || header.isBlank()) {
            return otherwise;
        }
        try {
            return valueOf(header.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return otherwise;
        }
    }

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}

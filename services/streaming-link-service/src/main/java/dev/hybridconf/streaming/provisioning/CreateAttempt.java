package dev.hybridconf.streaming.provisioning;

import java.time.Duration;
import java.time.Instant;

import dev.hybridconf.streaming.zoom.ZoomKind;
import dev.hybridconf.streaming.zoom.ZoomProperties;

/**
 * The session hash's {@code createAttempt}: {@code host|MEETING|WEBINAR|settled}, written (fenced) before a create
 * is sent to Zoom and while its result may still appear. {@code settled} (epoch ms) is when any meeting that create
 * made is sure to be listed: while the call runs, the longest a create may take with the client's retries; once
 * it failed after possibly reaching Zoom, that moment plus one call's time. Until then nobody looks for its meeting
 * nor creates another (a replica that took the session over from one whose lease lapsed mid-create waits), so a
 * session never gets two meetings. An attempt written before this field had a third part is settled.
 */
final class CreateAttempt {

    private CreateAttempt() {
    }

    static String of(String host, ZoomKind kind, Instant settled) {
        return host + "|" + kind.name() + "|" + settled.toEpochMilli();
    }

    static String host(String attempt) {
        return attempt.split("\\|")[0];
    }

    static ZoomKind kind(String attempt, ZoomKind otherwise) {
        String[] parts = attempt.split("\\|");
        return parts.length > 1 ? ZoomKind.valueOf(parts[1]) : otherwise;
    }

    /** When the attempt's result is sure to show at Zoom; null when there is no attempt or it is settled already. */
    static Instant settledAt(String attempt) {
        if (attempt == null || attempt.isBlank()) {
            return null;
        }
        String[] parts = attempt.split("\\|");
        if (parts.length < 3) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(parts[2]));
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }

    /**
     * The longest a create call may take, the client's retries included: every attempt its full call time after
     * waiting its longest for a rate-limit slot, and the longest wait between attempts.
     */
    static Duration longestCreate(ZoomProperties zoom) {
        int attempts = Math.max(1, zoom.retry().maxAttempts());
        Duration between = zoom.retry().maxBackoff().compareTo(zoom.retry().maxRetryAfter()) > 0
                ? zoom.retry().maxBackoff() : zoom.retry().maxRetryAfter();
        return zoom.timeouts().call().plus(zoom.rateLimits().maxWait()).multipliedBy(attempts)
                .plus(between.multipliedBy(attempts - 1L));
    }
}

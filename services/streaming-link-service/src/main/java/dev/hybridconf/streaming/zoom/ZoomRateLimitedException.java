package dev.hybridconf.streaming.zoom;

import java.time.Duration;
import java.util.Optional;

/**
 * Too many requests: Zoom answered 429, or this client gave up waiting for a slot of its own
 * per-second limiter ({@link #local()}). A per-second 429 is retried by the client after the wait
 * Zoom names; a daily limit ({@link #daily()}, e.g. 3 registrations of one e-mail per day) is not.
 */
public final class ZoomRateLimitedException extends ZoomException {

    private final transient Duration retryAfter;
    private final RateCategory category;
    private final boolean daily;
    private final boolean local;

    ZoomRateLimitedException(ZoomEndpoint endpoint, int status, Integer code, String message, Duration retryAfter,
            RateCategory category, boolean daily, boolean local) {
        super(endpoint, status, code, message, null);
        this.retryAfter = retryAfter;
        this.category = category;
        this.daily = daily;
        this.local = local;
    }

    /** The wait Zoom asked for ({@code Retry-After}), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The category Zoom named ({@code X-RateLimit-Category}), else the endpoint's. */
    public RateCategory category() {
        return category;
    }

    /** A per-day limit ({@code X-RateLimit-Type: Daily-limit}): no use retrying before 00:00 UTC. */
    public boolean daily() {
        return daily;
    }

    /** Refused by this client's shared limiter without calling Zoom. */
    public boolean local() {
        return local;
    }
}

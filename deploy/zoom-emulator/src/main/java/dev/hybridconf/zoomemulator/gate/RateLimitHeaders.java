package dev.hybridconf.zoomemulator.gate;

/**
 * Which headers a 429 carries. Zoom documents {@code X-RateLimit-Category}, {@code X-RateLimit-Type},
 * {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code Retry-After}, but does not always send them,
 * so a client has to cope with each of these.
 */
public enum RateLimitHeaders {
    /** Every {@code X-RateLimit-*} header and {@code Retry-After}. */
    ALL,
    /** The {@code X-RateLimit-*} headers, no {@code Retry-After}. */
    WITHOUT_RETRY_AFTER,
    /** No rate-limit header at all, only the body. */
    NONE,
    /** Every other 429 as {@link #ALL}, the others as {@link #NONE}, starting with {@link #ALL}. */
    ALTERNATE
}

package dev.hybridconf.streaming.zoom;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

import dev.hybridconf.kit.redis.KeySpace;
import redis.clients.jedis.UnifiedJedis;

/**
 * Zoom's per-second limits, kept by every replica together: one counter per category and second in
 * Redis, taken with one atomic script, so the account never sends more than the configured number
 * of requests a second in a category, however many replicas call. When Zoom answers 429 with a
 * {@code Retry-After}, {@link #pause} holds back the category on every replica until then.
 *
 * <p>Windows are counted on this service's clock (replicas are assumed NTP-synchronised; a skew of a
 * few milliseconds only moves a window's edge). Redis expiry only removes old counters.
 */
public final class ZoomRateLimiter {

    /** A slot: the category and the second (epoch millis of its start) it was counted in. */
    public record Permit(RateCategory category, long windowStart) {
    }

    // KEYS[1] counter of this window, KEYS[2] pause; ARGV: now, limit, window end, counter ttl.
    // Answers 0 (granted) or the milliseconds to wait before asking again.
    private static final String ACQUIRE = """
            local now = tonumber(ARGV[1])
            local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
            if paused > now then return paused - now end
            local used = redis.call('INCR', KEYS[1])
            if used == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[4]) end
            if used > tonumber(ARGV[2]) then return math.max(1, tonumber(ARGV[3]) - now) end
            return 0
            """;

    // KEYS[1] pause; ARGV: until (epoch ms), ttl ms. Only ever moves the pause later.
    private static final String PAUSE = """
            local current = tonumber(redis.call('GET', KEYS[1]) or '0')
            if tonumber(ARGV[1]) > current then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            end
            return 0
            """;

    private static final long WINDOW_MILLIS = 1000;

    private final UnifiedJedis redis;
    private final KeySpace keys;
    private final Map<RateCategory, Integer> limits = new EnumMap<>(RateCategory.class);
    private final Duration maxWait;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;

    public ZoomRateLimiter(UnifiedJedis redis, KeySpace keys, ZoomProperties.RateLimits settings, Clock clock,
            Sleeper sleeper, DoubleSupplier jitter) {
        this.redis = redis;
        this.keys = keys;
        for (RateCategory category : RateCategory.values()) {
            limits.put(category, settings.perSecond(category));
        }
        this.maxWait = settings.maxWait();
        this.clock = clock;
        this.sleeper = sleeper;
        this.jitter = jitter;
    }

    /**
     * Waits for a slot in the category (at most {@code maxWait}).
     *
     * @throws ZoomRateLimitedException (local) when no slot came in time
     * @throws ZoomUnavailableException when interrupted while waiting
     */
    public Permit acquire(RateCategory category, ZoomEndpoint endpoint) {
        long deadline = clock.millis() + maxWait.toMillis();
        while (true) {
            long now = clock.millis();
            long window = now - Math.floorMod(now, WINDOW_MILLIS);
            Object answer = redis.eval(ACQUIRE,
                    List.of(keys.key("zoom", "rate", category.tag(), Long.toString(window / WINDOW_MILLIS)),
                            pauseKey(category)),
                    List.of(Long.toString(now), Integer.toString(limits.get(category)),
                            Long.toString(window + WINDOW_MILLIS), Long.toString(5 * WINDOW_MILLIS)));
            long waitMillis = ((Long) answer);
            if (waitMillis == 0) {
                return new Permit(category, window);
            }
            // A little spread, so replicas released by the same window edge do not all ask at once.
            long wait = waitMillis + Math.round(jitter.getAsDouble() * 20);
            if (now + wait > deadline) {
                throw new ZoomRateLimitedException(endpoint, 0, null,
                        "no " + category.tag() + " slot within " + maxWait.toMillis() + " ms",
                        Duration.ofMillis(wait), category, false, true);
            }
            try {
                sleeper.sleep(Duration.ofMillis(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ZoomUnavailableException(endpoint, ZoomUnavailableException.Reason.CONNECTION, false,
                        "interrupted while waiting for a rate-limit slot", e);
            }
        }
    }

    /** Holds back the category on every replica until {@code clock.millis() + wait}. */
    public void pause(RateCategory category, Duration wait) {
        long until = clock.millis() + wait.toMillis();
        redis.eval(PAUSE, List.of(pauseKey(category)),
                List.of(Long.toString(until), Long.toString(Math.max(1, wait.toMillis()) + WINDOW_MILLIS)));
    }

    private String pauseKey(RateCategory category) {
        return keys.key("zoom", "rate", category.tag(), "paused-until");
    }
}

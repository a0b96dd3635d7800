package dev.hybridconf.streaming.zoom;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import dev.hybridconf.kit.redis.KeySpace;
import redis.clients.jedis.UnifiedJedis;

/**
 * Zoom's cap on meeting and webinar create/update requests: {@code cap} per host user per day,
 * reset at 00:00 UTC. Counted in Redis per host and UTC day, shared by the replicas; a request is
 * counted before it is sent, and given back when it certainly did not reach Zoom.
 */
public final class ZoomDailyWriteCap {

    // KEYS[1] the host's counter of the day; ARGV: cap, ttl ms. Answers the remaining count, or -1 when full.
    private static final String RESERVE = """
            local used = tonumber(redis.call('GET', KEYS[1]) or '0')
            if used >= tonumber(ARGV[1]) then return -1 end
            used = redis.call('INCR', KEYS[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return tonumber(ARGV[1]) - used
            """;

    private static final String RELEASE = """
            local used = tonumber(redis.call('GET', KEYS[1]) or '0')
            if used > 0 then redis.call('DECR', KEYS[1]) end
            return 0
            """;

    private final UnifiedJedis redis;
    private final KeySpace keys;
    private final int cap;
    private final Clock clock;

    public ZoomDailyWriteCap(UnifiedJedis redis, KeySpace keys, int cap, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.cap = cap;
        this.clock = clock;
    }

    /** How many create/update requests the host user has left today (UTC). */
    public int remaining(String hostUserId) {
        String used = redis.get(key(hostUserId, today()));
        return Math.max(0, cap - (used == null ? 0 : Integer.parseInt(used)));
    }

    /** The next 00:00 UTC, when every host's count starts again. */
    public Instant resetsAt() {
        return today().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * Counts one request for the host, or refuses it.
     *
     * @return the day it was counted on, for {@link #release}
     * @throws ZoomDailyCapExhaustedException when the host has none left today
     */
    LocalDate reserve(String hostUserId, ZoomEndpoint endpoint) {
        LocalDate day = today();
        Object left = redis.eval(RESERVE, List.of(key(hostUserId, day)),
                List.of(Integer.toString(cap), Long.toString(ttlMillis(day))));
        if ((Long) left < 0) {
            throw new ZoomDailyCapExhaustedException(endpoint, hostUserId, resetsAt());
        }
        return day;
    }

    /** Gives back a request that never reached Zoom. */
    void release(String hostUserId, LocalDate day) {
        redis.eval(RELEASE, List.of(key(hostUserId, day)), List.of());
    }

    /** Zoom says the host has used its day (a daily-limit 429): no more requests for it until reset. */
    void exhaust(String hostUserId) {
        LocalDate day = today();
        redis.set(key(hostUserId, day), Integer.toString(cap));
        redis.pexpire(key(hostUserId, day), ttlMillis(day));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Until the end of the day plus a day: the key outlives its day only to be sure, never to count. */
    private long ttlMillis(LocalDate day) {
        long end = day.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        return Math.max(1000, end - clock.millis());
    }

    private String key(String hostUserId, LocalDate day) {
        return keys.key("zoom", "daily-writes", day.toString(), hostUserId);
    }
}

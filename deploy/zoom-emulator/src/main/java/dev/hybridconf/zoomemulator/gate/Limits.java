package dev.hybridconf.zoomemulator.gate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import dev.hybridconf.zoomemulator.EmulatorClock;
import dev.hybridconf.zoomemulator.EmulatorProperties;
import dev.hybridconf.zoomemulator.api.ZoomApiException;

/**
 * Zoom's limits: per-second quotas per rate category, shared by every caller like an account's, and the cap on
 * meeting and webinar create/update requests per host user per UTC day. Both answer 429 with Zoom's messages and,
 * depending on {@link RateLimitHeaders}, with or without Zoom's rate-limit headers. Changeable at run time.
 */
@Component
public class Limits {

    static final String PER_SECOND_MESSAGE = "You have reached the maximum per-second rate limit for this API."
            + " Try again later.";

    private final EmulatorProperties.Limits configured;
    private final EmulatorClock clock;
    private volatile EmulatorProperties.Limits current;
    private final Map<RateCategory, long[]> windows = new HashMap<>();
    private final Map<String, Integer> dailyCounts = new HashMap<>();
    private final AtomicLong tooManyRequestsAnswered = new AtomicLong();

    public Limits(EmulatorProperties properties, EmulatorClock clock) {
        this.configured = properties.limits();
        this.clock = clock;
        this.current = configured;
    }

    public EmulatorProperties.Limits current() {
        return current;
    }

    public void set(EmulatorProperties.Limits limits) {
        this.current = limits;
    }

    /** Back to the configured limits, with every count cleared. */
    public synchronized void reset() {
        current = configured;
        windows.clear();
        dailyCounts.clear();
        tooManyRequestsAnswered.set(0);
    }

    public synchronized void resetDailyCounts() {
        dailyCounts.clear();
    }

    /** The per-second quota of a category; 0 or less means unlimited. */
    public int perSecond(RateCategory category) {
        return switch (category) {
            case LIGHT -> current.light();
            case MEDIUM -> current.medium();
            case HEAVY -> current.heavy();
        };
    }

    /**
     * Counts one request of {@code category} in the current second.
     *
     * @throws ZoomApiException 429 when the category's quota for this second is used up
     */
    public void acquire(RateCategory category) {
        int limit = perSecond(category);
        if (limit <= 0) {
            return;
        }
        long second = clock.now().getEpochSecond();
        synchronized (this) {
            long[] window = windows.computeIfAbsent(category, c -> new long[] { second, 0 });
            if (window[0] != second) {
                window[0] = second;
                window[1] = 0;
            }
            if (window[1] >= limit) {
                throw tooManyRequests(category);
            }
            window[1]++;
        }
    }

    /** A per-second 429 for {@code category}, with the headers the current mode gives it. */
    public ZoomApiException tooManyRequests(RateCategory category) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (withHeaders()) {
            headers.put("X-RateLimit-Category", category.header());
            headers.put("X-RateLimit-Type", "QPS");
            headers.put("X-RateLimit-Limit", Integer.toString(Math.max(perSecond(category), 0)));
            headers.put("X-RateLimit-Remaining", "0");
            if (withRetryAfter()) {
                headers.put("Retry-After", "1");
            }
        }
        return new ZoomApiException(429, 429, PER_SECOND_MESSAGE, List.of(), headers);
    }

    /**
     * Counts one create or update request for the host user's day.
     *
     * @return the headers Zoom adds to the answer (the cap and what is left of it)
     * @throws ZoomApiException 429 when the host has used up today's cap
     */
    public Map<String, String> consumeDaily(String hostId, RateCategory category) {
        int cap = current.dailyMeetingCreateUpdatePerHost();
        if (cap <= 0) {
            return Map.of("X-RateLimit-Category", category.header());
        }
        LocalDate today = clock.today();
        String key = hostId + "/" + today;
        int used;
        synchronized (this) {
            used = dailyCounts.getOrDefault(key, 0);
            if (used >= cap) {
                throw dailyLimit(category, cap, clock.nextMidnightUtc());
            }
            dailyCounts.put(key, ++used);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Category", category.header());
        headers.put("X-RateLimit-Limit", Integer.toString(cap));
        headers.put("X-RateLimit-Remaining", Integer.toString(cap - used));
        return headers;
    }

    /** How many create/update requests a host has made today. */
    public synchronized int usedToday(String hostId) {
        return dailyCounts.getOrDefault(hostId + "/" + clock.today(), 0);
    }

    private ZoomApiException dailyLimit(RateCategory category, int cap, Instant resetsAt) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (withHeaders()) {
            headers.put("X-RateLimit-Category", category.header());
            headers.put("X-RateLimit-Type", "Daily-limit");
            headers.put("X-RateLimit-Limit", Integer.toString(cap));
            headers.put("X-RateLimit-Remaining", "0");
            if (withRetryAfter()) {
                headers.put("Retry-After", resetsAt.toString());
            }
        }
        return new ZoomApiException(429, 429, "You have exceeded the daily rate limit (" + cap + ") of Meeting"
                + " Create/Update API requests permitted for this particular user. You may resume these requests at"
                + " GMT 00:00:00.", List.of(), headers);
    }

    /** Decides, once per 429, whether it carries headers. */
    private boolean withHeaders() {
        return switch (current.headers()) {
            case ALL, WITHOUT_RETRY_AFTER -> true;
            case NONE -> false;
            case ALTERNATE -> tooManyRequestsAnswered.getAndIncrement() % 2 == 0;
        };
    }

    private boolean withRetryAfter() {
        return current.headers() != RateLimitHeaders.WITHOUT_RETRY_AFTER;
    }
}

package dev.hybridconf.streaming.zoom;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * The Zoom client's settings, under {@code platform.zoom}. Defaults are Zoom's real endpoints and a
 * Pro account's per-second limits; the emulator and tests change the URLs only.
 *
 * @param oauthUrl      where the token endpoint lives ({@code {oauthUrl}/oauth/token})
 * @param apiUrl        the API base including its version path; a token's regional {@code api_url}
 *                      replaces its scheme and host, keeping the path
 * @param dailyWriteCap meeting/webinar create and update requests per host user per UTC day
 */
@ConfigurationProperties("platform.zoom")
public record ZoomProperties(
        String accountId,
        String clientId,
        String clientSecret,
        String oauthUrl,
        String apiUrl,
        Timeouts timeouts,
        Token token,
        RateLimits rateLimits,
        int dailyWriteCap,
        Retry retry,
        CircuitBreaker circuitBreaker) {

    public ZoomProperties {
        accountId = accountId == null ? "" : accountId.trim();
        clientId = clientId == null ? "" : clientId.trim();
        clientSecret = clientSecret == null ? "" : clientSecret;
        oauthUrl = trimSlash(StringUtils.hasText(oauthUrl) ? oauthUrl : "https://zoom.us");
        apiUrl = trimSlash(StringUtils.hasText(apiUrl) ? apiUrl : "https://api.zoom.us/v2");
        timeouts = timeouts == null ? new Timeouts(null, null, null, null) : timeouts;
        token = token == null ? new Token(null, null, null, null) : token;
        rateLimits = rateLimits == null ? new RateLimits(0, 0, 0, null) : rateLimits;
        dailyWriteCap = dailyWriteCap > 0 ? dailyWriteCap : 100;
        retry = retry == null ? new Retry(0, null, 0, null, null) : retry;
        circuitBreaker = circuitBreaker == null ? new CircuitBreaker(0, 0, 0, null, 0) : circuitBreaker;
    }

    /** Settings for tests and tools: the given URLs and credentials, every other value its default. */
    public static ZoomProperties of(String oauthUrl, String apiUrl, String accountId, String clientId,
            String clientSecret) {
        return new ZoomProperties(accountId, clientId, clientSecret, oauthUrl, apiUrl, null, null, null, 0, null,
                null);
    }

    public boolean configured() {
        return !accountId.isEmpty() && !clientId.isEmpty() && !clientSecret.isEmpty();
    }

    public ZoomProperties withTimeouts(Timeouts value) {
        return new ZoomProperties(accountId, clientId, clientSecret, oauthUrl, apiUrl, value, token, rateLimits,
                dailyWriteCap, retry, circuitBreaker);
    }

    public ZoomProperties withToken(Token value) {
        return new ZoomProperties(accountId, clientId, clientSecret, oauthUrl, apiUrl, timeouts, value, rateLimits,
                dailyWriteCap, retry, circuitBreaker);
    }

    public ZoomProperties withRateLimits(RateLimits value) {
        return new ZoomProperties(accountId, clientId, clientSecret, oauthUrl, apiUrl, timeouts, token, value,
                dailyWriteCap, retry, circuitBreaker);
    }

    public ZoomProperties withRetry(Retry value) {
        return new ZoomProperties(accountId, clientId, clientSecret, oauthUrl, apiUrl, timeouts, token, rateLimits,
                dailyWriteCap, value, circuitBreaker);
    }

    public ZoomProperties withCircuitBreaker(CircuitBreaker value) {
        return new ZoomProperties(accountId, clientId, clientSecret, oauthUrl, apiUrl, timeouts, token, rateLimits,
                dailyWriteCap, retry, value);
    }

    /** The secret stays out of logs and failure reports. */
    @Override
    public String toString() {
        return "ZoomProperties[accountId=" + accountId + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret.isEmpty() ? "" : "[redacted]") + ", oauthUrl=" + oauthUrl + ", apiUrl=" + apiUrl
                + ", timeouts=" + timeouts + ", token=" + token + ", rateLimits=" + rateLimits + ", dailyWriteCap="
                + dailyWriteCap + ", retry=" + retry + ", circuitBreaker=" + circuitBreaker + "]";
    }

    private static String trimSlash(String url) {
        String value = url.trim();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return value;
    }

    /** OkHttp's timeouts, applied to every call; {@code call} bounds the whole exchange. */
    public record Timeouts(Duration connect, Duration read, Duration write, Duration call) {
        public Timeouts {
            connect = connect != null ? connect : Duration.ofSeconds(5);
            read = read != null ? read : Duration.ofSeconds(15);
            write = write != null ? write : Duration.ofSeconds(15);
            call = call != null ? call : Duration.ofSeconds(30);
        }
    }

    /**
     * Token handling shared by the replicas.
     *
     * @param refreshBefore refresh this long before the token expires (at most half its life)
     * @param lockTtl       the refresh lease's lifetime (the kit's lease), so a replica dying mid-refresh blocks nobody for long
     * @param lockWait      how long a replica waits for another's refresh before giving up
     * @param pollInterval  how often a waiting replica looks for the new token
     */
    public record Token(Duration refreshBefore, Duration lockTtl, Duration lockWait, Duration pollInterval) {
        public Token {
            refreshBefore = refreshBefore != null ? refreshBefore : Duration.ofMinutes(5);
            lockTtl = lockTtl != null ? lockTtl : Duration.ofSeconds(10);
            lockWait = lockWait != null ? lockWait : Duration.ofSeconds(15);
            pollInterval = pollInterval != null ? pollInterval : Duration.ofMillis(100);
        }
    }

    /**
     * Requests per second per category for the whole account (Zoom Pro: 30, 20, 10; Business and
     * up: 80, 60, 40).
     *
     * @param maxWait how long a call may wait for a slot before failing with a local rate-limited error
     */
    public record RateLimits(int light, int medium, int heavy, Duration maxWait) {
        public RateLimits {
            light = light > 0 ? light : 30;
            medium = medium > 0 ? medium : 20;
            heavy = heavy > 0 ? heavy : 10;
            maxWait = maxWait != null ? maxWait : Duration.ofSeconds(10);
        }

        public int perSecond(RateCategory category) {
            return switch (category) {
                case LIGHT -> light;
                case MEDIUM -> medium;
                case HEAVY -> heavy;
            };
        }
    }

    /**
     * Retries of 429, 5xx and timeouts: exponential back-off with jitter (each wait between half and
     * one and a half times the nominal one), or the wait Zoom names in {@code Retry-After}.
     *
     * @param maxAttempts   attempts in all, the first included
     * @param maxRetryAfter a {@code Retry-After} longer than this is not waited for: the error goes to the caller
     */
    public record Retry(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
            Duration maxRetryAfter) {
        public Retry {
            maxAttempts = maxAttempts > 0 ? maxAttempts : 4;
            initialBackoff = initialBackoff != null ? initialBackoff : Duration.ofMillis(500);
            multiplier = multiplier >= 1 ? multiplier : 2.0;
            maxBackoff = maxBackoff != null ? maxBackoff : Duration.ofSeconds(20);
            maxRetryAfter = maxRetryAfter != null ? maxRetryAfter : Duration.ofSeconds(60);
        }
    }

    /**
     * The breaker around Zoom: opens when at least {@code failureRateThreshold} percent of the last
     * {@code slidingWindowSize} calls (and at least {@code minimumCalls}) failed with 5xx, a timeout
     * or a broken connection; stays open {@code openFor}, then lets {@code halfOpenCalls} probes through.
     */
    public record CircuitBreaker(float failureRateThreshold, int slidingWindowSize, int minimumCalls,
            Duration openFor, int halfOpenCalls) {
        public CircuitBreaker {
            failureRateThreshold = failureRateThreshold > 0 ? failureRateThreshold : 50f;
            slidingWindowSize = slidingWindowSize > 0 ? slidingWindowSize : 20;
            minimumCalls = minimumCalls > 0 ? minimumCalls : 10;
            openFor = openFor != null ? openFor : Duration.ofSeconds(30);
            halfOpenCalls = halfOpenCalls > 0 ? halfOpenCalls : 3;
        }
    }
}

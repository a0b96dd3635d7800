package dev.hybridconf.streaming.zoom;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.hybridconf.kit.redis.KeySpace;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's one way to Zoom. Every call gets a token shared by the replicas (refreshed early,
 * one refresh at a time, retried once on 401), waits for a slot of its rate category in the
 * account-wide limiter, counts toward the host's daily create/update cap when it is a create or
 * update, passes the circuit breaker, and is retried on 429, 5xx and timeouts with back-off.
 * Every HTTP exchange is timed as {@code zoom.client.requests{endpoint, category, outcome}}.
 *
 * <p><b>Retries and duplicates.</b> Only calls that are idempotent at Zoom (reads, updates,
 * deletes, status changes) are retried after Zoom may have received them (5xx, read timeout).
 * Creating a meeting or webinar and adding registrants are retried only when the request certainly
 * did not reach Zoom (429, no connection, circuit open is not retried at all); otherwise the error
 * reaches the caller with {@link ZoomException#mayHaveReachedZoom()} {@code true}, and the caller
 * (provisioning) looks up what exists before creating again.
 *
 * <p>Thread-safe; one instance per process. {@link #close()} releases its connections.
 */
public final class ZoomClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ZoomClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

    /** Zoom accepts at most 30 registrants per batch registration (and per status change). */
    public static final int BATCH_SIZE = 30;

    private final ZoomProperties properties;
    private final OkHttpClient http;
    private final JsonMapper json;
    private final ZoomTokens tokens;
    private final ZoomRateLimiter limiter;
    private final ZoomDailyWriteCap dailyCap;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;
    private final HttpUrl defaultApi;

    private ZoomClient(Builder builder) {
        this.properties = builder.properties;
        this.meters = builder.meters;
        this.clock = builder.clock;
        this.sleeper = builder.sleeper;
        this.jitter = builder.jitter;
        ZoomProperties.Timeouts timeouts = properties.timeouts();
        this.http = new OkHttpClient.Builder()
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.write())
                .callTimeout(timeouts.call())
                // OkHttp would silently repeat a request on some connection failures; this client decides.
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
        this.json = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
        this.defaultApi = HttpUrl.get(properties.apiUrl());
        this.tokens = new ZoomTokens(builder.redis, builder.keys, properties, clock, sleeper, this::fetchToken);
        this.limiter = new ZoomRateLimiter(builder.redis, builder.keys, properties.rateLimits(), clock, sleeper,
                jitter);
        this.dailyCap = new ZoomDailyWriteCap(builder.redis, builder.keys, properties.dailyWriteCap(), clock);

        ZoomProperties.Retry retrySettings = properties.retry();
        RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(retrySettings.maxAttempts())
                .retryOnException(ZoomClient::retryable)
                .intervalBiFunction(backOff(retrySettings))
                .build());
        this.retry = retries.retry("zoom");
        ZoomProperties.CircuitBreaker breakerSettings = properties.circuitBreaker();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breakerSettings.slidingWindowSize())
                .minimumNumberOfCalls(breakerSettings.minimumCalls())
                .failureRateThreshold(breakerSettings.failureRateThreshold())
                .waitDurationInOpenState(breakerSettings.openFor())
                .permittedNumberOfCallsInHalfOpenState(breakerSettings.halfOpenCalls())
                .recordException(ZoomClient::zoomFailed)
                .ignoreException(ZoomClient::refusedLocally)
                .clock(clock)
                .build());
        this.breaker = breakers.circuitBreaker("zoom");
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    }

    public static Builder builder(ZoomProperties properties, UnifiedJedis redis, KeySpace keys) {
        return new Builder(properties, redis, keys);
    }

    // ---------------------------------------------------------------- meetings and webinars

    /**
     * Creates a scheduled meeting for the host ({@code POST /users/{userId}/meetings}). Not
     * idempotent at Zoom: see the class comment before calling it again after an error.
     */
    public ZoomMeeting createMeeting(String hostUserId, MeetingRequest request) {
        return call(ZoomEndpoint.CREATE_MEETING, hostUserId, withType(request, MeetingRequest.SCHEDULED_MEETING),
                ZoomMeeting.class, hostUserId);
    }

    /** Creates a webinar for the host ({@code POST /users/{userId}/webinars}); the host needs a webinar licence. */
    public ZoomMeeting createWebinar(String hostUserId, MeetingRequest request) {
        return call(ZoomEndpoint.CREATE_WEBINAR, hostUserId, withType(request, MeetingRequest.WEBINAR),
                ZoomMeeting.class, hostUserId);
    }

    /** Reads a meeting or webinar, including a fresh {@code start_url} for the host. */
    public ZoomMeeting get(ZoomKind kind, long id) {
        return call(kind.pick(ZoomEndpoint.GET_MEETING, ZoomEndpoint.GET_WEBINAR), id, null, ZoomMeeting.class, null);
    }

    /**
     * Changes the fields the request names ({@code PATCH}). Counts toward the host's daily cap, hence
     * the host user id.
     */
    public void update(ZoomKind kind, long id, String hostUserId, MeetingRequest changes) {
        Objects.requireNonNull(changes, "changes");
        call(kind.pick(ZoomEndpoint.UPDATE_MEETING, ZoomEndpoint.UPDATE_WEBINAR), id, changes, Void.class,
                Objects.requireNonNull(hostUserId, "hostUserId"));
    }

    /** Deletes a meeting or webinar. A second delete answers {@link ZoomNotFoundException}. */
    public void delete(ZoomKind kind, long id) {
        call(kind.pick(ZoomEndpoint.DELETE_MEETING, ZoomEndpoint.DELETE_WEBINAR), id, null, Void.class, null);
    }

    // ---------------------------------------------------------------- host users

    /**
     * The host user ({@code GET /users/{userId}}, by id or e-mail) with whether it may host webinars
     * ({@code GET /users/{userId}/settings}, {@code feature.webinar}).
     *
     * @throws ZoomNotFoundException when Zoom knows no such user
     */
    public ZoomUser user(String userId) {
        Objects.requireNonNull(userId, "userId");
        UserAnswer user = call(ZoomEndpoint.GET_USER, userId, null, UserAnswer.class, null);
        Boolean webinar = null;
        try {
            UserSettingsAnswer settings = call(ZoomEndpoint.GET_USER_SETTINGS, userId, null, UserSettingsAnswer.class,
                    null);
            webinar = settings == null || settings.feature() == null ? null : settings.feature().webinar();
        } catch (ZoomApiException notReadable) {
            // Settings need a scope some apps lack: the licence is then taken from the caller.
            log.info("Zoom user settings not readable ({}); webinar licence unknown", notReadable.getMessage());
        }
        return new ZoomUser(user == null ? userId : user.id(), user == null ? userId : user.email(),
                user == null ? null : user.type(), user == null ? null : user.status(), webinar);
    }

    /**
     * Every scheduled meeting (or webinar) of the host ({@code GET /users/{userId}/meetings?type=scheduled},
     * 300 a page): where a meeting whose create answer was lost is found again, by its agenda.
     */
    public List<ZoomMeeting> scheduled(ZoomKind kind, String hostUserId) {
        Objects.requireNonNull(hostUserId, "hostUserId");
        ZoomEndpoint endpoint = kind.pick(ZoomEndpoint.LIST_MEETINGS, ZoomEndpoint.LIST_WEBINARS);
        List<ZoomMeeting> all = new ArrayList<>();
        String pageToken = "";
        for (int page = 0; page < 100; page++) {
            String path = endpoint.path(hostUserId) + "?type=scheduled&page_size=300"
                    + (pageToken.isEmpty() ? "" : "&next_page_token="
                            + java.net.URLEncoder.encode(pageToken, StandardCharsets.UTF_8));
            MeetingList answer = callPath(endpoint, path, null, MeetingList.class, null);
            if (answer == null) {
                break;
            }
            List<ZoomMeeting> items = kind == ZoomKind.MEETING ? answer.meetings() : answer.webinars();
            if (items != null) {
                all.addAll(items);
            }
            pageToken = answer.nextPageToken() == null ? "" : answer.nextPageToken();
            if (pageToken.isEmpty()) {
                break;
            }
        }
        return all;
    }

    // ---------------------------------------------------------------- registrants

    /** Registers one person, approved at once, and answers their personal join link. */
    public RegistrantCreated addRegistrant(ZoomKind kind, long id, Registrant registrant) {
        var body = new SingleRegistrant(registrant.email(), registrant.firstName(), registrant.lastName(),
                registrant.language(), true);
        return call(kind.pick(ZoomEndpoint.ADD_MEETING_REGISTRANT, ZoomEndpoint.ADD_WEBINAR_REGISTRANT), id, body,
                RegistrantCreated.class, null);
    }

    /**
     * Registers everyone, approved at once and without Zoom's own e-mail (the platform sends the
     * links), in batches of {@value #BATCH_SIZE}: 65 people are 3 calls of 30, 30 and 5.
     *
     * @throws ZoomBatchIncompleteException when a batch fails after earlier ones succeeded (or the first fails):
     *                                      it holds who was registered and who was not
     */
    public List<RegisteredParticipant> addRegistrants(ZoomKind kind, long id, List<Registrant> registrants) {
        ZoomEndpoint endpoint = kind.pick(ZoomEndpoint.BATCH_MEETING_REGISTRANTS,
                ZoomEndpoint.BATCH_WEBINAR_REGISTRANTS);
        List<RegisteredParticipant> registered = new ArrayList<>(registrants.size());
        List<List<Registrant>> batches = partition(registrants);
        for (int i = 0; i < batches.size(); i++) {
            List<Registrant> batch = batches.get(i);
            var body = new BatchRegistration(true, false, batch.stream()
                    .map(r -> new BatchRegistrant(r.email(), r.firstName(), r.lastName())).toList());
            try {
                BatchAnswer answer = call(endpoint, id, body, BatchAnswer.class, null);
                if (answer != null && answer.registrants() != null) {
                    registered.addAll(answer.registrants());
                }
            } catch (ZoomException e) {
                List<Registrant> rest = new ArrayList<>();
                batches.subList(i, batches.size()).forEach(rest::addAll);
                throw new ZoomBatchIncompleteException(e, registered, rest);
            }
        }
        return registered;
    }

    /** Cancels registrants ({@code PUT .../registrants/status}, action {@code cancel}), 30 a call. */
    public void cancelRegistrants(ZoomKind kind, long id, List<RegistrantRef> registrants) {
        ZoomEndpoint endpoint = kind.pick(ZoomEndpoint.MEETING_REGISTRANT_STATUS,
                ZoomEndpoint.WEBINAR_REGISTRANT_STATUS);
        for (List<RegistrantRef> batch : partition(registrants)) {
            call(endpoint, id, new RegistrantStatus("cancel", batch), Void.class, null);
        }
    }

    // ---------------------------------------------------------------- live streaming

    public LiveStream getLiveStream(ZoomKind kind, long id) {
        return call(kind.pick(ZoomEndpoint.GET_MEETING_LIVESTREAM, ZoomEndpoint.GET_WEBINAR_LIVESTREAM), id, null,
                LiveStream.class, null);
    }

    public void updateLiveStream(ZoomKind kind, long id, LiveStream settings) {
        call(kind.pick(ZoomEndpoint.UPDATE_MEETING_LIVESTREAM, ZoomEndpoint.UPDATE_WEBINAR_LIVESTREAM), id,
                Objects.requireNonNull(settings, "settings"), Void.class, null);
    }

    /** Starts the custom live stream; {@code displayName} is shown on the stream when given. */
    public void startLiveStream(ZoomKind kind, long id, String displayName) {
        call(kind.pick(ZoomEndpoint.MEETING_LIVESTREAM_STATUS, ZoomEndpoint.WEBINAR_LIVESTREAM_STATUS), id,
                new LiveStreamStatus("start", new LiveStreamStatus.Settings(true, displayName)), Void.class, null);
    }

    public void stopLiveStream(ZoomKind kind, long id) {
        call(kind.pick(ZoomEndpoint.MEETING_LIVESTREAM_STATUS, ZoomEndpoint.WEBINAR_LIVESTREAM_STATUS), id,
                new LiveStreamStatus("stop", null), Void.class, null);
    }

    // ---------------------------------------------------------------- limits

    /**
     * Meeting/webinar create and update requests the host user has left today (UTC), as counted by
     * every replica: what a planner checks before choosing a host.
     */
    public int remainingDailyWrites(String hostUserId) {
        return dailyCap.remaining(hostUserId);
    }

    /** When every host's daily count starts again (the next 00:00 UTC). */
    public Instant dailyWritesResetAt() {
        return dailyCap.resetsAt();
    }

    /** The breaker's state, for health and tests. */
    public CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    // ---------------------------------------------------------------- the call pipeline

    private <T> T call(ZoomEndpoint endpoint, Object pathValue, Object body, Class<T> answer, String hostUserId) {
        return callPath(endpoint, endpoint.path(pathValue), body, answer, hostUserId);
    }

    private <T> T callPath(ZoomEndpoint endpoint, String path, Object body, Class<T> answer, String hostUserId) {
        Retry.AsyncContext<Object> attempts = retry.asyncContext();
        while (true) {
            try {
                T result = attempt(endpoint, path, body, answer, hostUserId);
                attempts.onComplete();
                return result;
            } catch (ZoomException failure) {
                long waitMillis = attempts.onError(failure);
                if (waitMillis < 0) {
                    throw failure;
                }
                meters.counter("zoom.client.retries", "endpoint", endpoint.label()).increment();
                log.warn("Zoom {} failed ({}); retrying in {} ms", endpoint.label(), failure.getMessage(), waitMillis);
                pause(endpoint, Duration.ofMillis(waitMillis));
            }
        }
    }

    private <T> T attempt(ZoomEndpoint endpoint, String path, Object body, Class<T> answer, String hostUserId) {
        if (!breaker.tryAcquirePermission()) {
            record(endpoint, "circuit_open", 0);
            throw new ZoomUnavailableException(endpoint, ZoomUnavailableException.Reason.CIRCUIT_OPEN, false,
                    "circuit open after repeated failures; not called", null);
        }
        long started = System.nanoTime();
        try {
            T result = exchange(endpoint, path, body, answer, hostUserId);
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return result;
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
            throw e;
        }
    }

    private <T> T exchange(ZoomEndpoint endpoint, String path, Object body, Class<T> answer, String hostUserId) {
        LocalDate counted = null;
        if (endpoint.dailyCapped()) {
            try {
                counted = dailyCap.reserve(hostUserId, endpoint);
            } catch (ZoomDailyCapExhaustedException refused) {
                meters.counter("zoom.client.refusals", "endpoint", endpoint.label(), "reason", "daily_cap")
                        .increment();
                throw refused;
            }
        }
        try {
            ZoomToken token = tokens.current();
            Exchange result = send(endpoint, token, path, body);
            if (result.status() == 401) {
                log.info("Zoom {} refused the access token; fetching a new one", endpoint.label());
                token = tokens.afterRejection(token);
                result = send(endpoint, token, path, body);
                if (result.status() == 401) {
                    ErrorBody error = errorBody(result.body());
                    throw new ZoomUnauthorizedException(endpoint, 401, error.code(), error.message());
                }
            }
            if (result.status() >= 200 && result.status() < 300) {
                return read(endpoint, result, answer);
            }
            throw failure(endpoint, result, hostUserId);
        } catch (ZoomException e) {
            boolean notSent = e.endpoint() != endpoint || !e.mayHaveReachedZoom()
                    || e instanceof ZoomUnauthorizedException;
            if (counted != null && notSent) {
                dailyCap.release(hostUserId, counted);
            }
            throw e;
        }
    }

    private record Exchange(int status, Headers headers, String body) {
    }

    private Exchange send(ZoomEndpoint endpoint, ZoomToken token, String path, Object body) {
        try {
            limiter.acquire(endpoint.category(), endpoint);
        } catch (ZoomRateLimitedException refused) {
            meters.counter("zoom.client.refusals", "endpoint", endpoint.label(), "reason", "rate_limit_wait")
                    .increment();
            throw refused;
        }
        Request request = new Request.Builder()
                .url(apiBase(token) + path)
                .header("Authorization", "Bearer " + token.accessToken())
                .header("Accept", "application/json")
                .method(endpoint.method(), body == null ? null : RequestBody.create(json.writeValueAsString(body), JSON))
                .build();
        return execute(endpoint, request);
    }

    private Exchange execute(ZoomEndpoint endpoint, Request request) {
        long started = System.nanoTime();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody responseBody = response.body();
            String text = responseBody == null ? "" : responseBody.string();
            int status = response.code();
            record(endpoint, outcome(status), System.nanoTime() - started);
            log.debug("Zoom {} answered {} in {} ms", endpoint.label(), status,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return new Exchange(status, response.headers(), text);
        } catch (IOException e) {
            boolean timeout = e instanceof SocketTimeoutException
                    || (e instanceof InterruptedIOException && "timeout".equalsIgnoreCase(e.getMessage()));
            String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
            boolean neverConnected = e instanceof ConnectException || e instanceof UnknownHostException
                    || e instanceof NoRouteToHostException || (timeout && message.contains("connect"));
            record(endpoint, timeout ? "timeout" : "io_error", System.nanoTime() - started);
            throw new ZoomUnavailableException(endpoint,
                    timeout ? ZoomUnavailableException.Reason.TIMEOUT : ZoomUnavailableException.Reason.CONNECTION,
                    !neverConnected, e.getClass().getSimpleName() + (timeout ? " (timeout)" : ""), e);
        }
    }

    private String apiBase(ZoomToken token) {
        if (token.apiUrl() == null || token.apiUrl().isBlank()) {
            return trimSlash(defaultApi.toString());
        }
        HttpUrl regional = HttpUrl.parse(token.apiUrl());
        if (regional == null) {
            return trimSlash(defaultApi.toString());
        }
        // Zoom names a host ("https://api-eu.zoom.us"); the version path comes from the configured base.
        String regionalPath = trimSlash(regional.encodedPath());
        String versionPath = trimSlash(defaultApi.encodedPath());
        String path = regionalPath.endsWith(versionPath) ? regionalPath : regionalPath + versionPath;
        return trimSlash(regional.newBuilder().encodedPath("/").build().toString()) + path;
    }

    private <T> T read(ZoomEndpoint endpoint, Exchange result, Class<T> answer) {
        if (answer == Void.class || result.body().isBlank()) {
            return null;
        }
        try {
            return json.readValue(result.body(), answer);
        } catch (JacksonException e) {
            throw new ZoomApiException(endpoint, result.status(), null, "unreadable answer ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    // ---------------------------------------------------------------- errors

    private record ErrorBody(Integer code, String message) {
    }

    private ErrorBody errorBody(String body) {
        if (body == null || body.isBlank()) {
            return new ErrorBody(null, "");
        }
        try {
            JsonNode node = json.readTree(body);
            Integer code = node.hasNonNull("code") && node.get("code").canConvertToInt() ? node.get("code").asInt()
                    : null;
            String message = node.hasNonNull("message") ? node.get("message").asString()
                    : node.hasNonNull("reason") ? node.get("reason").asString()
                    : node.hasNonNull("error") ? node.get("error").asString() : "";
            return new ErrorBody(code, message);
        } catch (JacksonException notJson) {
            return new ErrorBody(null, "");
        }
    }

    private ZoomException failure(ZoomEndpoint endpoint, Exchange result, String hostUserId) {
        int status = result.status();
        ErrorBody error = errorBody(result.body());
        Integer code = error.code();
        String message = error.message();
        if (status == 429) {
            Duration retryAfter = retryAfter(result.headers().get("Retry-After"));
            RateCategory category = RateCategory.fromHeader(result.headers().get("X-RateLimit-Category"),
                    endpoint.category());
            String type = result.headers().get("X-RateLimit-Type");
            boolean daily = (type != null && type.toLowerCase(Locale.ROOT).contains("daily"))
                    || message.toLowerCase(Locale.ROOT).contains("daily");
            if (daily && endpoint.dailyCapped() && hostUserId != null) {
                dailyCap.exhaust(hostUserId);
            } else if (!daily && retryAfter != null && endpoint != ZoomEndpoint.OAUTH_TOKEN) {
                limiter.pause(category, retryAfter);
            }
            return new ZoomRateLimitedException(endpoint, status, code, message, retryAfter, category, daily, false);
        }
        if (code != null) {
            if (code == 3001) {
                return new ZoomNotFoundException(endpoint, status, code, message);
            }
            if (code == 3000 && message.toLowerCase(Locale.ROOT).contains("webinar")) {
                return new ZoomIsWebinarException(endpoint, status, code, message);
            }
            if (code == 3027) {
                return new ZoomHostCannotRegisterException(endpoint, status, code, message);
            }
            if (code == 3043 || code == 3035) {
                return new ZoomRegistrantLimitException(endpoint, status, code, message);
            }
        }
        if (status == 404 && (code == null || code != 404)) {
            return new ZoomNotFoundException(endpoint, status, code, message);
        }
        if (status == 401) {
            return new ZoomUnauthorizedException(endpoint, status, code, message);
        }
        if (status >= 500) {
            return new ZoomServerException(endpoint, status, code, message);
        }
        return new ZoomApiException(endpoint, status, code, message);
    }

    /** {@code Retry-After} as seconds, an HTTP date or an ISO instant; {@code null} when absent or unreadable. */
    private Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            Instant at = value.matches("\\d{4}-.*") ? Instant.parse(value)
                    : ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (NumberFormatException | DateTimeParseException unreadable) {
            return null;
        }
    }

    /** Retried: per-second 429s, and 5xx or lost answers of calls that are safe to repeat or never arrived. */
    static boolean retryable(Throwable failure) {
        if (failure instanceof ZoomRateLimitedException limited) {
            return !limited.local() && !limited.daily();
        }
        if (failure instanceof ZoomServerException server) {
            return server.endpoint().idempotent();
        }
        if (failure instanceof ZoomUnavailableException unavailable) {
            return unavailable.reason() != ZoomUnavailableException.Reason.CIRCUIT_OPEN
                    && (!unavailable.mayHaveReachedZoom() || unavailable.endpoint().idempotent());
        }
        return false;
    }

    /** What opens the breaker: Zoom failing (5xx, timeouts, broken connections), never a refusal of a request. */
    static boolean zoomFailed(Throwable failure) {
        return failure instanceof ZoomServerException
                || (failure instanceof ZoomUnavailableException unavailable
                        && unavailable.reason() != ZoomUnavailableException.Reason.CIRCUIT_OPEN);
    }

    /** Refusals decided here, before Zoom was asked: neither a success nor a failure of Zoom. */
    static boolean refusedLocally(Throwable failure) {
        return failure instanceof ZoomDailyCapExhaustedException
                || (failure instanceof ZoomRateLimitedException limited && limited.local());
    }

    private IntervalBiFunction<Object> backOff(ZoomProperties.Retry settings) {
        return (attempt, outcome) -> {
            Throwable failure = outcome.isLeft() ? outcome.getLeft() : null;
            if (failure instanceof ZoomRateLimitedException limited && limited.retryAfter().isPresent()) {
                Duration wait = limited.retryAfter().get();
                return wait.compareTo(settings.maxRetryAfter()) > 0 ? -1L : wait.toMillis();
            }
            double nominal = Math.min(settings.initialBackoff().toMillis()
                    * Math.pow(settings.multiplier(), Math.max(0, attempt - 1)), settings.maxBackoff().toMillis());
            return Math.round(nominal * (0.5 + jitter.getAsDouble()));
        };
    }

    private void pause(ZoomEndpoint endpoint, Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZoomUnavailableException(endpoint, ZoomUnavailableException.Reason.CONNECTION, false,
                    "interrupted while backing off", e);
        }
    }

    // ---------------------------------------------------------------- token endpoint

    private ZoomTokens.FetchedToken fetchToken() {
        ZoomEndpoint endpoint = ZoomEndpoint.OAUTH_TOKEN;
        if (!properties.configured()) {
            throw new ZoomUnauthorizedException(endpoint, 0, null,
                    "Zoom credentials are not configured (ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET)");
        }
        HttpUrl url = HttpUrl.get(properties.oauthUrl() + "/oauth/token").newBuilder()
                .addQueryParameter("grant_type", "account_credentials")
                .addQueryParameter("account_id", properties.accountId())
                .build();
        String basic = Base64.getEncoder().encodeToString(
                (properties.clientId() + ":" + properties.clientSecret()).getBytes(StandardCharsets.UTF_8));
        Request request = new Request.Builder().url(url)
                .header("Authorization", "Basic " + basic)
                .header("Accept", "application/json")
                .post(RequestBody.create(new byte[0], FORM))
                .build();
        Exchange result = execute(endpoint, request);
        if (result.status() == 200) {
            TokenAnswer answer = read(endpoint, result, TokenAnswer.class);
            if (answer == null || answer.accessToken() == null || answer.accessToken().isBlank()) {
                throw new ZoomApiException(endpoint, 200, null, "token answer without access_token");
            }
            meters.counter("zoom.client.token.refreshes").increment();
            return new ZoomTokens.FetchedToken(answer.accessToken(), answer.apiUrl(),
                    answer.expiresIn() == null ? 3600 : answer.expiresIn());
        }
        ErrorBody error = errorBody(result.body());
        if (result.status() == 400 || result.status() == 401 || result.status() == 403) {
            throw new ZoomUnauthorizedException(endpoint, result.status(), error.code(), error.message());
        }
        throw failure(endpoint, result, null);
    }

    // ---------------------------------------------------------------- helpers and wire records

    private static MeetingRequest withType(MeetingRequest request, int type) {
        Objects.requireNonNull(request, "request");
        return request.type() != null ? request
                : new MeetingRequest(request.topic(), type, request.startTime(), request.duration(),
                        request.timezone(), request.agenda(), request.settings());
    }

    private static <T> List<List<T>> partition(List<T> items) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += BATCH_SIZE) {
            batches.add(List.copyOf(items.subList(from, Math.min(items.size(), from + BATCH_SIZE))));
        }
        return batches;
    }

    private static String outcome(int status) {
        if (status >= 200 && status < 300) {
            return "success";
        }
        if (status == 429) {
            return "rate_limited";
        }
        return status >= 500 ? "server_error" : "client_error";
    }

    private void record(ZoomEndpoint endpoint, String outcome, long nanos) {
        Timer.builder("zoom.client.requests")
                .description("Calls to Zoom by endpoint template and outcome")
                .tag("endpoint", endpoint.label())
                .tag("category", endpoint.category().tag())
                .tag("outcome", outcome)
                .register(meters)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private static String trimSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private record TokenAnswer(String accessToken, String tokenType, Long expiresIn, String scope, String apiUrl) {
        @Override
        public String toString() {
            return "TokenAnswer[expiresIn=" + expiresIn + ", apiUrl=" + apiUrl + "]";
        }
    }

    private record UserAnswer(String id, String email, Integer type, String status) {
    }

    private record UserSettingsAnswer(Feature feature) {
        private record Feature(Boolean webinar) {
        }
    }

    private record MeetingList(Integer totalRecords, String nextPageToken, List<ZoomMeeting> meetings,
            List<ZoomMeeting> webinars) {
    }

    private record SingleRegistrant(String email, String firstName, String lastName, String language,
            Boolean autoApprove) {
    }

    private record BatchRegistrant(String email, String firstName, String lastName) {
    }

    private record BatchRegistration(Boolean autoApprove, Boolean registrantsConfirmationEmail,
            List<BatchRegistrant> registrants) {
    }

    private record BatchAnswer(List<RegisteredParticipant> registrants) {
    }

    private record RegistrantStatus(String action, List<RegistrantRef> registrants) {
    }

    private record LiveStreamStatus(String action, Settings settings) {
        private record Settings(Boolean activeSpeakerName, String displayName) {
        }
    }

    /** How a client is put together; tests replace the clock, the sleeper and the jitter. */
    public static final class Builder {

        private final ZoomProperties properties;
        private final UnifiedJedis redis;
        private final KeySpace keys;
        private MeterRegistry meters = new SimpleMeterRegistry();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

        private Builder(ZoomProperties properties, UnifiedJedis redis, KeySpace keys) {
            this.properties = Objects.requireNonNull(properties, "properties");
            this.redis = Objects.requireNonNull(redis, "redis");
            this.keys = Objects.requireNonNull(keys, "keys");
        }

        public Builder meterRegistry(MeterRegistry value) {
            this.meters = Objects.requireNonNull(value);
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value);
            return this;
        }

        /** A value in [0, 1) per wait; back-off waits are nominal × (0.5 + jitter). */
        public Builder jitter(DoubleSupplier value) {
            this.jitter = Objects.requireNonNull(value);
            return this;
        }

        public ZoomClient build() {
            return new ZoomClient(this);
        }
    }
}

package dev.hybridconf.streaming.zoom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.testinfra.Infrastructure;
import dev.hybridconf.testinfra.SharedInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import redis.clients.jedis.RedisClient;

/**
 * One test's Zoom: a MockWebServer answering with Zoom-shaped payloads, the real Redis of the test
 * JVM under a key space of the test's own, a movable clock and recorded waits. Clients built from
 * one fixture are replicas: they share Redis, the clock and the server.
 */
final class ZoomFixture implements AutoCloseable {

    static final String ACCOUNT = "acc-Hc2026";
    static final String CLIENT_ID = "hybridconf-s2s";
    static final String SECRET = "s3cr3t-of-the-app";
    static final String HOST = "h1AbCdEfGh";
    static final long MEETING_ID = 85746065432L;
    /** The secret part of a start_url: whoever holds it is the host. */
    static final String ZAK = "eyJzdiI6IjAwMDAwMSIsInptX3NrbSI6InptX28ybSJ9.ZAK-NEVER-LOG-THIS";
    static final String START_URL = "https://us05web.zoom.us/s/" + MEETING_ID + "?zak=" + ZAK;

    private static final RedisClient REDIS;

    static {
        Infrastructure infrastructure = SharedInfrastructure.get();
        REDIS = RedisClient.builder().hostAndPort(infrastructure.redisHost(), infrastructure.redisPort()).build();
    }

    final MockWebServer server = new MockWebServer();
    final KeySpace keys = new KeySpace("zoomtest-" + UUID.randomUUID(), "streaming");
    final TestTime time = new TestTime(Instant.parse("2026-05-12T06:00:00Z"));
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<ZoomClient> clients = new ArrayList<>();

    ZoomFixture() {
        try {
            server.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ZoomProperties properties() {
        return ZoomProperties.of(base(), base() + "/v2", ACCOUNT, CLIENT_ID, SECRET);
    }

    String base() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    ZoomClient client() {
        return client(UnaryOperator.identity());
    }

    /** A replica: its own client (token handling, limiter, breaker), the fixture's Redis, clock and waits. */
    ZoomClient client(UnaryOperator<ZoomProperties> settings) {
        ZoomClient client = ZoomClient.builder(settings.apply(properties()), REDIS, keys)
                .meterRegistry(meters).clock(time).sleeper(time).jitter(() -> 0.25).build();
        clients.add(client);
        return client;
    }

    static RedisClient redis() {
        return REDIS;
    }

    RecordedRequest take() {
        try {
            RecordedRequest request = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("no request reached the Zoom stub within 5 s");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every request recorded so far, in arrival order. */
    List<RecordedRequest> drain() {
        List<RecordedRequest> requests = new ArrayList<>();
        try {
            RecordedRequest request;
            while ((request = server.takeRequest(0, java.util.concurrent.TimeUnit.MILLISECONDS)) != null) {
                requests.add(request);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return requests;
    }

    void enqueueToken(String accessToken) {
        server.enqueue(token(accessToken, 3599, base()));
    }

    @Override
    public void close() {
        clients.forEach(ZoomClient::close);
        server.close();
    }

    // ------------------------------------------------------------ Zoom-shaped answers

    /** The token endpoint's answer; {@code apiUrl} {@code null} leaves the field out. */
    static MockResponse token(String accessToken, long expiresIn, String apiUrl) {
        String body = "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn
                + ",\"scope\":\"meeting:write:admin meeting:read:admin webinar:write:admin webinar:read:admin\""
                + (apiUrl == null ? "" : ",\"api_url\":\"" + apiUrl + "\"") + "}";
        return json(200, body);
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json;charset=UTF-8")
                .body(body).build();
    }

    static MockResponse noContent() {
        return new MockResponse.Builder().code(204).build();
    }

    /** Zoom's error body: {@code {"code": 3001, "message": "..."}}. */
    static MockResponse error(int status, int code, String message) {
        return json(status, "{\"code\":" + code + ",\"message\":\"" + message + "\"}");
    }

    static MockResponse meeting(long id, int type) {
        return json(type == 5 ? 201 : 201, meetingJson(id, type));
    }

    static String meetingJson(long id, int type) {
        return """
                {"uuid":"aDYlohsHRtCd4ii1uC2+hA==","id":%d,"host_id":"%s","host_email":"host1@hybridconf.example",
                 "topic":"Plenary: Opening of the World Summit","type":%d,"status":"waiting",
                 "start_time":"2026-05-12T07:00:00Z","duration":90,"timezone":"Europe/Madrid",
                 "agenda":"Opening plenary","created_at":"2026-04-01T10:00:00Z",
                 "start_url":"%s",
                 "join_url":"https://us05web.zoom.us/j/%d?pwd=Qm9uam91cg",
                 "registration_url":"https://us05web.zoom.us/meeting/register/tZ0ufuqurjwsH9KZ",
                 "password":"a1B2c3","h323_password":"482910","pstn_password":"482910",
                 "encrypted_password":"Qm9uam91cg","pre_schedule":false,
                 "settings":{"host_video":false,"participant_video":false,"join_before_host":false,
                  "mute_upon_entry":true,"approval_type":1,"registration_type":1,"audio":"both",
                  "auto_recording":"none","waiting_room":true,"registrants_confirmation_email":false,
                  "registrants_email_notification":false,"alternative_hosts":"",
                  "language_interpretation":{"enable":true,"interpreters":[
                    {"email":"interp.fr@hybridconf.example","languages":"US,FR"},
                    {"email":"interp.es@hybridconf.example","languages":"US,ES"}]},
                  "meeting_authentication":false}}
                """.formatted(id, HOST, type, START_URL, id);
    }

    static MockResponse rateLimited(String retryAfter, String category, String type) {
        MockResponse.Builder builder = new MockResponse.Builder().code(429)
                .setHeader("Content-Type", "application/json;charset=UTF-8")
                .body("{\"code\":429,\"message\":\"You have reached the maximum per-second rate limit for this API."
                        + " Try again later.\"}");
        if (retryAfter != null) {
            builder.setHeader("Retry-After", retryAfter);
        }
        if (category != null) {
            builder.setHeader("X-RateLimit-Category", category);
        }
        if (type != null) {
            builder.setHeader("X-RateLimit-Type", type);
        }
        return builder.build();
    }

    static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}

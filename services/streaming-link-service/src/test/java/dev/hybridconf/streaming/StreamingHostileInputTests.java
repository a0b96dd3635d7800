package dev.hybridconf.streaming;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.emulator.OnZoomEmulator;
import dev.hybridconf.streaming.emulator.ZoomEmulatorServer;
import dev.hybridconf.streaming.zoom.MeetingRequest;
import dev.hybridconf.streaming.zoom.MeetingSettings;
import dev.hybridconf.streaming.zoom.ZoomClient;
import dev.hybridconf.streaming.zoom.ZoomMeeting;
import dev.hybridconf.testinfra.TestTokens;
import dev.hybridconf.testinfra.hostile.HostileInputContract;

/**
 * Every endpoint of the streaming-link service (board, run sheet, host links, live streams, join
 * links, attendance, host pool, Zoom webhooks) meets the hostile-input corpus in its path, query,
 * headers and body: never a 5xx, every refusal problem details, nothing written by a refused request.
 * The sample session has a real meeting on the Zoom emulator, so requests get as far as Zoom would.
 */
// The reconciliation of lost meetings is a background writer on its own schedule (its run marker and lock):
// kept out of this test, which checks what each request writes.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "platform.streaming.reconciliation.enabled=false")
@OnZoomEmulator
class StreamingHostileInputTests extends HostileInputContract {

    static final LocalDate DAY = LocalDate.of(2026, 12, 9);
    static final Instant NINE = Instant.parse("2026-12-09T08:00:00Z");
    static final String HOST = "host1@hybridconf.example";
    static final String PARTICIPANT = "7c0d9a4e-1b2f-4e6a-8d3c-5f7e9a1b2c3d";

    @DynamicPropertySource
    static void webhooks(DynamicPropertyRegistry registry) {
        registry.add("platform.zoom.webhooks.secret-token", () -> ZoomEmulatorServer.WEBHOOK_SECRET);
    }

    @Autowired
    ZoomClient zoom;

    @Autowired
    RedisStore store;

    @Autowired
    StreamingKeys keys;

    private String sessionId;

    /** A plenary as provisioning leaves it: its webinar exists on the emulator. */
    @BeforeAll
    void aProvisionedSession() {
        MeetingRequest request = new MeetingRequest("Opening plenary", MeetingRequest.WEBINAR, NINE, 60,
                "Europe/Madrid", null, MeetingSettings.platformDefaults(null));
        ZoomMeeting meeting = zoom.createWebinar(HOST, request);
        sessionId = UUID.randomUUID().toString();
        Map<String, String> hash = new HashMap<>(Map.of("conferenceId", "hostile", "kind", "PLENARY", "day",
                DAY.toString(), "start", NINE.toString(), "end", NINE.plus(1, ChronoUnit.HOURS).toString(),
                "timeZone", "Europe/Madrid", "format", "HYBRID", "title", "{\"en\":\"Opening plenary\"}",
                "sessionVersion", "1", "status", "SCHEDULED"));
        hash.putAll(Map.of("needsMeeting", "true", "provisioning", "PROVISIONED", "hostUserId", HOST, "zoomKind",
                "WEBINAR", "meetingId", Long.toString(meeting.id())));
        store.redis().hset(keys.session(sessionId), hash);
        store.redis().zadd(keys.day(NINE.atZone(ZoneId.of("Europe/Madrid")).toLocalDate()), NINE.toEpochMilli(),
                sessionId);
        store.redis().set(keys.meeting(Long.toString(meeting.id())), sessionId);
    }

    @Override
    protected String token() {
        return TestTokens.shared().token(PARTICIPANT, "participant", "moderator", "rapporteur", "streaming-staff",
                "interpreter", "organiser");
    }

    @Override
    protected Map<String, String> pathSamples() {
        return Map.of("sessionId", sessionId, "id", sessionId, "userId", HOST, "topic", "session.events", "partition", "0",
                "offset", "0");
    }

    /**
     * The Zoom rate limiter's per-second call counters: a request may ask Zoom before it is refused (a host
     * Zoom does not know), and the counters of past seconds expire on their own. They count calls, they hold no
     * state of the platform.
     */
    @Override
    protected List<String> backgroundKeys() {
        return List.of("*:processed:*", "*:zoom:rate:*");
    }

    @Override
    protected Map<String, String> exampleQueries() {
        return Map.of("GET /api/streaming/board", "day=" + DAY, "GET /api/streaming/board.csv", "day=" + DAY,
                "GET /api/streaming/hosts/plan", "day=" + DAY);
    }

    @Override
    protected Map<String, Body> exampleBodies() {
        return Map.of(
                "POST /api/streaming/operations/dead-letters/{topic}/replay", Body.json("{\"records\":[{\"partition\":0,\"offset\":0}]}"),
                "PUT /api/streaming/sessions/{sessionId}/livestream", Body.json("""
                        {"streamUrl": "rtmps://live.example.org/app", "streamKey": "secret-key-9876",
                         "pageUrl": "https://uclg.org/live", "resolution": "1080p"}"""),
                "POST /api/streaming/hosts", Body.json("{\"userId\": \"host6@hybridconf.example\", \"webinarLicence\": true}"),
                "POST /webhooks/zoom", Body.json("""
                        {"event": "meeting.started", "event_ts": 1780000000000,
                         "payload": {"account_id": "a", "object": {"id": "81234567890", "uuid": "abc=="}}}"""));
    }

}

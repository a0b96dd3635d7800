package dev.hybridconf.zoomemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks as the platform receives them, with MockWebServer standing in for its {@code /webhooks/zoom} endpoint:
 * Zoom-shaped bodies, signatures checked here with an HMAC of their own, retries, and the URL-validation challenge.
 */
class WebhooksTests extends EmulatorTestSupport {

    private static final String SECRET = "a-webhook-secret-only-these-tests-know";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private MockWebServer platform;

    @BeforeEach
    void platformStandIn() throws Exception {
        platform = new MockWebServer();
        platform.start(0);
        admin("PUT", "/webhooks", "{\"urls\":[\"" + platform.url("/webhooks/zoom") + "\"],\"secretToken\":\"" + SECRET
                + "\"}");
    }

    @AfterEach
    void stopPlatform() {
        platform.close();
    }

    @Test
    void startJoinLeaveAndEndEachSendAZoomShapedSignedWebhook() throws Exception {
        JsonNode meeting = createMeeting(HOST, "{\"approval_type\":0}");
        long id = meeting.path("id").asLong();
        JsonNode registrant = register(id, "amina@dakar.sn").json();
        for (int i = 0; i < 4; i++) {
            platform.enqueue(new MockResponse.Builder().code(200).build());
        }

        assertThat(admin("POST", "/meetings/" + id + "/start", null).status()).isEqualTo(200);
        JsonNode started = receive("meeting.started");
        JsonNode object = started.path("payload").path("object");
        assertThat(started.path("payload").path("account_id").asString()).isEqualTo(ZoomHttp.ACCOUNT_ID);
        assertThat(object.path("id").asString()).isEqualTo(Long.toString(id));
        assertThat(object.path("uuid").asString()).isEqualTo(meeting.path("uuid").asString());
        assertThat(object.path("host_id").asString()).isEqualTo(meeting.path("host_id").asString());
        assertThat(object.path("topic").asString()).isEqualTo("Breakout B3: Local finance");
        assertThat(object.path("type").asInt()).isEqualTo(2);
        assertThat(object.path("start_time").asString()).isNotBlank();
        assertThat(started.path("event_ts").asLong()).isPositive();

        JsonNode joined = admin("POST", "/meetings/" + id + "/participants",
                "{\"joinUrl\":\"" + registrant.path("join_url").asString() + "\"}").json().path("result");
        JsonNode participant = receive("meeting.participant_joined").path("payload").path("object")
                .path("participant");
        assertThat(participant.path("registrant_id").asString()).isEqualTo(registrant.path("registrant_id").asString());
        assertThat(participant.path("email").asString()).isEqualTo("amina@dakar.sn");
        assertThat(participant.path("user_name").asString()).isEqualTo("Amina Diallo");
        assertThat(participant.path("participant_uuid").asString()).isEqualTo(joined.path("participantUuid").asString());
        assertThat(participant.path("user_id").asString()).isNotBlank();
        assertThat(participant.path("join_time").asString()).isNotBlank();

        admin("POST", "/meetings/" + id + "/participants/" + joined.path("participantUuid").asString() + "/leave",
                null);
        JsonNode left = receive("meeting.participant_left").path("payload").path("object").path("participant");
        assertThat(left.path("leave_time").asString()).isNotBlank();
        assertThat(left.path("registrant_id").asString()).isEqualTo(registrant.path("registrant_id").asString());

        admin("POST", "/meetings/" + id + "/end", null);
        JsonNode ended = receive("meeting.ended");
        assertThat(ended.path("payload").path("object").path("end_time").asString()).isNotBlank();

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode events = admin("GET", "/webhooks/events?meetingId=" + id, null).json();
            assertThat(events.valueStream().map(e -> e.path("event").asString())).containsExactly("meeting.started",
                    "meeting.participant_joined", "meeting.participant_left", "meeting.ended");
            assertThat(events.findValuesAsString("state")).containsOnly("DELIVERED");
            assertThat(events.get(0).path("deliveries").get(0).path("attempts").get(0).path("status").asInt())
                    .isEqualTo(200);
        });
    }

    @Test
    void webinarsSendTheWebinarTwinsAndLiveStreamingIsAnnounced() throws Exception {
        long id = zoom.post("/v2/users/" + WEBINAR_HOST + "/webinars", """
                {"topic":"Opening plenary","type":5,"start_time":"2026-06-01T09:00:00Z","duration":120}""", token)
                .json().path("id").asLong();
        assertThat(zoom.patch("/v2/webinars/" + id + "/livestream", """
                {"stream_url":"rtmp://live.uclg.example/app","stream_key":"plenary-1",
                 "page_url":"https://live.uclg.example/plenary"}""", token).status()).isEqualTo(204);
        platform.setDispatcher(answering(200));

        ZoomHttp.Answer tooEarly = zoom.patch("/v2/webinars/" + id + "/livestream/status", "{\"action\":\"start\"}",
                token);
        assertThat(tooEarly.status()).isEqualTo(400);
        assertThat(tooEarly.json().path("code").asInt()).isEqualTo(3008);

        admin("POST", "/meetings/" + id + "/start", null);
        assertThat(zoom.patch("/v2/webinars/" + id + "/livestream/status", "{\"action\":\"start\"}", token).status())
                .isEqualTo(204);

        assertThat(receive("webinar.started").path("payload").path("object").path("type").asInt()).isEqualTo(5);
        JsonNode streaming = receive("webinar.live_streaming_started").path("payload");
        assertThat(streaming.path("object").path("id").isIntegralNumber()).isTrue();
        JsonNode settings = streaming.path("object").path("live_streaming").path("custom_live_streaming_settings");
        assertThat(settings.path("stream_url").asString()).isEqualTo("rtmp://live.uclg.example/app");
        assertThat(settings.path("page_url").asString()).isEqualTo("https://live.uclg.example/plenary");
        assertThat(streaming.path("operator").asString()).isEqualTo(WEBINAR_HOST);
        assertThat(zoom.get("/v2/webinars/" + id + "/livestream", token).json().path("stream_key").asString())
                .isEqualTo("plenary-1");
    }

    @Test
    void aFailedDeliveryIsRetriedWithTheSameBodyAndAFreshSignature() throws Exception {
        long id = createMeeting(HOST, null).path("id").asLong();
        platform.enqueue(new MockResponse.Builder().code(503).build());
        platform.enqueue(new MockResponse.Builder().code(204).build());

        admin("POST", "/meetings/" + id + "/start", null);

        RecordedRequest first = platform.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
        RecordedRequest retry = platform.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(retry).as("a retry after the 503").isNotNull();
        assertThat(retry.getBody().utf8()).isEqualTo(first.getBody().utf8());
        assertThat(retry.getHeaders().get("x-zm-trackingid")).isEqualTo(first.getHeaders().get("x-zm-trackingid"));
        assertSignedBy(SECRET, first);
        assertSignedBy(SECRET, retry);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode delivery = admin("GET", "/webhooks/events?event=meeting.started", null).json().get(0)
                    .path("deliveries").get(0);
            assertThat(delivery.path("state").asString()).isEqualTo("DELIVERED");
            assertThat(delivery.path("attempts").findValuesAsString("status")).containsExactly("503", "204");
        });
    }

    @Test
    void aDeliveryThatNeverSucceedsIsGivenUpAfterThreeRetries() {
        long id = createMeeting(HOST, null).path("id").asLong();
        platform.setDispatcher(answering(500));

        admin("POST", "/meetings/" + id + "/start", null);

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode delivery = admin("GET", "/webhooks/events", null).json().get(0).path("deliveries").get(0);
            assertThat(delivery.path("state").asString()).isEqualTo("FAILED");
            assertThat(delivery.path("attempts")).hasSize(4);
        });
    }

    @Test
    void urlValidationIsAnsweredRightOnlyWithTheHmacOfThePlainToken() {
        platform.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                JsonNode body = JsonMapper.shared().readTree(request.getBody().utf8());
                String plain = body.path("payload").path("plainToken").asString();
                return json("{\"plainToken\":\"" + plain + "\",\"encryptedToken\":\"" + hmacHex(SECRET, plain)
                        + "\"}");
            }
        });

        JsonNode valid = admin("POST", "/webhooks/url-validation", null).json().get(0);

        assertThat(valid.path("valid").asBoolean()).isTrue();
        assertThat(valid.path("status").asInt()).isEqualTo(200);
        assertThat(valid.path("answeredEncryptedToken").asString())
                .isEqualTo(hmacHex(SECRET, valid.path("plainToken").asString()));

        platform.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String plain = JsonMapper.shared().readTree(request.getBody().utf8()).path("payload")
                        .path("plainToken").asString();
                return json("{\"plainToken\":\"" + plain + "\",\"encryptedToken\":\"" + hmacHex("wrong", plain)
                        + "\"}");
            }
        });
        JsonNode invalid = admin("POST", "/webhooks/url-validation", null).json().get(0);
        assertThat(invalid.path("valid").asBoolean()).isFalse();
        assertThat(invalid.path("problem").asString()).contains("encryptedToken");
    }

    @Test
    void anEventCanBeReplayedTamperedWithOrSentWithAStaleTimestamp() throws Exception {
        long id = createMeeting(HOST, null).path("id").asLong();
        platform.setDispatcher(answering(200));
        String eventId = admin("POST", "/meetings/" + id + "/start", null).json().path("webhookEvents").get(0)
                .path("id").asString();
        RecordedRequest original = platform.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);

        admin("POST", "/webhooks/events/" + eventId + "/resend", null);
        RecordedRequest replay = platform.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(replay.getBody().utf8()).isEqualTo(original.getBody().utf8());
        assertSignedBy(SECRET, replay);

        admin("POST", "/webhooks/events/" + eventId + "/resend", "{\"tamper\":true}");
        RecordedRequest tampered = platform.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(tampered.getBody().utf8()).isNotEqualTo(original.getBody().utf8());
        assertThat(expectedSignature(SECRET, tampered)).isNotEqualTo(tampered.getHeaders().get("x-zm-signature"));

        admin("POST", "/webhooks/events/" + eventId + "/resend", "{\"timestampOffsetSeconds\":-600}");
        RecordedRequest stale = platform.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertSignedBy(SECRET, stale);
        assertThat(Long.parseLong(stale.getHeaders().get("x-zm-request-timestamp")))
                .isLessThan(Instant.now().getEpochSecond() - 500);
    }

    @Test
    void participantsJoinOnlyARunningMeetingAndWithRegistrationOnlyAsApprovedRegistrants() {
        platform.setDispatcher(answering(200));
        long id = meetingWithRegistration();
        JsonNode registrant = register(id, "amina@dakar.sn").json();
        String join = "{\"joinUrl\":\"" + registrant.path("join_url").asString() + "\"}";

        assertThat(admin("POST", "/meetings/" + id + "/participants", join).status()).as("not started").isEqualTo(409);
        admin("POST", "/meetings/" + id + "/start", null);
        ZoomHttp.Answer anonymous = admin("POST", "/meetings/" + id + "/participants", "{\"name\":\"Gate crasher\"}");
        assertThat(anonymous.status()).isEqualTo(409);
        assertThat(anonymous.json().path("detail").asString()).contains("requires registration");
        assertThat(admin("POST", "/meetings/" + id + "/participants", join).status()).isEqualTo(201);
        assertThat(admin("POST", "/meetings/" + id + "/participants", join).status())
                .as("the same personal link on a second device").isEqualTo(409);

        long other = createMeeting(OTHER_HOST, null).path("id").asLong();
        admin("POST", "/meetings/" + other + "/start", null);
        assertThat(admin("POST", "/meetings/" + other + "/participants", "{\"name\":\"Walk-in\"}").status())
                .as("no registration needed there").isEqualTo(201);
        long sameHost = createMeeting(OTHER_HOST, null).path("id").asLong();
        ZoomHttp.Answer parallel = admin("POST", "/meetings/" + sameHost + "/start", null);
        assertThat(parallel.status()).as("one running meeting per host").isEqualTo(409);
    }

    @Test
    void aDeletionThroughTheApiOrByTheHostIsAnnouncedAndCanBeLeftUnannounced() throws Exception {
        platform.setDispatcher(answering(200));
        JsonNode meeting = createMeeting(HOST, null);
        long viaApi = meeting.path("id").asLong();

        assertThat(zoom.delete("/v2/meetings/" + viaApi, token).status()).isEqualTo(204);

        JsonNode deleted = receive("meeting.deleted").path("payload");
        assertThat(deleted.path("object").path("id").isIntegralNumber()).as("a number, as in Zoom's reference")
                .isTrue();
        assertThat(deleted.path("object").path("id").asLong()).isEqualTo(viaApi);
        assertThat(deleted.path("object").path("uuid").asString()).isEqualTo(meeting.path("uuid").asString());
        assertThat(deleted.path("object").path("host_id").asString()).isEqualTo(meeting.path("host_id").asString());
        assertThat(deleted.path("operator").asString()).isEqualTo(HOST);
        assertThat(deleted.path("operation").asString()).isEqualTo("single");

        long webinar = zoom.post("/v2/users/" + WEBINAR_HOST + "/webinars", """
                {"topic":"Opening plenary","type":5,"start_time":"2026-06-01T09:00:00Z","duration":120}""", token)
                .json().path("id").asLong();
        ZoomHttp.Answer byHost = admin("DELETE", "/meetings/" + webinar, null);
        assertThat(byHost.status()).isEqualTo(200);
        assertThat(byHost.json().path("webhookEvents").get(0).path("event").asString()).isEqualTo("webinar.deleted");
        assertThat(receive("webinar.deleted").path("payload").path("object").path("id").asLong()).isEqualTo(webinar);
        assertThat(zoom.get("/v2/webinars/" + webinar, token).json().path("code").asInt()).isEqualTo(3001);

        long silently = createMeeting(HOST, null).path("id").asLong();
        ZoomHttp.Answer unannounced = admin("DELETE", "/meetings/" + silently + "?webhook=false", null);
        assertThat(unannounced.status()).isEqualTo(200);
        assertThat(unannounced.json().path("webhookEvents")).isEmpty();
        assertThat(unannounced.json().path("result").path("deleted").asBoolean()).isTrue();
        assertThat(zoom.get("/v2/meetings/" + silently, token).status()).isEqualTo(404);
        assertThat(admin("GET", "/webhooks/events?meetingId=" + silently, null).json()).isEmpty();
        assertThat(admin("DELETE", "/meetings/" + silently, null).status()).as("already deleted").isEqualTo(404);

        long running = createMeeting(OTHER_HOST, null).path("id").asLong();
        admin("POST", "/meetings/" + running + "/start", null);
        assertThat(admin("DELETE", "/meetings/" + running, null).status()).as("running").isEqualTo(409);
    }

    /** The next webhook the platform stand-in received, checked for Zoom's headers and signature, as JSON. */
    private JsonNode receive(String event) throws InterruptedException {
        RecordedRequest request = platform.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(request).as("webhook %s", event).isNotNull();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/webhooks/zoom");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertSignedBy(SECRET, request);
        long timestamp = Long.parseLong(request.getHeaders().get("x-zm-request-timestamp"));
        assertThat(timestamp).isBetween(Instant.now().getEpochSecond() - 30, Instant.now().getEpochSecond() + 1);
        JsonNode body = JsonMapper.shared().readTree(request.getBody().utf8());
        assertThat(body.path("event").asString()).isEqualTo(event);
        return body;
    }

    private static void assertSignedBy(String secret, RecordedRequest request) {
        assertThat(request.getHeaders().get("x-zm-signature")).isEqualTo(expectedSignature(secret, request));
    }

    /** v0= hex HMAC-SHA256(secret, "v0:" + timestamp + ":" + the raw body bytes), computed here independently. */
    private static String expectedSignature(String secret, RecordedRequest request) {
        byte[] prefix = ("v0:" + request.getHeaders().get("x-zm-request-timestamp") + ":")
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = request.getBody().toByteArray();
        byte[] message = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        return "v0=" + hmacHex(secret, message);
    }

    private static String hmacHex(String secret, String message) {
        return hmacHex(secret, message.getBytes(StandardCharsets.UTF_8));
    }

    private static String hmacHex(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Dispatcher answering(int status) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(status).build();
            }
        };
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }
}

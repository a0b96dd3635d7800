package dev.hybridconf.streaming.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.emulator.OnZoomEmulator;
import dev.hybridconf.streaming.emulator.ZoomEmulatorServer;
import dev.hybridconf.streaming.zoom.MeetingRequest;
import dev.hybridconf.streaming.zoom.MeetingSettings;
import dev.hybridconf.streaming.zoom.ZoomClient;
import dev.hybridconf.streaming.zoom.ZoomMeeting;
import dev.hybridconf.testinfra.TestTokens;
import dev.hybridconf.testinfra.TranslationAssertions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streaming staff's board, run sheet, host links and live streams, on real Redis and the Zoom
 * emulator. Sessions are written as provisioning leaves them (the meeting really exists on the emulator).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@OnZoomEmulator
class BoardTests {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    static final Instant NINE = Instant.parse("2026-12-02T08:00:00Z");

    @Autowired
    ZoomEmulatorServer emulator;

    @LocalServerPort
    int port;

    @Autowired
    RedisStore store;

    @Autowired
    StreamingKeys keys;

    @Autowired
    ZoomClient zoom;

    final HttpClient http = HttpClient.newHttpClient();
    final String staff = TestTokens.shared().token("staff-" + UUID.randomUUID(), "streaming-staff");

    @Test
    void theBoardShowsEverySessionOfTheDayWithItsMeetingHostRegistrantsAndStatusInTheReadersLanguage()
            throws Exception {
        String plenary = provisioned("PLENARY", NINE, "host1@hybridconf.example", "Ouverture", "Opening");
        String failed = session("BREAKOUT", NINE.plus(2, ChronoUnit.HOURS), Map.of("provisioning", "FAILED",
                "failureReason", "HOST_POOL_EXHAUSTED", "failureDetail", "6 hosts for 7 parallel sessions",
                "attempts", "1"));
        String coffee = session("BREAK", NINE.plus(1, ChronoUnit.HOURS), Map.of("needsMeeting", "false",
                "provisioning", "NOT_NEEDED"));
        store.redis().hset(keys.registrants(plenary), Map.of("r1", "{}", "r2", "{}"));
        store.redis().hset(keys.attendance(plenary), Map.of("r1", "{\"present\":true,\"joins\":1}",
                "r2", "{\"present\":false,\"joins\":2}"));
        session("PLENARY", NINE.plus(20, ChronoUnit.DAYS), Map.of());

        HttpResponse<String> answer = get("/api/streaming/board?day=" + DAY, staff, "fr");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode rows = JSON.readTree(answer.body()).path("rows");
        assertThat(rows).extracting(row -> row.path("sessionId").asString()).containsExactly(plenary, coffee, failed);
        JsonNode first = rows.get(0);
        assertThat(first.path("title").asString()).isEqualTo("Ouverture");
        assertThat(first.path("status").asString()).isEqualTo("PROVISIONED");
        assertThat(first.path("hostUserId").asString()).isEqualTo("host1@hybridconf.example");
        assertThat(first.path("meetingId").asString()).isNotBlank();
        assertThat(first.path("registrants").asLong()).isEqualTo(2);
        assertThat(first.path("present").asLong()).isEqualTo(1);
        assertThat(first.path("localStart").asString()).isEqualTo("09:00");
        assertThat(rows.get(1).path("status").asString()).isEqualTo("NOT_STREAMED");
        assertThat(rows.get(2).path("status").asString()).isEqualTo("FAILED");
        assertThat(rows.get(2).path("failure").path("reason").asString()).isEqualTo("HOST_POOL_EXHAUSTED");
        assertThat(answer.body()).doesNotContain("start_url", "startUrl", "zak=");
    }

    @Test
    void theRunSheetIsACsvOfTheDayWithFormulasNeutralised() throws Exception {
        provisioned("PLENARY", NINE.plus(1, ChronoUnit.DAYS).plus(3, ChronoUnit.HOURS), "host2@hybridconf.example", "=HYPERLINK(\"x\")",
                "=HYPERLINK(\"x\")");

        HttpResponse<String> csv = get("/api/streaming/board.csv?day=" + DAY.plusDays(1), staff, "en");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).as("a byte order mark, so that Excel reads UTF-8").startsWith("\uFEFF");
        List<String> lines = csv.body().substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", BoardController.RUN_SHEET_COLUMNS));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("'=HYPERLINK").contains("host2@hybridconf.example")
                .contains("12:00"));
    }

    @Test
    void onlyStreamingStaffAndOrganisersSeeTheBoardAndABadDayIsExplained() throws Exception {
        assertThat(get("/api/streaming/board?day=" + DAY, TestTokens.shared().participant(), "en").statusCode())
                .isEqualTo(403);
        assertThat(get("/api/streaming/board?day=" + DAY, TestTokens.shared().organiser(), "en").statusCode())
                .isEqualTo(200);
        HttpResponse<String> bad = get("/api/streaming/board?day=2-12-2026", staff, "es");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(bad.body()).path("detail").asString()).contains("aaaa-MM-dd");
    }

    @Test
    void streamingStaffGetAFreshWorkingHostLinkOnDemandAndEveryRequestIsAudited() throws Exception {
        String session = provisioned("BREAKOUT", NINE.plus(2, ChronoUnit.DAYS), "host3@hybridconf.example", "B1",
                "B1");

        HttpResponse<String> first = post("/api/streaming/sessions/" + session + "/host-link", staff, null);
        HttpResponse<String> second = post("/api/streaming/sessions/" + session + "/host-link", staff, null);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String link = JSON.readTree(first.body()).path("startUrl").asString();
        assertThat(link).startsWith(emulator.baseUrl()).contains("zak=");
        assertThat(JSON.readTree(second.body()).path("startUrl").asString()).isNotEqualTo(link);
        JsonNode audit = JSON.readTree(get("/api/streaming/sessions/" + session + "/host-link/audit",
                TestTokens.shared().organiser(), "en").body());
        assertThat(audit).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.path("requestedBy").asString()).startsWith("staff-");
            assertThat(entry.path("outcome").asString()).isEqualTo("REQUESTED");
        });
    }

    @Test
    void participantsAndOrganisersGetNoHostLinkAndAnUnprovisionedSessionIsExplained() throws Exception {
        String session = provisioned("BREAKOUT", NINE.plus(3, ChronoUnit.DAYS), "host4@hybridconf.example", "B2",
                "B2");
        String pending = session("BREAKOUT", NINE.plus(3, ChronoUnit.DAYS), Map.of());

        assertThat(post("/api/streaming/sessions/" + session + "/host-link", TestTokens.shared().participant(), null)
                .statusCode()).isEqualTo(403);
        assertThat(post("/api/streaming/sessions/" + session + "/host-link", TestTokens.shared().organiser(), null)
                .statusCode()).isEqualTo(403);
        assertThat(post("/api/streaming/sessions/" + pending + "/host-link", staff, null).statusCode()).isEqualTo(409);
        assertThat(post("/api/streaming/sessions/" + UUID.randomUUID() + "/host-link", staff, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aLiveStreamIsSetUpInZoomStartedAndStoppedAndItsKeyIsNeverShown() throws Exception {
        String session = provisioned("PLENARY", NINE.plus(4, ChronoUnit.DAYS), "host1@hybridconf.example", "P2", "P2");
        String meetingId = store.redis().hget(keys.session(session), "meetingId");

        HttpResponse<String> bad = put("/api/streaming/sessions/" + session + "/livestream", staff,
                Map.of("streamUrl", "ftp://x", "streamKey", "k", "pageUrl", "https://uclg.org/live"));
        HttpResponse<String> set = put("/api/streaming/sessions/" + session + "/livestream", staff,
                Map.of("streamUrl", "rtmps://live.example.org/app", "streamKey", "secret-key-9876",
                        "pageUrl", "https://uclg.org/live"));
        HttpResponse<String> tooEarly = post("/api/streaming/sessions/" + session + "/livestream/start", staff, null);
        emulator.admin("POST", "/meetings/" + meetingId + "/start", null);
        HttpResponse<String> started = post("/api/streaming/sessions/" + session + "/livestream/start", staff, null);

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).doesNotContain("secret-key").contains("9876");
        assertThat(zoom.getLiveStream(dev.hybridconf.streaming.zoom.ZoomKind.WEBINAR, Long.parseLong(meetingId))
                .streamKey()).isEqualTo("secret-key-9876");
        assertThat(tooEarly.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(tooEarly.body()).path("type").asString()).endsWith("meeting-not-started");
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(started.body()).path("state").asString()).isEqualTo("STARTED");
        JsonNode row = JSON.readTree(get("/api/streaming/board?day=" + DAY.plusDays(4), staff, "en").body())
                .path("rows");
        assertThat(row.get(0).path("liveStream").path("state").asString()).isEqualTo("STARTED");
        assertThat(row.toString()).doesNotContain("secret-key");
        assertThat(post("/api/streaming/sessions/" + session + "/livestream/stop", staff, null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aLiveStreamWithControlCharactersIsRefusedFieldByFieldBeforeZoomIsAsked() throws Exception {
        String session = provisioned("PLENARY", NINE.plus(5, ChronoUnit.DAYS), "host1@hybridconf.example", "P3", "P3");
        long meetingId = Long.parseLong(store.redis().hget(keys.session(session), "meetingId"));
        String before = String.valueOf(zoom.getLiveStream(dev.hybridconf.streaming.zoom.ZoomKind.WEBINAR, meetingId)
                .streamKey());

        HttpResponse<String> nul = put("/api/streaming/sessions/" + session + "/livestream", staff,
                Map.of("streamUrl", "rtmps://live.example.org/app", "streamKey", "key\u0000x",
                        "pageUrl", "https://uclg.org/live"));
        HttpResponse<String> everything = put("/api/streaming/sessions/" + session + "/livestream", staff,
                Map.of("streamUrl", "rtmp://live.example.org/app\u0007", "streamKey", "two words",
                        "pageUrl", "javascript:alert(1)", "resolution", "4k"));

        assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(nul.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://hybridconf.dev/problems/validation");
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("streamKey");
        assertThat(everything.statusCode()).as(everything.body()).isEqualTo(400);
        assertThat(JSON.readTree(everything.body()).path("errors").findValuesAsString("field"))
                .containsExactly("pageUrl", "resolution", "streamKey", "streamUrl");
        assertThat(String.valueOf(zoom.getLiveStream(dev.hybridconf.streaming.zoom.ZoomKind.WEBINAR, meetingId)
                .streamKey())).as("Zoom was not asked").isEqualTo(before);
        assertThat(JSON.readTree(get("/api/streaming/sessions/" + session + "/livestream", staff, "en").body())
                .path("state").asString()).isEqualTo("NOT_CONFIGURED");
    }

    @Test
    void everyBoardMessageExistsInEnglishFrenchAndSpanish() {
        TranslationAssertions.assertCompleteInEnglishFrenchAndSpanish("i18n/messages");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A session as provisioning leaves it, with its meeting (a webinar for plenaries) created on the emulator. */
    private String provisioned(String kind, Instant start, String host, String french, String english) {
        boolean webinar = "PLENARY".equals(kind);
        MeetingRequest request = new MeetingRequest(english, webinar ? MeetingRequest.WEBINAR
                : MeetingRequest.SCHEDULED_MEETING, start, 60, "Europe/Madrid", null,
                MeetingSettings.platformDefaults(null));
        ZoomMeeting meeting = webinar ? zoom.createWebinar(host, request) : zoom.createMeeting(host, request);
        String id = session(kind, start, Map.of("provisioning", "PROVISIONED", "hostUserId", host, "zoomKind",
                webinar ? "WEBINAR" : "MEETING", "meetingId", Long.toString(meeting.id()),
                "title", JSON.writeValueAsString(Map.of("fr", french, "en", english))));
        store.redis().set(keys.meeting(Long.toString(meeting.id())), id);
        return id;
    }

    private String session(String kind, Instant start, Map<String, String> overrides) {
        String id = UUID.randomUUID().toString();
        LocalDate day = start.atZone(java.time.ZoneId.of("Europe/Madrid")).toLocalDate();
        Map<String, String> hash = new HashMap<>(Map.of("conferenceId", "board-test", "kind", kind, "day",
                day.toString(), "start", start.toString(), "end", start.plus(1, ChronoUnit.HOURS).toString(),
                "timeZone", "Europe/Madrid", "format", "HYBRID", "title", "{\"en\":\"Session\"}",
                "sessionVersion", "1", "status", "SCHEDULED"));
        hash.put("needsMeeting", "true");
        hash.put("provisioning", "PENDING");
        hash.putAll(overrides);
        store.redis().hset(keys.session(id), hash);
        store.redis().zadd(keys.day(day), start.toEpochMilli(), id);
        return id;
    }

    private HttpResponse<String> get(String path, String token, String language) throws IOException,
            InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept-Language", language).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, Object body) throws IOException,
            InterruptedException {
        return send("POST", path, token, body);
    }

    private HttpResponse<String> put(String path, String token, Object body) throws IOException,
            InterruptedException {
        return send("PUT", path, token, body);
    }

    private HttpResponse<String> send(String method, String path, String token, Object body) throws IOException,
            InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}

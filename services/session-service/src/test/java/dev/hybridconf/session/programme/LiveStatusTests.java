package dev.hybridconf.session.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.EventPayload;
import dev.hybridconf.contracts.streaming.MeetingEnded;
import dev.hybridconf.contracts.streaming.MeetingStarted;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Live status over real HTTP, Kafka and Redis: organisers and streaming staff set it, the streaming
 * service's meeting events set it once per event and never backwards, it shows in the session views
 * without a new programme version, and "live now" lists exactly the live sessions.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class LiveStatusTests {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Autowired
    TopicNames topics;

    @Autowired
    EventCodec codec;

    @Autowired
    MeterRegistry meters;

    private final TestTokens tokens = TestTokens.shared();
    private final KafkaProbe kafka = KafkaProbe.shared();
    private ProgrammeApi api;
    private String conference;

    @BeforeEach
    void conference() {
        api = new ProgrammeApi(port, bootstrap, topics.physical("session.events"));
        conference = api.createLocalAction("conf", tokens.organiser());
    }

    @Test
    void organisersAndStreamingStaffMoveASessionLiveThenEndedAndItShowsEverywhereWithoutANewProgrammeVersion() {
        String opening = schedule("opening", "OPENING", "09:00", "09:30", "Auditorium");
        String plenary = schedule("plenary", "PLENARY", "09:30", "11:00", "Sala Mirador");
        long programmeVersion = programmeVersion();

        assertThat(api.json("POST", live(opening), tokens.participant(), "{\"status\": \"LIVE\"}").statusCode())
                .isEqualTo(403);
        HttpResponse<String> bad = api.json("POST", live(opening), tokens.organiser(), "{\"status\": \"PAUSED\"}");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(api.read(bad).get("errors").get(0).get("field").asString()).isEqualTo("status");

        HttpResponse<String> started = api.json("POST", live(opening),
                tokens.token(UUID.randomUUID().toString(), "streaming-staff"), "{\"status\": \"LIVE\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(api.read(started).get("liveStatus").asString()).isEqualTo("LIVE");
        assertThat(api.json("POST", live(plenary), tokens.organiser(), "{\"status\": \"LIVE\"}").statusCode())
                .isEqualTo(200);

        assertThat(liveNow()).containsExactly(opening, plenary);
        HttpResponse<String> seoul = api.get("/api/sessions/conferences/" + conference + "/live?tz=Asia/Seoul",
                tokens.participant());
        assertThat(api.read(seoul).get("sessions").get(0).get("start").asString()).isEqualTo("2024-11-07T17:00+09:00");
        HttpResponse<String> nowhere = api.get("/api/sessions/conferences/" + conference + "/live?tz=Mars/Olympus",
                tokens.participant());
        assertThat(nowhere.statusCode()).isEqualTo(400);
        assertThat(api.read(nowhere).get("errors").get(0).get("field").asString()).isEqualTo("tz");
        assertThat(api.read(api.get("/api/sessions/" + opening, tokens.participant())).get("liveStatus").asString())
                .isEqualTo("LIVE");
        assertThat(programmeVersion()).as("live status is not a programme change").isEqualTo(programmeVersion);

        HttpResponse<String> ended = api.json("POST", live(opening), tokens.organiser(), "{\"status\": \"ENDED\"}");
        assertThat(api.read(ended).get("liveStatus").asString()).isEqualTo("ENDED");
        assertThat(liveNow()).containsExactly(plenary);
        HttpResponse<String> again = api.json("POST", live(opening), tokens.organiser(), "{\"status\": \"LIVE\"}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(api.read(again).get("type").asString()).endsWith("/live-status-backwards");

        JsonNode programme = api.read(api.get("/api/sessions/conferences/" + conference + "/programme",
                tokens.participant()));
        assertThat(programme.get("days").get(0).get("sessions")).extracting(s -> s.get("liveStatus").asString())
                .containsExactly("ENDED", "LIVE");

        List<ProgrammeApi.Event> changes = awaitLiveEvents(opening, 2);
        assertThat(changes).extracting(e -> e.data().get("status").asString()).containsExactly("LIVE", "ENDED");
        assertThat(changes).extracting(e -> e.data().get("liveVersion").asLong()).containsExactly(1L, 2L);
        changes.forEach(e -> EventSchemaAssertions.assertValidEvent(e.raw()));
    }

    @Test
    void meetingEventsSetLiveStatusOncePerEventAndALateStartAfterTheEndIsIgnored() {
        String breakout = schedule("livelihoods", "BREAKOUT", "11:30", "13:00", "Room A");
        String topic = topics.physical("streaming.events");
        double ignoredBefore = count(MeetingStarted.TYPE, "ignored");
        double duplicatesBefore = count(MeetingStarted.TYPE, "duplicate");
        Instant start = Instant.parse("2024-11-07T10:31:00Z");

        String started = envelope(new MeetingStarted(breakout, start));
        kafka.send(topic, breakout, started);
        kafka.send(topic, breakout, started);

        await().atMost(DEADLINE).until(() -> count(MeetingStarted.TYPE, "duplicate") > duplicatesBefore);
        assertThat(status(breakout)).isEqualTo("LIVE");
        assertThat(liveNow()).containsExactly(breakout);
        assertThat(api.read(api.get(live(breakout), tokens.participant())).get("startedAt").asString())
                .isEqualTo("2024-11-07T11:31+01:00");

        kafka.send(topic, breakout, envelope(new MeetingEnded(breakout, start.plusSeconds(5400))));
        await().atMost(DEADLINE).until(() -> "ENDED".equals(status(breakout)));
        kafka.send(topic, breakout, envelope(new MeetingStarted(breakout, start.plusSeconds(60))));
        await().atMost(DEADLINE).until(() -> count(MeetingStarted.TYPE, "ignored") > ignoredBefore);

        assertThat(status(breakout)).isEqualTo("ENDED");
        assertThat(liveNow()).isEmpty();
        List<ProgrammeApi.Event> changes = awaitLiveEvents(breakout, 2);
        assertThat(changes).extracting(e -> e.data().get("status").asString()).containsExactly("LIVE", "ENDED");
        assertThat(changes).allSatisfy(e -> assertThat(e.data().get("origin").asString()).isEqualTo("STREAMING"));
        assertThat(changes.get(0).data().get("occurredAt").asString()).isEqualTo("2024-11-07T10:31:00Z");
    }

    private String envelope(EventPayload payload) {
        return codec.toJson(codec.wrap("streaming-link-service", payload));
    }

    private double count(String type, String outcome) {
        Counter counter = meters.find("events.consumed").tags("type", type, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private String status(String sessionId) {
        return api.read(api.get("/api/sessions/" + sessionId, tokens.participant())).get("liveStatus").asString();
    }

    private List<String> liveNow() {
        JsonNode live = api.read(api.get("/api/sessions/conferences/" + conference + "/live", tokens.participant()));
        return live.get("sessions").valueStream().map(s -> s.get("id").asString()).toList();
    }

    private static String live(String sessionId) {
        return "/api/sessions/" + sessionId + "/live";
    }

    private long programmeVersion() {
        return api.read(api.get("/api/sessions/conferences/" + conference, tokens.organiser()))
                .get("programmeVersion").asLong();
    }

    private String schedule(String key, String kind, String start, String end, String room) {
        HttpResponse<String> created = api.json("POST", "/api/sessions/conferences/" + conference + "/sessions",
                tokens.organiser(), """
                        {"key": "%s", "kind": "%s", "day": "2024-11-07", "start": "%s", "end": "%s", "room": "%s",
                         "format": "HYBRID", "title": {"en": "%s", "fr": "%s (fr)", "es": "%s (es)"}}"""
                        .formatted(key, kind, start, end, room, key, key, key));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return api.read(created).get("id").asString();
    }

    private List<ProgrammeApi.Event> awaitLiveEvents(String sessionId, int count) {
        await().atMost(DEADLINE).until(() -> liveEvents(sessionId).size() >= count);
        return liveEvents(sessionId);
    }

    private List<ProgrammeApi.Event> liveEvents(String sessionId) {
        return api.events(conference).stream().filter(e -> e.type().equals("session.live-status-changed.v1"))
                .filter(e -> sessionId.equals(e.key())).toList();
    }
}

package dev.hybridconf.streaming.provisioning;

import static dev.hybridconf.streaming.provisioning.ProvisioningSupport.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.session.SessionScheduled;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.Sessions;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.emulator.OnZoomEmulator;
import dev.hybridconf.streaming.emulator.ZoomEmulatorServer;
import dev.hybridconf.streaming.registrants.RegistrantFixtures;
import dev.hybridconf.streaming.registrants.TestEvents;
import dev.hybridconf.testinfra.AdjustableClock;
import dev.hybridconf.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * A session running past midnight in its conference's zone (Casablanca, 22:00–01:00 on 11 November 2027, that is
 * 21:00–00:00 UTC), as the session service announces it, on real Kafka and Redis against the Zoom emulator: its
 * meeting has its three hours, it keeps its host busy across midnight, it is on the board and run sheet of the day it
 * starts (ending the next date), the next day's host plan counts it, and a remote participant's join link opens 15
 * minutes before 22:00, still works after midnight and closes at 01:00.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "platform.streaming.hosts.seed=host3@hybridconf.example",
    "platform.streaming.provisioning.poll-interval=100ms",
    "platform.streaming.provisioning.initial-backoff=200ms",
    "platform.streaming.registrants.poll-interval=100ms",
    "platform.zoom.retry.initial-backoff=50ms"})
@OnZoomEmulator
@Import({AdjustableClock.Config.class, RegistrantFixtures.class})
class MidnightSessionTests {

    static final String CASABLANCA = "Africa/Casablanca";
    static final LocalDate ELEVENTH = LocalDate.parse("2027-11-11");
    static final LocalDate TWELFTH = LocalDate.parse("2027-11-12");
    static final Instant TEN_PM = Instant.parse("2027-11-11T21:00:00Z");
    static final Instant ONE_AM = Instant.parse("2027-11-12T00:00:00Z");
    static final TestTokens TOKENS = TestTokens.shared();
    static final String STAFF = TOKENS.token("staff-" + UUID.randomUUID(), "streaming-staff");

    @Autowired
    ZoomEmulatorServer emulator;

    @Autowired
    TopicNames topics;

    @Autowired
    Sessions sessions;

    @Autowired
    RedisStore store;

    @Autowired
    StreamingKeys keys;

    @Autowired
    AdjustableClock clock;

    @Autowired
    TestEvents events;

    @LocalServerPort
    int port;

    @Test
    void anEveningFromTenToOneIsProvisionedBoardedPlannedAndJoinedAtTheRightInstants() {
        clock.setTo(Instant.parse("2027-11-11T12:00:00Z"));
        ProvisioningSupport support = new ProvisioningSupport(topics, port);
        SessionScheduled evening = scheduled("gnawa-night", "PLENARY", ELEVENTH, TEN_PM, ONE_AM);
        // 00:30-01:30 on the 12th: while the evening still runs, on the pool's only host.
        SessionScheduled early = scheduled("early-breakout", "BREAKOUT", TWELFTH,
                Instant.parse("2027-11-11T23:30:00Z"), Instant.parse("2027-11-12T00:30:00Z"));
        support.publish(evening);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                sessions.find(evening.sessionId()).map(SessionView::provisioning)).hasValue("PROVISIONED"));
        support.publish(early);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                sessions.find(early.sessionId()).map(SessionView::failureReason)).hasValue("HOST_POOL_EXHAUSTED"));
        SessionView provisioned = sessions.find(evening.sessionId()).orElseThrow();
        JsonNode meeting = emulator.admin("/meetings/" + provisioned.meetingId());
        assertThat(meeting.path("startTime").asString()).isEqualTo("2027-11-11T21:00:00Z");
        assertThat(meeting.path("duration").asInt()).isEqualTo(180);
        assertThat(meeting.path("timezone").asString()).isEqualTo(CASABLANCA);

        JsonNode board = support.call("GET", "/api/streaming/board?day=2027-11-11", STAFF, null, "en").json();
        assertThat(board.path("rows")).extracting(r -> r.path("sessionId").asString())
                .containsExactly(evening.sessionId());
        JsonNode row = board.path("rows").get(0);
        assertThat(row.path("localStart").asString()).isEqualTo("22:00");
        assertThat(row.path("localEnd").asString()).isEqualTo("01:00");
        assertThat(row.path("localEndDay").asString()).isEqualTo("2027-11-12");
        assertThat(row.path("end").asString()).isEqualTo("2027-11-12T00:00:00Z");
        JsonNode nextBoard = support.call("GET", "/api/streaming/board?day=2027-11-12", STAFF, null, "en").json();
        assertThat(nextBoard.path("rows")).extracting(r -> r.path("sessionId").asString())
                .as("the day it starts, not the day it ends").containsExactly(early.sessionId());
        List<String> runSheet = support.call("GET", "/api/streaming/board.csv?day=2027-11-11", STAFF, null, "en")
                .body().substring(1).lines().toList();
        assertThat(runSheet.get(0)).startsWith("day,start,end,end_day,time_zone,session_id");
        assertThat(runSheet.get(1)).startsWith("2027-11-11,22:00,01:00,2027-11-12,Africa/Casablanca,"
                + evening.sessionId());

        JsonNode plan = support.call("GET", "/api/streaming/hosts/plan?day=2027-11-12", STAFF, null, null).json();
        assertThat(plan.path("shortfalls")).as("the evening still holds the host after midnight").hasSize(1);
        JsonNode shortfall = plan.path("shortfalls").get(0);
        assertThat(shortfall.path("from").asString()).isEqualTo("2027-11-11T23:30:00Z");
        assertThat(shortfall.path("to").asString()).as("the evening's end plus the 10-minute buffer")
                .isEqualTo("2027-11-12T00:10:00Z");
        assertThat(shortfall.path("sessionIds")).extracting(JsonNode::asString)
                .containsExactly(evening.sessionId(), early.sessionId());
        assertThat(plan.path("sessionsNeedingHost").asInt()).as("the 12th's own sessions").isEqualTo(1);
        JsonNode eveningPlan = support.call("GET", "/api/streaming/hosts/plan?day=2027-11-11", STAFF, null, null)
                .json();
        assertThat(eveningPlan.path("shortfalls")).as("reported once, on the day of the later session").isEmpty();

        String remote = UUID.randomUUID().toString();
        List<CloudEvent> approval = new ArrayList<>();
        approval.add(events.registration(new RegistrationApproved(remote, "casablanca-nights", "REMOTE", "fr", null,
                "Africa/Casablanca", List.of("participant"))));
        events.registrationEvents(approval);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> store.redis().hexists(keys.registrants(evening.sessionId()), remote));
        String token = TOKENS.token(remote, "participant");

        clock.setTo(Instant.parse("2027-11-11T20:44:00Z"));
        ProvisioningSupport.Answer early21h44 = join(support, evening, token);
        assertThat(early21h44.status()).as(early21h44.body()).isEqualTo(425);
        assertThat(early21h44.json().path("opensAt").asString()).isEqualTo("2027-11-11T20:45:00Z");
        clock.setTo(Instant.parse("2027-11-11T20:46:00Z"));
        ProvisioningSupport.Answer open = join(support, evening, token);
        assertThat(open.status()).as(open.body()).isEqualTo(200);
        assertThat(open.json().path("start").asString()).isEqualTo("2027-11-11T21:00:00Z");
        assertThat(open.json().path("end").asString()).isEqualTo("2027-11-12T00:00:00Z");
        assertThat(open.json().path("timeZone").asString()).isEqualTo(CASABLANCA);
        assertThat(open.json().path("joinUrl").asString()).startsWith(emulator.baseUrl());
        clock.setTo(Instant.parse("2027-11-11T23:30:00Z"));
        ProvisioningSupport.Answer afterMidnight = join(support, evening, token);
        assertThat(afterMidnight.status()).as("00:30 in Casablanca: " + afterMidnight.body()).isEqualTo(200);
        assertThat(afterMidnight.json().path("joinUrl").asString()).isEqualTo(open.json().path("joinUrl").asString());
        clock.setTo(Instant.parse("2027-11-12T00:00:01Z"));
        ProvisioningSupport.Answer closed = join(support, evening, token);
        assertThat(closed.status()).as(closed.body()).isEqualTo(410);
        assertThat(closed.json().path("type").asString()).endsWith("/join-closed");
    }

    private static SessionScheduled scheduled(String name, String kind, LocalDate day, Instant start, Instant end) {
        return new SessionScheduled(id(name), "casablanca-nights", 1, 1, kind, day, start, end, CASABLANCA, "HYBRID",
                List.of("en", "fr"), false, "BREAKOUT".equals(kind) ? 40 : null, List.of(), null, "Riad " + name, null,
                null, Map.of("en", "Session " + name, "fr", "Séance " + name));
    }

    private static ProvisioningSupport.Answer join(ProvisioningSupport support, SessionScheduled session, String token) {
        return support.call("GET", "/api/streaming/sessions/" + session.sessionId() + "/join", token, null, "fr");
    }
}

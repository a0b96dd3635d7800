package dev.hybridconf.streaming.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hybridconf.contracts.session.SessionScheduled;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.Sessions;
import dev.hybridconf.streaming.emulator.OnZoomEmulator;
import dev.hybridconf.streaming.emulator.ZoomEmulatorServer;
import dev.hybridconf.streaming.zoom.ZoomClient;
import dev.hybridconf.streaming.zoom.ZoomKind;
import dev.hybridconf.streaming.zoom.ZoomMeeting;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Forty breakouts provisioned while the emulator answers 20% of Zoom calls with 503, refuses a burst of creates with
 * 429, and answers creates on one host too late (the client times out, the meeting exists): every session ends with
 * exactly one meeting, the lost ones found again by their agenda marker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "platform.streaming.hosts.seed=host1@hybridconf.example:webinar,host2@hybridconf.example:webinar,"
            + "host3@hybridconf.example,host4@hybridconf.example,host5@hybridconf.example,host6@hybridconf.example",
    "platform.streaming.provisioning.poll-interval=100ms",
    "platform.streaming.provisioning.initial-backoff=100ms",
    "platform.streaming.provisioning.max-backoff=1s",
    "platform.zoom.retry.initial-backoff=20ms",
    "platform.zoom.retry.max-backoff=200ms",
    "platform.zoom.timeouts.read=700ms",
    "platform.zoom.timeouts.call=1500ms",
    "platform.zoom.circuit-breaker.open-for=300ms"})
@OnZoomEmulator
class ProvisioningUnderFaultsTests {

    static final List<String> HOSTS = List.of("host1", "host2", "host3", "host4", "host5", "host6").stream()
            .map(h -> h + "@hybridconf.example").toList();

    @Autowired
    ZoomEmulatorServer emulator;

    @Autowired
    TopicNames topics;

    @Autowired
    Sessions sessions;

    @Autowired
    ZoomClient zoom;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Test
    void everySessionGetsExactlyOneMeetingThroughServerErrorsRateLimitsAndLostAnswers() {
        emulator.admin("PUT", "/faults", """
                [{"path":"/v2/users/host3%40hybridconf.example/meetings","methods":["POST"],"latencyMillis":1000,
                  "times":4},
                 {"path":"/v2/users/host4%40hybridconf.example/meetings","methods":["POST"],"tooManyRequestsRate":1,
                  "times":6},
                 {"path":"/v2/**","serverErrorRate":0.2,"serverErrorStatus":503}]""");
        ProvisioningSupport support = new ProvisioningSupport(topics, port);
        LocalDate day = LocalDate.of(2027, 9, 1);
        Instant first = Instant.parse("2027-09-01T07:00:00Z");
        List<SessionScheduled> all = new ArrayList<>();
        for (int slot = 0; slot < 8; slot++) {
            for (int room = 0; room < 5; room++) {
                all.add(ProvisioningSupport.scheduled("faulty-" + slot + "-" + room, "BREAKOUT", day,
                        first.plus(Duration.ofMinutes(90L * slot)), 60, "HYBRID", "S" + slot, 1));
            }
        }
        all.forEach(support::publish);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(sessions.onDay(day)).hasSize(40)
                .allSatisfy(s -> assertThat(s.provisioning()).isEqualTo("PROVISIONED")));
        emulator.admin("DELETE", "/faults", null);

        JsonNode outcomes = emulator.admin("/calls").path("endpoints");
        String seen = outcomes.toString();
        assertThat(seen).as("faults were injected").contains("\"503\"").contains("\"429\"");

        // Exactly one meeting per session at Zoom, and each is the one the session names.
        List<ZoomMeeting> held = new ArrayList<>();
        HOSTS.forEach(host -> held.addAll(zoom.scheduled(ZoomKind.MEETING, host)));
        Map<String, Long> perMarker = held.stream().filter(m -> m.agenda() != null
                && m.agenda().startsWith("[hybridconf-session:"))
                .filter(m -> m.startTime().toString().startsWith("2027-09-01"))
                .collect(Collectors.groupingBy(ZoomMeeting::agenda, Collectors.counting()));
        assertThat(perMarker).hasSize(40).allSatisfy((marker, count) -> assertThat(count).as(marker).isEqualTo(1));
        Map<Long, ZoomMeeting> byId = held.stream().collect(Collectors.toMap(ZoomMeeting::id, Function.identity()));
        for (SessionView session : sessions.onDay(day)) {
            ZoomMeeting meeting = byId.get(Long.parseLong(session.meetingId()));
            assertThat(meeting).as(session.sessionId()).isNotNull();
            assertThat(meeting.agenda()).contains(session.sessionId());
        }
        assertThat(meters.find("streaming.provisioning.lookups").tag("found", "true").counter())
                .as("a create whose answer was lost was found again").isNotNull();
        assertThat(meters.find("streaming.provisioning.lookups").tag("found", "true").counter().count())
                .isGreaterThanOrEqualTo(1);

        List<JsonNode> failures = support.emitted(40, Duration.ofSeconds(20)).stream()
                .filter(e -> e.path("type").asString().equals("streaming.provisioning-failed.v1")).toList();
        assertThat(failures).isNotEmpty().allSatisfy(e -> assertThat(e.path("data").path("reason").asString())
                .isIn("ZOOM_UNAVAILABLE", "ZOOM_REJECTED"));
        support.assertEveryEmittedEventIsValid();
    }
}

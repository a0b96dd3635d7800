package dev.hybridconf.streaming.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.Sessions;
import dev.hybridconf.streaming.emulator.OnZoomEmulator;
import dev.hybridconf.streaming.emulator.ZoomEmulatorServer;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Meetings lost without any notice (no webhook reaches the service, and nobody calls Zoom about them) are found by
 * the periodic reconciliation of what each host holds at Zoom with what the platform expects, and repaired; the
 * reconciliation itself spends no meeting create/update request and lists only hosts that should hold something.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "platform.streaming.hosts.seed=host1@hybridconf.example:webinar,host2@hybridconf.example:webinar,"
            + "host3@hybridconf.example,host4@hybridconf.example,host5@hybridconf.example,host6@hybridconf.example",
    "platform.streaming.provisioning.poll-interval=100ms",
    "platform.streaming.registrants.poll-interval=100ms",
    "platform.streaming.join.opens-before=7d",
    "platform.streaming.reconciliation.initial-delay=1s",
    "platform.streaming.reconciliation.interval=2s",
    "platform.streaming.reconciliation.poll-interval=500ms",
    "platform.zoom.retry.initial-backoff=50ms"})
@OnZoomEmulator
class MeetingReconciliationTests {

    static final String LIST_MEETINGS = "GET /v2/users/{userId}/meetings";
    static final String LIST_WEBINARS = "GET /v2/users/{userId}/webinars";

    @Autowired
    ZoomEmulatorServer emulator;

    @Autowired
    TopicNames topics;

    @Autowired
    Sessions sessions;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Test
    void meetingsLostWithoutANoticeAreFoundByTheReconciliationAndReplacedOnceEach() {
        RepairFixture fixture = new RepairFixture(topics, port, emulator, sessions, meters);
        List<String> participants = fixture.approveRemote(2);
        SessionView webinar = fixture.provision("reconcile-plenary", "PLENARY", RepairFixture.hoursAhead(1));
        SessionView meeting = fixture.provision("reconcile-side", "SIDE_EVENT", RepairFixture.hoursAhead(1));
        SessionView kept = fixture.provision("reconcile-kept", "SIDE_EVENT", RepairFixture.hoursAhead(4));
        webinar = fixture.awaitEveryJoinWorks(webinar.sessionId(), participants);
        meeting = fixture.awaitEveryJoinWorks(meeting.sessionId(), participants);
        kept = fixture.awaitEveryJoinWorks(kept.sessionId(), participants);
        long creates = fixture.creates();
        long updates = updates();

        emulator.admin("DELETE", "/meetings/" + webinar.meetingId() + "?webhook=false", null);
        emulator.admin("DELETE", "/meetings/" + meeting.meetingId() + "?webhook=false", null);

        SessionView webinarAfter = fixture.awaitEveryJoinWorks(webinar.sessionId(), participants);
        SessionView meetingAfter = fixture.awaitEveryJoinWorks(meeting.sessionId(), participants);
        assertThat(webinarAfter.meetingId()).isNotEqualTo(webinar.meetingId());
        assertThat(meetingAfter.meetingId()).isNotEqualTo(meeting.meetingId());
        assertThat(sessions.find(kept.sessionId()).orElseThrow().meetingId()).as("untouched")
                .isEqualTo(kept.meetingId());
        assertThat(fixture.lost("reconciliation")).isEqualTo(2);
        assertThat(fixture.liveMeetingsTitled("reconcile-plenary")).isEqualTo(1);
        assertThat(fixture.liveMeetingsTitled("reconcile-side")).isEqualTo(1);
        JsonNode row = fixture.boardRow(meetingAfter, "fr");
        assertThat(row.path("repair").path("detection").asString()).isEqualTo("reconciliation");
        assertThat(row.path("repair").path("state").asString()).isEqualTo("REPAIRED");

        // Further passes find everything in place: no create or update is spent, and lists stay few.
        long listsAfterRepair = emulator.calls(LIST_MEETINGS) + emulator.calls(LIST_WEBINARS);
        await().atMost(RepairFixture.DEADLINE).until(
                () -> emulator.calls(LIST_MEETINGS) + emulator.calls(LIST_WEBINARS) >= listsAfterRepair + 4);
        assertThat(fixture.creates() - creates).as("one new meeting per lost one").isEqualTo(2);
        assertThat(updates()).isEqualTo(updates);
        assertThat(fixture.lost("reconciliation")).isEqualTo(2);
        // Only the webinar host's webinars and the meeting host's meetings are listed: no call for idle hosts.
        List<String> webinarHosts = List.of("/v2/users/" + webinar.hostUserId() + "/webinars");
        List<String> meetingHosts = List.of("/v2/users/" + meeting.hostUserId() + "/meetings",
                "/v2/users/" + kept.hostUserId() + "/meetings");
        for (JsonNode call : emulator.admin("/calls").path("recent")) {
            String endpoint = call.path("endpoint").asString();
            String path = java.net.URLDecoder.decode(call.path("path").asString(),
                    java.nio.charset.StandardCharsets.UTF_8);
            if (endpoint.equals(LIST_WEBINARS)) {
                assertThat(path).isIn(webinarHosts);
            } else if (endpoint.equals(LIST_MEETINGS)) {
                assertThat(path).isIn(meetingHosts);
            }
        }
    }

    private long updates() {
        return emulator.calls("PATCH /v2/meetings/{meetingId}") + emulator.calls("PATCH /v2/webinars/{webinarId}");
    }
}

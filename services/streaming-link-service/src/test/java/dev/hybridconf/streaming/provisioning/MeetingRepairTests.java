package dev.hybridconf.streaming.provisioning;

import static dev.hybridconf.streaming.provisioning.ProvisioningSupport.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hybridconf.contracts.session.SessionScheduled;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.Sessions;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.emulator.OnZoomEmulator;
import dev.hybridconf.streaming.emulator.ZoomEmulatorServer;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Meetings deleted at Zoom behind the platform's back, noticed through Zoom's {@code meeting.deleted} /
 * {@code webinar.deleted} webhook or through Zoom's "does not exist" answer to any call about them, and repaired:
 * exactly one new meeting, every registrant registered again, new join links, and staff told on the board. The
 * platform's own deletions (a cancelled session, a session moved to another host) are not taken for losses. The
 * periodic reconciliation is off here, so that each loss is noticed the way the test means it to be.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "platform.streaming.hosts.seed=host1@hybridconf.example:webinar,host2@hybridconf.example:webinar,"
            + "host3@hybridconf.example,host4@hybridconf.example,host5@hybridconf.example,host6@hybridconf.example",
    "platform.streaming.provisioning.poll-interval=100ms",
    "platform.streaming.provisioning.initial-backoff=200ms",
    "platform.streaming.registrants.poll-interval=100ms",
    "platform.streaming.join.opens-before=7d",
    "platform.streaming.reconciliation.enabled=false",
    "platform.zoom.retry.initial-backoff=50ms",
    "platform.zoom.webhooks.secret-token=" + ZoomEmulatorServer.WEBHOOK_SECRET})
@OnZoomEmulator
class MeetingRepairTests {

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
    MeterRegistry meters;

    @LocalServerPort
    int port;

    RepairFixture fixture;

    @BeforeEach
    void webhooksToTheService() {
        fixture = new RepairFixture(topics, port, emulator, sessions, meters);
        emulator.admin("PUT", "/webhooks", Map.of("urls", List.of("http://localhost:" + port + "/webhooks/zoom"),
                "secretToken", ZoomEmulatorServer.WEBHOOK_SECRET));
    }

    @Test
    void aWebinarTheHostDeletesInZoomIsReplacedOnceAndEveryParticipantGetsTheNewWebinarsLink() {
        List<String> participants = fixture.approveRemote(3);
        SessionView before = fixture.provision("repair-webhook", "PLENARY", RepairFixture.hoursAhead(0));
        assertThat(before.zoomKind()).isEqualTo("WEBINAR");
        before = fixture.awaitEveryJoinWorks(before.sessionId(), participants);
        String lost = before.meetingId();
        long creates = fixture.creates();
        double noticed = fixture.lost("webhook");
        // Zoom takes its time creating the replacement, so that the repair can be watched.
        emulator.admin("PUT", "/faults", List.of(Map.of("path", "/v2/users/{userId}/webinars",
                "methods", List.of("POST"), "latencyMillis", 4000, "times", 1)));

        emulator.admin("DELETE", "/meetings/" + lost, null);

        // While it is being repaired: no dead link, a clear "try again", and staff see it on the board.
        String session = before.sessionId();
        SessionView lostSession = before;
        await().atMost(RepairFixture.DEADLINE).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            ProvisioningSupport.Answer join = fixture.join(session, participants.get(0));
            assertThat(join.status()).as(join.body()).isEqualTo(503);
            assertThat(join.json().path("type").asString()).endsWith("/join-not-ready");
            assertThat(join.headers().firstValue("Retry-After")).isPresent();
            assertThat(fixture.boardRow(lostSession, "en").path("status").asString()).isEqualTo("REPAIRING");
        });

        SessionView after = fixture.awaitEveryJoinWorks(session, participants);
        assertThat(after.meetingId()).isNotEqualTo(lost);
        assertThat(after.zoomKind()).isEqualTo("WEBINAR");
        assertThat(fixture.creates() - creates).as("exactly one new webinar").isEqualTo(1);
        assertThat(fixture.liveMeetingsTitled("repair-webhook")).isEqualTo(1);
        assertThat(emulator.admin("/meetings/" + after.meetingId() + "/registrants")).as("every remote participant")
                .hasSize((int) (long) store.redis().scard(keys.remoteParticipants(ProvisioningSupport.CONFERENCE)));
        assertThat(fixture.lost("webhook") - noticed).isEqualTo(1);

        JsonNode provisioned = fixture.support.emitted("streaming.link-provisioned.v1", session, Duration.ofSeconds(20))
                .stream().filter(e -> e.path("data").path("meetingId").asString().equals(after.meetingId()))
                .findFirst().orElseThrow();
        assertThat(provisioned.path("data").path("created").asBoolean()).isTrue();
        EventSchemaAssertions.assertValidEvent(provisioned.toString());

        JsonNode row = fixture.boardRow(after, "en");
        assertThat(row.path("status").asString()).isEqualTo("PROVISIONED");
        assertThat(row.path("meetingId").asString()).isEqualTo(after.meetingId());
        JsonNode repair = row.path("repair");
        assertThat(repair.path("state").asString()).isEqualTo("REPAIRED");
        assertThat(repair.path("lostMeetingId").asString()).isEqualTo(lost);
        assertThat(repair.path("newMeetingId").asString()).isEqualTo(after.meetingId());
        assertThat(repair.path("detection").asString()).isEqualTo("webhook");
        assertThat(Instant.parse(repair.path("repairedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(repair.path("lostAt").asString()));
        String english = repair.path("message").asString();
        String french = fixture.boardRow(after, "fr").path("repair").path("message").asString();
        String spanish = fixture.boardRow(after, "es").path("repair").path("message").asString();
        assertThat(List.of(english, french, spanish)).allSatisfy(text -> assertThat(text).contains(lost)
                .contains(after.meetingId())).doesNotHaveDuplicates();
        assertThat(french).contains("Zoom");
    }

    @Test
    void aMeetingZoomNoLongerHasIsNoticedByTheNextCallAboutItWhateverTheCall() {
        List<String> participants = fixture.approveRemote(2);
        SessionView session = fixture.provision("repair-calls", "SIDE_EVENT", RepairFixture.hoursAhead(3));
        assertThat(session.zoomKind()).isEqualTo("MEETING");
        session = fixture.awaitEveryJoinWorks(session.sessionId(), participants);
        double noticed = fixture.lost("call");

        // Staff ask for the host link of a meeting deleted without a word: a "try again", not a 502 for ever.
        String first = session.meetingId();
        emulator.admin("DELETE", "/meetings/" + first + "?webhook=false", null);
        ProvisioningSupport.Answer hostLink = fixture.support.call("POST",
                "/api/streaming/sessions/" + session.sessionId() + "/host-link", fixture.staff, null, "es");
        assertThat(hostLink.status()).as(hostLink.body()).isEqualTo(503);
        assertThat(hostLink.json().path("type").asString()).endsWith("/meeting-repairing");
        assertThat(hostLink.headers().firstValue("Retry-After")).isPresent();
        assertThat(hostLink.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        session = fixture.awaitEveryJoinWorks(session.sessionId(), participants);
        assertThat(session.meetingId()).isNotEqualTo(first);
        ProvisioningSupport.Answer fresh = fixture.support.call("POST",
                "/api/streaming/sessions/" + session.sessionId() + "/host-link", fixture.staff, null, "en");
        assertThat(fresh.status()).as(fresh.body()).isEqualTo(200);
        assertThat(fresh.json().path("meetingId").asString()).isEqualTo(session.meetingId());

        // The registrant sync meets the 404 when a newly approved participant is registered.
        String second = session.meetingId();
        emulator.admin("DELETE", "/meetings/" + second + "?webhook=false", null);
        List<String> everyone = new java.util.ArrayList<>(participants);
        everyone.addAll(fixture.approveRemote(1));
        session = fixture.awaitEveryJoinWorks(session.sessionId(), everyone);
        assertThat(session.meetingId()).isNotIn(first, second);

        // Provisioning meets it when a reschedule is sent to Zoom: the new meeting has the new time.
        String third = session.meetingId();
        emulator.admin("DELETE", "/meetings/" + third + "?webhook=false", null);
        SessionScheduled scheduled = ProvisioningSupport.scheduled("repair-calls", "SIDE_EVENT",
                RepairFixture.day(RepairFixture.hoursAhead(3)), RepairFixture.hoursAhead(3), 60, "HYBRID", null, 1);
        Instant later = RepairFixture.hoursAhead(4);
        fixture.support.publish(ProvisioningSupport.rescheduled(scheduled, later, 45, 2));
        session = fixture.awaitEveryJoinWorks(session.sessionId(), everyone);
        assertThat(session.meetingId()).isNotIn(first, second, third);
        JsonNode meeting = emulator.admin("/meetings/" + session.meetingId());
        assertThat(Instant.parse(meeting.path("startTime").asString())).isEqualTo(later);
        assertThat(meeting.path("duration").asInt()).isEqualTo(45);

        assertThat(fixture.lost("call") - noticed).isEqualTo(3);
        assertThat(fixture.liveMeetingsTitled("repair-calls")).isEqualTo(1);
        assertThat(fixture.boardRow(session, "en").path("repair").path("detection").asString()).isEqualTo("call");
        assertThat(store.redis().exists(keys.registrantIds(first))).as("no registration ids left for a lost meeting")
                .isFalse();
    }

    @Test
    void thePlatformsOwnDeletionsAreNotTakenForLostMeetings() {
        Instant nine = RepairFixture.hoursAhead(10);
        SessionView cancelled = fixture.provision("own-cancelled", "SIDE_EVENT", nine.plus(Duration.ofHours(5)));
        SessionView early = fixture.provision("own-early", "SIDE_EVENT", nine);
        SessionView late = fixture.provision("own-late", "SIDE_EVENT", nine.plus(Duration.ofHours(2)));
        assertThat(late.hostUserId()).as("one host can hold both").isEqualTo(early.hostUserId());
        long creates = fixture.creates();
        double deletedWebhooks = consumed("meeting.deleted");
        double noticed = fixture.lost("webhook") + fixture.lost("call") + fixture.lost("reconciliation");

        // Cancelled: the platform deletes the meeting, and Zoom announces it.
        fixture.support.publish(ProvisioningSupport.cancelled(ProvisioningSupport.scheduled("own-cancelled",
                "SIDE_EVENT", RepairFixture.day(nine), nine.plus(Duration.ofHours(5)), 60, "HYBRID", null, 1), 2));
        // Moved onto a time its host is busy: the platform deletes it there and creates it on another host.
        fixture.support.publish(ProvisioningSupport.rescheduled(ProvisioningSupport.scheduled("own-late",
                "SIDE_EVENT", RepairFixture.day(nine), nine.plus(Duration.ofHours(2)), 60, "HYBRID", null, 1),
                nine.plus(Duration.ofMinutes(30)), 60, 2));

        await().atMost(RepairFixture.DEADLINE).untilAsserted(() -> {
            assertThat(emulator.admin("/meetings/" + cancelled.meetingId()).path("deleted").asBoolean()).isTrue();
            assertThat(emulator.admin("/meetings/" + late.meetingId()).path("deleted").asBoolean()).isTrue();
            assertThat(consumed("meeting.deleted") - deletedWebhooks).as("both announcements consumed")
                    .isEqualTo(2);
        });
        await().atMost(RepairFixture.DEADLINE).untilAsserted(() -> {
            SessionView moved = sessions.find(id("own-late")).orElseThrow();
            assertThat(moved.provisioned()).isTrue();
            assertThat(moved.hostUserId()).isNotEqualTo(early.hostUserId());
        });
        assertThat(meters.find("zoom.webhooks.consumed").tag("event", "meeting.deleted").tag("outcome", "own-delete")
                .counters().stream().mapToDouble(c -> c.count()).sum()).isEqualTo(2);
        assertThat(fixture.creates() - creates).as("only the move's new meeting").isEqualTo(1);
        assertThat(sessions.find(id("own-cancelled")).orElseThrow().provisioning()).isEqualTo("REMOVED");
        assertThat(fixture.lost("webhook") + fixture.lost("call") + fixture.lost("reconciliation")).isEqualTo(noticed);
        SessionView moved = sessions.find(id("own-late")).orElseThrow();
        assertThat(fixture.boardRow(moved, "en").path("repair").isMissingNode()
                || fixture.boardRow(moved, "en").path("repair").isNull()).as("nothing lost").isTrue();
    }

    private double consumed(String event) {
        return meters.find("zoom.webhooks.consumed").tag("event", event).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}

package dev.hybridconf.streaming.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.hybridconf.contracts.session.SessionScheduled;
import dev.hybridconf.kit.lease.Leases;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.Sessions;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.emulator.OnZoomEmulator;
import dev.hybridconf.streaming.emulator.ZoomEmulatorServer;
import dev.hybridconf.streaming.hosts.HostPool;
import dev.hybridconf.streaming.zoom.ZoomClient;
import dev.hybridconf.streaming.zoom.ZoomKind;
import dev.hybridconf.streaming.zoom.ZoomMeeting;
import dev.hybridconf.streaming.zoom.ZoomProperties;
import dev.hybridconf.testinfra.AdjustableClock;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A provisioning run stretched past its lease time by a slow Zoom (the emulator answers creates seconds late) is
 * never done twice, played by two replicas' workers on one session: while the run renews its lease the other
 * replica finds the session busy; when the run stops renewing (its process frozen), the other takes the session
 * over but neither creates a second meeting while the first create may still land nor lets the frozen run write
 * its result, and adopts the first run's meeting once it shows. One meeting per session either way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "platform.streaming.hosts.seed=host1@hybridconf.example:webinar,host2@hybridconf.example:webinar,"
            + "host3@hybridconf.example,host4@hybridconf.example,host5@hybridconf.example,host6@hybridconf.example",
    "platform.streaming.provisioning.worker-enabled=false",
    "platform.streaming.provisioning.lease-ttl=1s",
    "platform.streaming.reconciliation.enabled=false",
    "platform.zoom.timeouts.read=10s",
    "platform.zoom.timeouts.call=10s"})
@OnZoomEmulator
@Import(AdjustableClock.Config.class)
class ProvisioningLeaseTests {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final String CREATE_MEETING = "POST /v2/users/{userId}/meetings";

    @Autowired
    MeetingInterpretation interpretation;

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
    Provisioner provisioner;

    @Autowired
    ProvisioningKeys own;

    @Autowired
    HostPool hosts;

    @Autowired
    ZoomClient zoom;

    @Autowired
    ProvisioningProperties properties;

    @Autowired
    ZoomProperties zoomProperties;

    @Autowired
    LostMeetings lost;

    @Autowired
    MeterRegistry meters;

    @Autowired
    AdjustableClock clock;

    @LocalServerPort
    int port;

    private final List<Leases> frozen = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        emulator.admin("DELETE", "/faults", null);
        frozen.forEach(Leases::close);
        clock.setTo(Instant.now());
    }

    @Test
    void aRunThatRenewsItsLeaseThroughASlowCreateIsNeverJoinedByAnotherReplica() {
        String sessionId = due("lease-renewed", LocalDate.of(2027, 10, 4));
        slowCreates(3000);
        long createsBefore = emulator.calls(CREATE_MEETING);

        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> provisioner.reconcile(sessionId));
        List<String> other = new CopyOnWriteArrayList<>();
        // The other replica's worker keeps trying the session for as long as the slow run lasts (three lease times).
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> {
            other.add(provisioner.reconcile(sessionId));
            return first.isDone();
        });

        assertThat(first.join()).isEqualTo("created");
        // Busy for as long as the run lasted; a last look after it finished finds the session done.
        assertThat(other).as("the other replica never worked on the session").contains("busy")
                .containsOnly("busy", "unchanged");
        assertThat(emulator.calls(CREATE_MEETING) - createsBefore).as("one create").isEqualTo(1);
        assertOneMeetingWhichTheSessionNames(sessionId);
    }

    @Test
    void aFrozenRunWhoseLeaseWasTakenOverCannotFinishAndTheNextHolderAdoptsItsMeetingInsteadOfASecondOne() {
        String sessionId = due("lease-taken-over", LocalDate.of(2027, 10, 5));
        slowCreates(3000);
        long createsBefore = emulator.calls(CREATE_MEETING);
        // Replica A: its own leases, whose renewals stop (the process freezes) once its create is under way.
        Leases replicaA = new Leases(store.redis(), store.keys(), "replica-a");
        frozen.add(replicaA);
        Provisioner a = new Provisioner(store, own, hosts, zoom, properties, clock, meters, zoomProperties, lost,
                replicaA, interpretation);

        CompletableFuture<String> run = CompletableFuture.supplyAsync(() -> a.reconcile(sessionId));
        await().atMost(DEADLINE).until(() -> !blank(store.redis().hget(keys.session(sessionId), "createAttempt")));
        replicaA.close();

        // Replica B takes the session over once A's lease lapsed, but A's create may still land: it waits.
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> provisioner.reconcile(sessionId).equals("create-in-flight"));
        assertThat(run.join()).as("A's result is fenced off").isEqualTo("lease-lost");
        assertThat(sessions.find(sessionId).orElseThrow().provisioned()).isFalse();

        // Once a create can no longer be under way, B looks for A's meeting and adopts it.
        clock.advance(CreateAttempt.longestCreate(zoomProperties).plusSeconds(1));
        assertThat(provisioner.reconcile(sessionId)).isEqualTo("adopted");

        assertThat(emulator.calls(CREATE_MEETING) - createsBefore).as("one create").isEqualTo(1);
        assertOneMeetingWhichTheSessionNames(sessionId);
    }

    // ------------------------------------------------------------------------------------------------ fixture

    /** A breakout scheduled through the session events, waiting for its meeting. */
    private String due(String name, LocalDate day) {
        SessionScheduled scheduled = ProvisioningSupport.scheduled(name, "BREAKOUT", day,
                day.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC), 60, "HYBRID", "S-" + name, 1);
        new ProvisioningSupport(topics, port).publish(scheduled);
        String sessionId = scheduled.sessionId();
        await().atMost(DEADLINE).until(() -> store.redis().zscore(own.due(), sessionId) != null);
        return sessionId;
    }

    private void slowCreates(long millis) {
        emulator.admin("PUT", "/faults", """
                [{"path":"/v2/users/**","methods":["POST"],"latencyMillis":%d}]""".formatted(millis));
    }

    private void assertOneMeetingWhichTheSessionNames(String sessionId) {
        SessionView session = sessions.find(sessionId).orElseThrow();
        assertThat(session.provisioned()).isTrue();
        List<ZoomMeeting> marked = new ArrayList<>();
        for (int host = 1; host <= 6; host++) {
            for (ZoomMeeting meeting : zoom.scheduled(ZoomKind.MEETING, "host" + host + "@hybridconf.example")) {
                if (meeting.agenda() != null && meeting.agenda().contains(MeetingSpec.marker(sessionId))) {
                    marked.add(meeting);
                }
            }
        }
        assertThat(marked).as("meetings at Zoom for the session").hasSize(1);
        assertThat(Long.toString(marked.get(0).id())).isEqualTo(session.meetingId());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

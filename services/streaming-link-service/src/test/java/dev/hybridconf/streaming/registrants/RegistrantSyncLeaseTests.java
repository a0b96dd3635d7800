package dev.hybridconf.streaming.registrants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.emulator.OnZoomEmulator;
import dev.hybridconf.streaming.emulator.ZoomEmulatorServer;
import dev.hybridconf.testinfra.AdjustableClock;
import tools.jackson.databind.JsonNode;

/**
 * A registrant sync pass stretched past its lease time by a slow Zoom (each batch answered seconds late) while
 * another replica keeps polling the same session: the pass renews its lease, so nobody else registers the same
 * people meanwhile. One registrant per person, one batch call per 30, none spent twice against Zoom's limit of
 * three registrations a day per person.
 */
@SpringBootTest(properties = {
    "platform.streaming.registrants.poll-interval=100ms",
    "platform.streaming.registrants.batch-linger=1m",
    "platform.streaming.registrants.lease-ttl=1s",
    "platform.streaming.reconciliation.enabled=false",
    "platform.zoom.timeouts.read=10s",
    "platform.zoom.timeouts.call=10s"})
@OnZoomEmulator
@Import({AdjustableClock.Config.class, RegistrantFixtures.class})
class RegistrantSyncLeaseTests {

    static final Duration DEADLINE = Duration.ofSeconds(60);

    @Autowired
    ZoomEmulatorServer emulator;

    @Autowired
    RedisStore store;

    @Autowired
    StreamingKeys keys;

    @Autowired
    AdjustableClock clock;

    @Autowired
    ProvisioningStandIn provisioning;

    @Autowired
    TestEvents events;

    @Autowired
    RegistrantSync sync;

    @AfterEach
    void tearDown() {
        emulator.admin("DELETE", "/faults", null);
        provisioning.retireAll();
        store.redis().del(keys.remoteParticipants(ProvisioningStandIn.CONFERENCE));
    }

    @Test
    void aSlowPassRenewsItsLeaseAndTheOtherReplicaNeverRegistersTheSamePeople() {
        var plenary = provisioning.provisioned("PLENARY", clock.instant().plus(Duration.ofDays(2)),
                Duration.ofMinutes(90), "host1@hybridconf.example", false);
        emulator.admin("PUT", "/faults", """
                [{"path":"/v2/meetings/%s/batch_registrants","methods":["POST"],"latencyMillis":2500}]"""
                .formatted(plenary.meetingId()));
        List<String> ids = IntStream.range(0, 60).mapToObj(i -> UUID.randomUUID().toString()).toList();
        events.registrationEvents(ids.stream().map(id -> events.registration(
                new RegistrationApproved(id, ProvisioningStandIn.CONFERENCE, "REMOTE", "fr", null, null,
                        List.of("participant")))).toList());
        await().atMost(DEADLINE).until(() -> store.redis().scard(keys.remoteParticipants(ProvisioningStandIn.CONFERENCE)) == 60);

        // Now the session is due: this replica's scheduled poll and "another replica" (this thread) both go for it,
        // and the pass (two batches, 2.5 s each) lasts five lease times.
        store.redis().sadd(keys.allRemoteSessions(), plenary.sessionId());
        store.redis().zadd(keys.registrantsDirty(), clock.millis(), plenary.sessionId());
        List<RegistrantSync.Pass> otherReplica = new CopyOnWriteArrayList<>();
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> {
            otherReplica.addAll(sync.drainDue());
            return store.redis().hlen(keys.registrants(plenary.sessionId())) == 60
                    && store.redis().zscore(keys.registrantsDirty(), plenary.sessionId()) == null;
        });

        assertThat(otherReplica.stream().mapToInt(RegistrantSync.Pass::added).sum() == 60
                || otherReplica.isEmpty()).as("one pass registered everyone: %s", otherReplica).isTrue();
        assertThat(batchCalls(plenary.meetingId())).as("two batches of 30, sent once").isEqualTo(2);
        JsonNode registrants = emulator.admin("/meetings/" + plenary.meetingId() + "/registrants");
        Set<String> emails = new HashSet<>();
        registrants.forEach(r -> emails.add(r.path("email").asString()));
        assertThat(registrants).hasSize(60);
        assertThat(emails).hasSize(60);
    }

    private long batchCalls(String meetingId) {
        long count = 0;
        for (JsonNode call : emulator.admin("/calls").path("recent")) {
            if (call.path("path").asString().equals("/v2/meetings/" + meetingId + "/batch_registrants")) {
                count++;
            }
        }
        return count;
    }
}

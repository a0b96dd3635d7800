package dev.hybridconf.streaming.registrants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.streaming.RegistrantsSynced;
import dev.hybridconf.kit.PlatformProperties;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.emulator.OnZoomEmulator;
import dev.hybridconf.streaming.emulator.ZoomEmulatorServer;
import dev.hybridconf.streaming.zoom.ZoomClient;
import dev.hybridconf.testinfra.AdjustableClock;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import dev.hybridconf.testinfra.KafkaProbe;
import tools.jackson.databind.JsonNode;

/**
 * The registrant sync on real Kafka, Redis and the Zoom emulator: approvals become Zoom registrants in full
 * batches of 30, redelivery costs nothing, a partial batch waits for the linger, and injected Zoom failures
 * neither lose nor duplicate anyone. A participant is registered only in the plenaries of the conference they
 * were approved for (ADR 0015), also when their approval or copy is from before conferences were the boundary.
 */
@SpringBootTest(properties = {
    "platform.streaming.registrants.poll-interval=100ms",
    "platform.streaming.registrants.batch-linger=1m",
    "platform.streaming.registrants.backoff-initial=100ms",
    "platform.streaming.registrants.backoff-max=1s",
    "platform.zoom.retry.initial-backoff=20ms",
    "platform.zoom.retry.max-backoff=200ms",
    "platform.zoom.rate-limits.heavy=40",
    // A run of unlucky 503s can open the circuit; 30 s open would eat half of a test's deadline.
    "platform.zoom.circuit-breaker.open-for=300ms",
    // Participants and events from before conferences were the boundary of registration belong to this one.
    "platform.streaming.default-conference=" + ProvisioningStandIn.CONFERENCE})
@OnZoomEmulator
@Import({AdjustableClock.Config.class, RegistrantFixtures.class})
class RegistrantSyncTests {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final String BATCH = "POST /v2/meetings/{meetingId}/batch_registrants";

    @Autowired
    ZoomEmulatorServer emulator;

    @Autowired
    ZoomClient zoom;

    @Autowired
    RedisStore store;

    @Autowired
    StreamingKeys keys;

    @Autowired
    TopicNames topics;

    @Autowired
    PlatformProperties platform;

    @Autowired
    AdjustableClock clock;

    @Autowired
    ProvisioningStandIn provisioning;

    @Autowired
    TestEvents events;

    @AfterEach
    void tearDown() {
        emulator.admin("DELETE", "/faults", null);
        provisioning.retireAll();
        store.redis().del(keys.remoteParticipants(ProvisioningStandIn.CONFERENCE), keys.remoteParticipants(OTHER),
                keys.legacyRemoteParticipants());
    }

    /** Another conference on the same platform. */
    static final String OTHER = "conf-elsewhere";

    @Autowired
    org.springframework.boot.ApplicationRunner legacyRemoteParticipants;

    @Test
    void aRemoteParticipantApprovedForOneConferenceHasNoZoomRegistrantInAnothersPlenary() {
        var here = provisioning.provisioned("PLENARY", clock.instant().plus(Duration.ofDays(2)), Duration.ofMinutes(60),
                "host1@hybridconf.example");
        var there = provisioning.provisioned(OTHER, "PLENARY", clock.instant().plus(Duration.ofDays(2)),
                Duration.ofMinutes(60), "host2@hybridconf.example", true);
        List<String> mine = IntStream.range(0, 30).mapToObj(i -> UUID.randomUUID().toString()).toList();
        List<String> theirs = IntStream.range(0, 30).mapToObj(i -> UUID.randomUUID().toString()).toList();
        List<CloudEvent> approvals = new ArrayList<>();
        mine.forEach(id -> approvals.add(events.registration(new RegistrationApproved(id, ProvisioningStandIn.CONFERENCE,
                "REMOTE", "en", null, null, List.of("participant")))));
        theirs.forEach(id -> approvals.add(events.registration(new RegistrationApproved(id, OTHER, "REMOTE", "fr", null,
                null, List.of("participant")))));

        events.registrationEvents(approvals);

        await().atMost(DEADLINE).until(() -> store.redis().hlen(keys.registrants(here.sessionId())) == 30
                && store.redis().hlen(keys.registrants(there.sessionId())) == 30);
        awaitSettled(here.sessionId());
        awaitSettled(there.sessionId());
        assertThat(store.redis().hgetAll(keys.registrants(here.sessionId())).keySet())
                .containsExactlyInAnyOrderElementsOf(mine);
        assertThat(store.redis().hgetAll(keys.registrants(there.sessionId())).keySet())
                .containsExactlyInAnyOrderElementsOf(theirs);
        String atZoomHere = emulator.admin("/meetings/" + here.meetingId() + "/registrants").toString();
        String atZoomThere = emulator.admin("/meetings/" + there.meetingId() + "/registrants").toString();
        assertThat(theirs).noneMatch(atZoomHere::contains);
        assertThat(mine).noneMatch(atZoomThere::contains);
        assertThat(mine).allMatch(atZoomHere::contains);
    }

    @Test
    void participantsAndApprovalsFromBeforeConferencesBelongToTheDefaultConferenceAndLeaveOtherPlenaries()
            throws Exception {
        // Starting within the join window: a partial batch is not held back for the linger.
        var here = provisioning.provisioned("PLENARY", clock.instant().plus(Duration.ofMinutes(10)),
                Duration.ofMinutes(60), "host3@hybridconf.example");
        var there = provisioning.provisioned(OTHER, "PLENARY", clock.instant().plus(Duration.ofMinutes(10)),
                Duration.ofMinutes(60), "host4@hybridconf.example", false);
        String stored = UUID.randomUUID().toString();
        String storedElsewhere = UUID.randomUUID().toString();
        // What a version without conferences kept: one set of every remote participant, copies without a conference,
        // and registrations in every plenary, this other conference's too (made here by the sync itself).
        store.redis().hset(keys.participant(stored), Map.of("status", "APPROVED", "attendanceMode", "REMOTE",
                "preferredLanguage", "es", "interpretationLanguage", ""));
        store.redis().hset(keys.participant(storedElsewhere), Map.of("conferenceId", OTHER, "status", "APPROVED",
                "attendanceMode", "REMOTE", "preferredLanguage", "fr", "interpretationLanguage", ""));
        store.redis().sadd(keys.allRemoteSessions(), there.sessionId());
        store.redis().sadd(keys.remoteParticipants(OTHER), stored);
        store.redis().zadd(keys.registrantsDirty(), clock.millis(), there.sessionId());
        await().atMost(DEADLINE).until(() -> store.redis().hexists(keys.registrants(there.sessionId()), stored));
        awaitSettled(there.sessionId());
        store.redis().srem(keys.remoteParticipants(OTHER), stored);
        store.redis().sadd(keys.legacyRemoteParticipants(), stored, storedElsewhere);
        String approvedBefore = UUID.randomUUID().toString();
        String oldApproval = """
                {"specversion":"1.0","id":"%s","source":"registration-service","type":"registration.approved.v1",
                 "subject":"%s","time":"2024-10-01T09:00:00Z","datacontenttype":"application/json",
                 "data":{"registrationId":"%s","attendanceMode":"REMOTE","preferredLanguage":"en",
                         "interpretationLanguage":null,"timeZone":null,"roles":["participant"]}}"""
                .formatted(UUID.randomUUID(), approvedBefore, approvedBefore);

        legacyRemoteParticipants.run(null);
        KafkaProbe.shared().send(topics.physical("registration.events"), approvedBefore, oldApproval);

        await().atMost(DEADLINE).until(() -> store.redis().hexists(keys.registrants(here.sessionId()), approvedBefore)
                && store.redis().hexists(keys.registrants(here.sessionId()), stored)
                && !store.redis().hexists(keys.registrants(there.sessionId()), stored));
        assertThat(store.redis().exists(keys.legacyRemoteParticipants())).isFalse();
        assertThat(store.redis().smembers(keys.remoteParticipants(ProvisioningStandIn.CONFERENCE)))
                .contains(stored, approvedBefore).doesNotContain(storedElsewhere);
        assertThat(store.redis().smembers(keys.remoteParticipants(OTHER))).contains(storedElsewhere)
                .doesNotContain(stored, approvedBefore);
        assertThat(store.redis().hget(keys.participant(stored), "conferenceId"))
                .isEqualTo(ProvisioningStandIn.CONFERENCE);
    }

    @Test
    void sixHundredApprovedRemoteParticipantsAreRegisteredInTwentyBatchesWithDistinctLinksAndRedeliveryCostsNothing() {
        var plenary = provisioning.provisioned("PLENARY", clock.instant().plus(Duration.ofDays(3)),
                Duration.ofMinutes(90), "host1@hybridconf.example");
        List<String> ids = IntStream.range(0, 600).mapToObj(i -> UUID.randomUUID().toString()).toList();
        List<CloudEvent> approvals = ids.stream().map(id -> events.registration(
                new RegistrationApproved(id, ProvisioningStandIn.CONFERENCE,
                        "REMOTE", "en", null, null, List.of("participant")))).toList();
        // In-person participants are not registered in Zoom.
        List<CloudEvent> inPerson = IntStream.range(0, 5).mapToObj(i -> events.registration(new RegistrationApproved(
                UUID.randomUUID().toString(), ProvisioningStandIn.CONFERENCE,
                "IN_PERSON", "fr", null, null, List.of("participant")))).toList();

        events.registrationEvents(approvals);
        events.registrationEvents(inPerson);

        await().atMost(DEADLINE).until(() -> store.redis().hlen(keys.registrants(plenary.sessionId())) == 600);
        awaitSettled(plenary.sessionId());
        assertThat(batchCalls(plenary.meetingId())).as("ceil(600/30) batch calls for the meeting").isLessThanOrEqualTo(20);
        JsonNode registrants = emulator.admin("/meetings/" + plenary.meetingId() + "/registrants");
        assertThat(registrants).hasSize(600);
        Set<String> joinUrls = new HashSet<>();
        registrants.forEach(r -> joinUrls.add(r.path("joinUrl").asString()));
        assertThat(joinUrls).hasSize(600);
        Map<String, String> stored = store.redis().hgetAll(keys.registrants(plenary.sessionId()));
        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(stored.values()).allSatisfy(json -> assertThat(joinUrls).anyMatch(json::contains));
        assertThat(store.redis().hlen(keys.registrantIds(plenary.meetingId()))).isEqualTo(600);

        long callsBefore = totalCalls();
        events.registrationEvents(approvals);
        // A fresh approval (new event id) of someone already registered: due again, but nothing to do.
        events.registrationEvents(List.of(events.registration(
                new RegistrationApproved(ids.get(0), ProvisioningStandIn.CONFERENCE,
                        "REMOTE", "es", null, null, List.of("participant")))));
        KafkaProbe probe = KafkaProbe.shared();
        await().atMost(DEADLINE).until(() -> probe.lag(topics.group(platform.serviceName()) + ".participants",
                topics.physical("registration.events")) == 0);
        awaitSettled(plenary.sessionId());

        assertThat(totalCalls()).as("no Zoom call after redelivery").isEqualTo(callsBefore);
        assertThat(emulator.admin("/meetings/" + plenary.meetingId() + "/registrants")).hasSize(600);
        assertThat(store.redis().hget(keys.participant(ids.get(0)), "preferredLanguage")).isEqualTo("es");

        List<JsonNode> synced = syncedEvents(plenary.sessionId(), 600);
        assertThat(synced.stream().mapToInt(e -> e.path("data").path("added").asInt()).sum()).isEqualTo(600);
        assertThat(synced.stream().mapToInt(e -> e.path("data").path("calls").asInt()).sum()).isLessThanOrEqualTo(20);
    }

    @Test
    void aPartialBatchWaitsForTheLingerThenGoesInOneCall() {
        var plenary = provisioning.provisioned("PLENARY", clock.instant().plus(Duration.ofDays(2)),
                Duration.ofMinutes(60), "host2@hybridconf.example");
        List<String> ids = IntStream.range(0, 7).mapToObj(i -> UUID.randomUUID().toString()).toList();

        events.registrationEvents(ids.stream().map(id -> events.registration(
                new RegistrationApproved(id, ProvisioningStandIn.CONFERENCE,
                        "REMOTE", "en", null, null, List.of("participant")))).toList());
        await().atMost(DEADLINE).until(() -> store.redis().scard(keys.remoteParticipants(ProvisioningStandIn.CONFERENCE))
                == 7
                && store.redis().exists(keys.space().key("registrant-sync", "waiting", plenary.sessionId())));
        awaitHeld(plenary.sessionId());
        assertThat(batchCalls(plenary.meetingId())).as("7 wait for more company").isZero();

        clock.advance(Duration.ofMinutes(2));

        await().atMost(DEADLINE).until(() -> store.redis().hlen(keys.registrants(plenary.sessionId())) == 7);
        assertThat(batchCalls(plenary.meetingId())).isEqualTo(1);
    }

    @Test
    void withOneZoomCallInFiveFailingEveryoneIsRegisteredOnce() {
        var plenary = provisioning.provisioned("OPENING", clock.instant().plus(Duration.ofMinutes(10)),
                Duration.ofMinutes(45), "host3@hybridconf.example");
        // One call in five fails at random; the first batch call fails for certain, so that a fault is always met
        // (95 participants make only four to eight batch calls, which a 20 % rate can all let through).
        emulator.admin("PUT", "/faults", """
                [{"path":"/v2/meetings/*/batch_registrants","methods":["POST"],"serverErrorRate":1,
                  "serverErrorStatus":503,"times":1},
                 {"path":"/v2/**","serverErrorRate":0.2,"serverErrorStatus":503}]""");
        List<String> ids = IntStream.range(0, 95).mapToObj(i -> UUID.randomUUID().toString()).toList();

        events.registrationEvents(ids.stream().map(id -> events.registration(
                new RegistrationApproved(id, ProvisioningStandIn.CONFERENCE,
                        "REMOTE", "en", null, null, List.of("participant")))).toList());

        await().atMost(DEADLINE).until(() -> store.redis().hlen(keys.registrants(plenary.sessionId())) == 95);
        awaitSettled(plenary.sessionId());
        JsonNode registrants = emulator.admin("/meetings/" + plenary.meetingId() + "/registrants");
        List<String> emails = new ArrayList<>();
        registrants.forEach(r -> emails.add(r.path("email").asString()));
        assertThat(emails).hasSize(95).doesNotHaveDuplicates();
        assertThat(emulator.admin("/calls").path("recent").toString()).as("faults were injected").contains("503");
    }

    @Test
    void aSessionThatHasEndedGetsNoNewRegistrantsWhileAComingOneDoes() {
        var ended = provisioning.provisioned("PLENARY", clock.instant().minus(Duration.ofHours(3)),
                Duration.ofHours(1), "host4@hybridconf.example");
        var coming = provisioning.provisioned("WRAP_UP", clock.instant().plus(Duration.ofDays(4)),
                Duration.ofHours(1), "host5@hybridconf.example");
        List<String> ids = IntStream.range(0, 30).mapToObj(i -> UUID.randomUUID().toString()).toList();

        events.registrationEvents(ids.stream().map(id -> events.registration(
                new RegistrationApproved(id, ProvisioningStandIn.CONFERENCE,
                        "REMOTE", "fr", null, null, List.of("participant")))).toList());

        await().atMost(DEADLINE).until(() -> store.redis().hkeys(keys.registrants(coming.sessionId())).containsAll(ids));
        awaitSettled(ended.sessionId());
        assertThat(store.redis().hlen(keys.registrants(ended.sessionId()))).isZero();
        assertThat(batchCalls(ended.meetingId())).isZero();
    }

    /** The session is due again only when its partial batch's linger ends (a minute from now). */
    private void awaitHeld(String sessionId) {
        await().atMost(DEADLINE).until(() -> {
            Double due = store.redis().zscore(keys.registrantsDirty(), sessionId);
            return due != null && due > clock.millis() + 30_000 && due < clock.millis() + 61_000;
        });
    }

    private void awaitSettled(String sessionId) {
        await().atMost(DEADLINE).until(() -> store.redis().zscore(keys.registrantsDirty(), sessionId) == null);
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

    private long totalCalls() {
        long total = 0;
        for (JsonNode row : emulator.admin("/calls").path("endpoints")) {
            total += row.path("total").asLong();
        }
        return total;
    }

    /** The registrants-synced events of a session on streaming.events (until they add up), each checked against its schema. */
    private List<JsonNode> syncedEvents(String sessionId, int added) {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var records = KafkaProbe.shared().readUntil(topics.physical("streaming.events"), DEADLINE,
                read -> read.stream().filter(r -> sessionId.equals(r.key()))
                        .mapToInt(r -> json.readTree(r.value()).path("data").path("added").asInt()).sum() >= added);
        List<JsonNode> synced = new ArrayList<>();
        for (var record : records) {
            EventSchemaAssertions.assertValidEvent(record.value());
            JsonNode event = json.readTree(record.value());
            if (RegistrantsSynced.TYPE.equals(event.path("type").asString())
                    && sessionId.equals(event.path("data").path("sessionId").asString())) {
                synced.add(event);
            }
        }
        return synced;
    }
}

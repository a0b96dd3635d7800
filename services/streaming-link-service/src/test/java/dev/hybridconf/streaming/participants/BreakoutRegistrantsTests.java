package dev.hybridconf.streaming.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.registration.AttendanceChanged;
import dev.hybridconf.contracts.registration.LanguageChanged;
import dev.hybridconf.contracts.registration.ParticipantErased;
import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.registration.RegistrationCancelled;
import dev.hybridconf.contracts.session.SessionEnrolled;
import dev.hybridconf.contracts.session.SessionEnrolmentCancelled;
import dev.hybridconf.contracts.session.SessionEnrolmentPromoted;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.emulator.OnZoomEmulator;
import dev.hybridconf.streaming.emulator.ZoomEmulatorServer;
import dev.hybridconf.streaming.registrants.ProvisioningStandIn;
import dev.hybridconf.streaming.registrants.RegistrantFixtures;
import dev.hybridconf.streaming.registrants.TestEvents;
import dev.hybridconf.streaming.zoom.ZoomClient;
import dev.hybridconf.testinfra.AdjustableClock;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import dev.hybridconf.testinfra.KafkaProbe;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.JsonNode;

/**
 * A breakout registers only its enrolled remote participants; leaving it, cancelling the registration or
 * being erased cancels the Zoom registrant, and an erasure leaves nothing in Redis that names the person.
 */
@SpringBootTest(properties = {
    "platform.streaming.registrants.poll-interval=100ms",
    "platform.streaming.registrants.backoff-initial=100ms",
    "platform.zoom.retry.initial-backoff=20ms"})
@OnZoomEmulator
@Import({AdjustableClock.Config.class, RegistrantFixtures.class})
class BreakoutRegistrantsTests {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final String DOMAIN = "@participants.hybridconf.invalid";

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
    AdjustableClock clock;

    @Autowired
    ProvisioningStandIn provisioning;

    @Autowired
    TestEvents events;

    @AfterEach
    void tearDown() {
        provisioning.retireAll();
        store.redis().del(keys.remoteParticipants(ProvisioningStandIn.CONFERENCE));
    }

    @Test
    void aBreakoutRegistersItsEnrolledRemoteParticipantsAndCancelsThoseWhoLeaveCancelOrAreErased() {
        // Within the join window: a partial batch does not wait for company.
        var breakout = provisioning.provisioned("BREAKOUT", clock.instant().plus(Duration.ofMinutes(10)),
                Duration.ofMinutes(60), "host4@hybridconf.example");
        String sessionId = breakout.sessionId();
        String leaves = id(), cancels = id(), erased = id(), stays = id(), inPerson = id(), waiting = id(),
                notEnrolled = id();
        List<CloudEvent> approvals = new ArrayList<>();
        for (String remote : List.of(leaves, cancels, erased, stays, waiting, notEnrolled)) {
            approvals.add(events.registration(new RegistrationApproved(remote, ProvisioningStandIn.CONFERENCE,
                    "REMOTE", "fr", "en", null,
                    List.of("participant"))));
        }
        approvals.add(events.registration(new RegistrationApproved(inPerson, ProvisioningStandIn.CONFERENCE,
                "IN_PERSON", "fr", null, null,
                List.of("participant"))));
        List<CloudEvent> enrolments = new ArrayList<>();
        for (String enrolled : List.of(leaves, cancels, erased, stays, inPerson)) {
            enrolments.add(events.session(new SessionEnrolled(sessionId, "conf-test", enrolled, "ENROLLED", null)));
        }
        enrolments.add(events.session(new SessionEnrolled(sessionId, "conf-test", waiting, "WAITLISTED", "REMOTE")));
        events.registrationEvents(approvals);
        events.sessionEvents(enrolments);
        events.sessionEvents(enrolments);

        await().atMost(DEADLINE).until(() -> registered(sessionId).keySet()
                .equals(java.util.Set.of(leaves, cancels, erased, stays)));
        assertThat(zoomStatuses(breakout.meetingId())).containsOnlyKeys(leaves, cancels, erased, stays)
                .allSatisfy((id, status) -> assertThat(status).isEqualTo("approved"));

        events.sessionEvents(List.of(
                events.session(new SessionEnrolmentCancelled(sessionId, "conf-test", leaves, "ENROLLED", true, "LEFT")),
                events.session(new SessionEnrolmentPromoted(sessionId, "conf-test", waiting, "REMOTE"))));
        events.registrationEvents(List.of(
                events.registration(new RegistrationCancelled(cancels, ProvisioningStandIn.CONFERENCE, "REMOTE", true)),
                events.registration(new ParticipantErased(erased, ProvisioningStandIn.CONFERENCE, "REMOTE", true))));

        await().atMost(DEADLINE).until(() -> registered(sessionId).keySet().equals(java.util.Set.of(stays, waiting)));
        await().atMost(DEADLINE).until(() -> store.redis().zscore(keys.registrantsDirty(), sessionId) == null);
        Map<String, String> statuses = zoomStatuses(breakout.meetingId());
        assertThat(statuses).containsEntry(leaves, "cancelled").containsEntry(cancels, "cancelled")
                .containsEntry(erased, "cancelled").containsEntry(stays, "approved").containsEntry(waiting, "approved")
                .doesNotContainKeys(inPerson, notEnrolled);
        assertThat(store.redis().hvals(keys.registrantIds(breakout.meetingId())))
                .containsExactlyInAnyOrder(stays, waiting);

        assertThat(keysAndValuesNaming(erased)).as("nothing in Redis names the erased participant").isEmpty();
        assertThat(store.redis().sismember(keys.remoteParticipants(ProvisioningStandIn.CONFERENCE), cancels)).isFalse();
        assertThat(store.redis().hget(keys.participant(cancels), "status")).isEqualTo("CANCELLED");

        var emitted = KafkaProbe.shared().readUntil(topics.physical("streaming.events"), DEADLINE,
                read -> read.stream().filter(r -> sessionId.equals(r.key())).count() >= 2);
        assertThat(emitted).filteredOn(r -> sessionId.equals(r.key())).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(r -> EventSchemaAssertions.assertValidEvent(r.value()));
        assertThat(emitted).noneMatch(r -> r.value().contains(erased));
    }

    @Test
    void switchingToInPersonCancelsThePlenaryRegistrantAndSwitchingBackRegistersAFreshOne() {
        var plenary = provisioning.provisioned("PLENARY", clock.instant().plus(Duration.ofMinutes(10)),
                Duration.ofMinutes(60), "host5@hybridconf.example");
        String switcher = id();
        events.registrationEvents(List.of(events.registration(new RegistrationApproved(switcher,
                ProvisioningStandIn.CONFERENCE,
                "REMOTE", "en", null,
                null, List.of("participant")))));
        await().atMost(DEADLINE).until(() -> registered(plenary.sessionId()).containsKey(switcher));
        String firstLink = registered(plenary.sessionId()).get(switcher);

        CloudEvent toRoom = events.registration(new AttendanceChanged(switcher, ProvisioningStandIn.CONFERENCE,
                "REMOTE", "IN_PERSON", "APPROVED"));
        events.registrationEvents(List.of(toRoom, toRoom,
                events.registration(new LanguageChanged(switcher, ProvisioningStandIn.CONFERENCE, "es", "fr"))));

        await().atMost(DEADLINE).until(() -> !registered(plenary.sessionId()).containsKey(switcher));
        assertThat(zoomStatuses(plenary.meetingId())).containsEntry(switcher, "cancelled");
        assertThat(store.redis().hgetAll(keys.participant(switcher))).containsEntry("attendanceMode", "IN_PERSON")
                .containsEntry("preferredLanguage", "es").containsEntry("interpretationLanguage", "fr");

        events.registrationEvents(List.of(events.registration(
                new AttendanceChanged(switcher, ProvisioningStandIn.CONFERENCE, "IN_PERSON", "REMOTE", "APPROVED"))));

        await().atMost(DEADLINE).until(() -> registered(plenary.sessionId()).containsKey(switcher));
        assertThat(registered(plenary.sessionId()).get(switcher)).as("a new personal link").isNotEqualTo(firstLink);
        assertThat(emulator.admin("/meetings/" + plenary.meetingId() + "/registrants")).extracting(
                r -> r.path("status").asString()).containsExactlyInAnyOrder("cancelled", "approved");
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private Map<String, String> registered(String sessionId) {
        return store.redis().hgetAll(keys.registrants(sessionId));
    }

    /** Registration id to Zoom registrant status, from the emulator's own view. */
    private Map<String, String> zoomStatuses(String meetingId) {
        Map<String, String> statuses = new HashMap<>();
        for (JsonNode registrant : emulator.admin("/meetings/" + meetingId + "/registrants")) {
            String email = registrant.path("email").asString();
            statuses.put(email.substring(0, email.length() - DOMAIN.length()), registrant.path("status").asString());
        }
        return statuses;
    }

    /** Every key of the service's namespace whose name or content holds the text. */
    private List<String> keysAndValuesNaming(String text) {
        UnifiedJedis redis = store.redis();
        List<String> found = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, new ScanParams().match(store.keys().prefix() + "*").count(500));
            for (String key : page.getResult()) {
                String content = switch (redis.type(key)) {
                    case "string" -> redis.get(key);
                    case "hash" -> redis.hgetAll(key).toString();
                    case "set" -> redis.smembers(key).toString();
                    case "zset" -> redis.zrange(key, 0, -1).toString();
                    case "list" -> redis.lrange(key, 0, -1).toString();
                    case "stream" -> redis.xrange(key, (redis.clients.jedis.StreamEntryID) null,
                            (redis.clients.jedis.StreamEntryID) null).stream().map(StreamEntry::getFields)
                            .toList().toString();
                    default -> "";
                };
                if (key.contains(text) || (content != null && content.contains(text))) {
                    found.add(key);
                }
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return found;
    }
}

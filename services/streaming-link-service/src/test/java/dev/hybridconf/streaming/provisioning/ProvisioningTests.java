package dev.hybridconf.streaming.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.hybridconf.streaming.provisioning.ProvisioningSupport.id;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.session.SessionScheduled;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.Sessions;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.emulator.OnZoomEmulator;
import dev.hybridconf.streaming.emulator.ZoomEmulatorServer;
import tools.jackson.databind.JsonNode;

/**
 * Provisioning from session events on real Kafka and Redis against the Zoom emulator, with the emulator's six hosts
 * (two with a webinar licence) seeded into the pool.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "platform.streaming.hosts.seed=host1@hybridconf.example:webinar,host2@hybridconf.example:webinar,"
            + "host3@hybridconf.example,host4@hybridconf.example,host5@hybridconf.example,host6@hybridconf.example",
    "platform.streaming.provisioning.poll-interval=100ms",
    "platform.streaming.provisioning.initial-backoff=200ms",
    "platform.zoom.retry.initial-backoff=50ms"})
@OnZoomEmulator
class ProvisioningTests {

    static final String CREATE_MEETING = "POST /v2/users/{userId}/meetings";
    static final String CREATE_WEBINAR = "POST /v2/users/{userId}/webinars";

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

    @LocalServerPort
    int port;

    ProvisioningSupport support;

    @BeforeEach
    void support() {
        support = new ProvisioningSupport(topics, port);
    }

    @Test
    void fortyParallelBreakoutsAndAPlenaryGetOneMeetingEachWithoutHostOverlapAndAReplayCreatesNothing() {
        LocalDate day = LocalDate.of(2027, 6, 1);
        Instant first = Instant.parse("2027-06-01T07:00:00Z");
        long meetingsBefore = emulator.calls(CREATE_MEETING);
        List<SessionScheduled> all = new ArrayList<>();
        all.add(ProvisioningSupport.scheduled("p-opening", "PLENARY", day, Instant.parse("2027-06-01T06:00:00Z"), 50,
                "HYBRID", null, 1));
        for (int slot = 0; slot < 8; slot++) {
            for (int room = 0; room < 5; room++) {
                all.add(ProvisioningSupport.scheduled("b-" + slot + "-" + room, "BREAKOUT", day,
                        first.plus(Duration.ofMinutes(90L * slot)), 60, "HYBRID", "S" + slot, 1));
            }
        }
        all.add(ProvisioningSupport.scheduled("coffee", "BREAK", day, Instant.parse("2027-06-01T19:00:00Z"), 30,
                "IN_PERSON", null, 1));
        all.add(ProvisioningSupport.scheduled("site-visit", "SIDE_EVENT", day, Instant.parse("2027-06-01T19:00:00Z"),
                60, "IN_PERSON", null, 1));
        all.forEach(support::publish);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(sessions.onDay(day))
                .hasSize(all.size())
                .allSatisfy(s -> assertThat(s.provisioning()).isIn("PROVISIONED", "NOT_NEEDED")));

        List<SessionView> provisioned = sessions.onDay(day).stream().filter(SessionView::provisioned).toList();
        assertThat(provisioned).hasSize(41);
        assertThat(sessions.find(id("coffee")).orElseThrow().provisioning()).isEqualTo("NOT_NEEDED");
        assertThat(sessions.find(id("site-visit")).orElseThrow().meetingId()).isNull();
        assertThat(emulator.calls(CREATE_MEETING) - meetingsBefore).isEqualTo(40);

        // The plenary is a webinar on a licensed host; breakouts are meetings, every meeting belongs to its session.
        SessionView plenary = sessions.find(id("p-opening")).orElseThrow();
        assertThat(plenary.zoomKind()).isEqualTo("WEBINAR");
        assertThat(plenary.hostUserId()).isIn("host1@hybridconf.example", "host2@hybridconf.example");
        JsonNode webinar = emulator.admin("/meetings/" + plenary.meetingId());
        assertThat(webinar.path("type").asInt()).isEqualTo(5);
        assertThat(webinar.path("settings").path("approval_type").asInt()).isEqualTo(1);
        assertThat(webinar.path("settings").path("waiting_room").asBoolean()).isTrue();
        assertThat(provisioned).filteredOn(s -> s.kind().equals("BREAKOUT"))
                .allSatisfy(s -> assertThat(s.zoomKind()).isEqualTo("MEETING"));
        for (SessionView session : provisioned) {
            assertThat(store.redis().get(keys.meeting(session.meetingId()))).isEqualTo(session.sessionId());
        }
        assertThat(store.redis().smembers(keys.allRemoteSessions())).contains(id("p-opening"))
                .doesNotContain(id("b-0-0"), id("coffee"));

        // No host has two sessions within 10 minutes of each other, as Zoom holds them.
        Map<String, List<JsonNode>> byHost = new HashMap<>();
        StreamSupport.stream(emulator.admin("/meetings").spliterator(), false)
                .filter(m -> !m.path("deleted").asBoolean())
                .filter(m -> m.path("startTime").asString().startsWith("2027-06-01"))
                .forEach(m -> byHost.computeIfAbsent(m.path("hostEmail").asString(), h -> new ArrayList<>()).add(m));
        assertThat(byHost.values().stream().mapToInt(List::size).sum()).isEqualTo(41);
        byHost.forEach((host, meetings) -> {
            for (JsonNode a : meetings) {
                for (JsonNode b : meetings) {
                    if (a != b) {
                        Instant aStart = Instant.parse(a.path("startTime").asString());
                        Instant aEnd = aStart.plus(Duration.ofMinutes(a.path("duration").asInt()));
                        Instant bStart = Instant.parse(b.path("startTime").asString());
                        assertThat(bStart.isBefore(aEnd.plus(Duration.ofMinutes(10))) && !bStart.isBefore(aStart))
                                .as("%s hosts %s and %s too close together", host, a.path("topic"), b.path("topic"))
                                .isFalse();
                    }
                }
            }
        });

        // Every event again, redelivered as it was and re-sent with new ids: nothing new at Zoom.
        long creates = emulator.calls(CREATE_MEETING) + emulator.calls(CREATE_WEBINAR);
        long updates = emulator.calls("PATCH /v2/meetings/{meetingId}");
        List<CloudEvent> sent = List.copyOf(support.published);
        sent.forEach(support::publish);
        all.forEach(support::publish);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(support.provisioningLag()).isZero();
            assertThat(store.redis().zcard(keys.space().key("provisioning", "due"))).isZero();
        });
        assertThat(emulator.calls(CREATE_MEETING) + emulator.calls(CREATE_WEBINAR)).isEqualTo(creates);
        assertThat(emulator.calls("PATCH /v2/meetings/{meetingId}")).isEqualTo(updates);

        List<JsonNode> provisionedEvents = support.emitted(41, Duration.ofSeconds(20)).stream()
                .filter(e -> e.path("type").asString().equals("streaming.link-provisioned.v1"))
                .filter(e -> e.path("data").path("start").asString().startsWith("2027-06-01")).toList();
        assertThat(provisionedEvents).hasSize(41)
                .allSatisfy(e -> assertThat(e.path("data").path("created").asBoolean()).isTrue());
        support.assertEveryEmittedEventIsValid();
    }

    @Test
    void aRescheduleMovesTheMeetingAndACancellationDeletesItAndFreesTheHost() {
        LocalDate day = LocalDate.of(2027, 6, 2);
        SessionScheduled breakout = ProvisioningSupport.scheduled("move-me", "BREAKOUT", day,
                Instant.parse("2027-06-02T09:00:00Z"), 60, "ONLINE", "A", 3);
        support.publish(breakout);
        String meetingId = await().atMost(Duration.ofSeconds(20)).until(
                () -> sessions.find(id("move-me")).map(SessionView::meetingId).orElse(null), id -> id != null);

        support.publish(ProvisioningSupport.rescheduled(breakout, Instant.parse("2027-06-02T11:30:00Z"), 45, 4));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode meeting = emulator.admin("/meetings/" + meetingId);
            assertThat(meeting.path("startTime").asString()).isEqualTo("2027-06-02T11:30:00Z");
            assertThat(meeting.path("duration").asInt()).isEqualTo(45);
        });
        JsonNode moved = support.emitted("streaming.link-provisioned.v1", id("move-me"), Duration.ofSeconds(10)).stream()
                .filter(e -> !e.path("data").path("created").asBoolean()).findFirst().orElseThrow();
        assertThat(moved.path("data").path("start").asString()).isEqualTo("2027-06-02T11:30:00Z");
        assertThat(moved.path("data").path("sessionVersion").asLong()).isEqualTo(4);
        assertThat(sessions.find(id("move-me")).orElseThrow().meetingId()).isEqualTo(meetingId);

        String host = sessions.find(id("move-me")).orElseThrow().hostUserId();
        store.redis().hset(keys.registrants(id("move-me")), "reg-1", "{}");
        support.publish(ProvisioningSupport.cancelled(breakout, 5));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(emulator.admin("/meetings/" + meetingId).path("deleted").asBoolean()).isTrue();
            assertThat(sessions.find(id("move-me")).orElseThrow().provisioning()).isEqualTo("REMOVED");
        });
        JsonNode removed = support.emitted("streaming.link-removed.v1", id("move-me"), Duration.ofSeconds(10)).get(0);
        assertThat(removed.path("data").path("reason").asString()).isEqualTo("SESSION_CANCELLED");
        assertThat(removed.path("data").path("meetingId").asString()).isEqualTo(meetingId);
        assertThat(store.redis().exists(keys.registrants(id("move-me")))).isFalse();
        assertThat(store.redis().get(keys.meeting(meetingId))).as("kept for late webhooks").isEqualTo(id("move-me"));
        assertThat(sessions.find(id("move-me")).orElseThrow().hostUserId()).isNull();
        assertThat(store.redis().hexists(keys.space().key("host-assignments", host), id("move-me"))).isFalse();
    }

    @Test
    void aRescheduleOntoABusyHostMovesTheSessionToAFreeHostWithANewMeeting() {
        LocalDate day = LocalDate.of(2027, 6, 4);
        SessionScheduled early = ProvisioningSupport.scheduled("early", "BREAKOUT", day,
                Instant.parse("2027-06-04T09:00:00Z"), 60, "HYBRID", "A", 1);
        SessionScheduled late = ProvisioningSupport.scheduled("late", "BREAKOUT", day,
                Instant.parse("2027-06-04T11:00:00Z"), 60, "HYBRID", "B", 1);
        support.publish(early);
        support.publish(late);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sessions.onDay(day))
                .hasSize(2).allSatisfy(s -> assertThat(s.provisioned()).isTrue()));
        SessionView before = sessions.find(id("late")).orElseThrow();
        assertThat(before.hostUserId()).as("one host can run both").isEqualTo(
                sessions.find(id("early")).orElseThrow().hostUserId());
        store.redis().hset(keys.registrants(id("late")), "reg-1", "{}");

        support.publish(ProvisioningSupport.rescheduled(late, Instant.parse("2027-06-04T09:30:00Z"), 60, 2));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            SessionView moved = sessions.find(id("late")).orElseThrow();
            assertThat(moved.provisioned()).isTrue();
            assertThat(moved.provisionedVersion()).isEqualTo(2);
            assertThat(moved.meetingId()).isNotEqualTo(before.meetingId());
        });
        SessionView moved = sessions.find(id("late")).orElseThrow();
        assertThat(moved.hostUserId()).isNotEqualTo(before.hostUserId());
        assertThat(emulator.admin("/meetings/" + before.meetingId()).path("deleted").asBoolean()).isTrue();
        JsonNode meeting = emulator.admin("/meetings/" + moved.meetingId());
        assertThat(meeting.path("hostEmail").asString()).isEqualTo(moved.hostUserId());
        assertThat(meeting.path("startTime").asString()).isEqualTo("2027-06-04T09:30:00Z");
        assertThat(store.redis().exists(keys.registrants(id("late")))).as("old join links are void").isFalse();
    }

    @Test
    void aSessionThatBecomesInPersonLosesItsMeetingAndOneThatBecomesHybridGetsOne() {
        LocalDate day = LocalDate.of(2027, 6, 3);
        SessionScheduled session = ProvisioningSupport.scheduled("format-change", "PLENARY", day,
                Instant.parse("2027-06-03T09:00:00Z"), 60, "IN_PERSON", null, 1);
        support.publish(session);
        await().atMost(Duration.ofSeconds(20)).until(
                () -> sessions.find(id("format-change")).map(SessionView::provisioning).orElse(""), "NOT_NEEDED"::equals);

        support.publish(ProvisioningSupport.updated(session, "HYBRID", 2));
        String meetingId = await().atMost(Duration.ofSeconds(20)).until(
                () -> sessions.find(id("format-change")).map(SessionView::meetingId).orElse(null), id -> id != null);
        assertThat(store.redis().sismember(keys.allRemoteSessions(), id("format-change"))).isTrue();

        support.publish(ProvisioningSupport.updated(session, "IN_PERSON", 3));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(emulator.admin("/meetings/" + meetingId).path("deleted").asBoolean()).isTrue();
            assertThat(sessions.find(id("format-change")).orElseThrow().provisioning()).isEqualTo("NOT_NEEDED");
        });
        assertThat(support.emitted("streaming.link-removed.v1", id("format-change"), Duration.ofSeconds(10)).get(0)
                .path("data").path("reason").asString()).isEqualTo("NOT_STREAMED");
        assertThat(store.redis().sismember(keys.allRemoteSessions(), id("format-change"))).isFalse();
    }
}

package dev.hybridconf.streaming.interpretation;

import static dev.hybridconf.streaming.interpretation.InterpretationSupport.channel;
import static dev.hybridconf.streaming.interpretation.InterpretationSupport.interpreter;
import static dev.hybridconf.streaming.interpretation.InterpretationSupport.newSession;
import static dev.hybridconf.streaming.interpretation.InterpretationSupport.plan;
import static dev.hybridconf.streaming.interpretation.InterpretationSupport.sign;
import static dev.hybridconf.streaming.interpretation.InterpretationSupport.signer;
import static dev.hybridconf.streaming.interpretation.InterpretationSupport.uncovered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.AssignedInterpreter;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Channel;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.kit.lease.Lease;
import dev.hybridconf.kit.lease.Leases;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.messaging.ViewRebuilds;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.Sessions;
import dev.hybridconf.streaming.emulator.OnZoomEmulator;
import dev.hybridconf.streaming.emulator.ZoomEmulatorServer;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The interpretation set-up end to end on real Kafka and Redis against the Zoom emulator: published plans reach each
 * session's meeting or webinar with the right channels and interpreters, one update per session; the same plan
 * published again, a repeated event and an older plan make no Zoom call; a session provisioned after its plan, and a
 * meeting Zoom lost, are created with their interpretation; a near daily cap defers the update and says so; one
 * replica at a time; a rebuild of the view sends Zoom nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "platform.streaming.hosts.seed=host1@hybridconf.example:webinar,host2@hybridconf.example:webinar,"
            + "host3@hybridconf.example,host4@hybridconf.example,host5@hybridconf.example,host6@hybridconf.example",
    "platform.streaming.provisioning.poll-interval=100ms",
    "platform.streaming.provisioning.initial-backoff=200ms",
    "platform.streaming.interpretation.linger=300ms",
    "platform.streaming.interpretation.poll-interval=100ms",
    // A sign language the service maps but the Zoom account does not offer: Zoom refuses it.
    "platform.streaming.interpretation.sign-languages.csc=Catalan",
    "platform.zoom.retry.initial-backoff=50ms"})
@OnZoomEmulator
class InterpretationOnZoomTests {

    static final Duration DEADLINE = Duration.ofSeconds(40);

    @Autowired
    ZoomEmulatorServer emulator;

    @Autowired
    TopicNames topics;

    @Autowired
    Sessions sessions;

    @Autowired
    RedisStore store;

    @Autowired
    InterpretationKeys keys;

    @Autowired
    InterpretationSync sync;

    @Autowired
    ViewRebuilds rebuilds;

    @Autowired
    MeterRegistry meters;

    @Autowired
    InterpretationCopy copy;

    @LocalServerPort
    int port;

    InterpretationSupport support;

    @BeforeEach
    void support() {
        support = new InterpretationSupport(topics, emulator, port);
    }

    // ------------------------------------------------------------------------------------------------ plans

    static List<Channel> plenaryChannels() {
        return List.of(channel("en", Delivery.BOTH), channel("fr", Delivery.ZOOM), channel("es", Delivery.ZOOM),
                sign("ils"));
    }

    static List<AssignedInterpreter> plenaryTeam() {
        return List.of(interpreter("ines", "ines@interpreters.example.org", "en", "fr"),
                interpreter("marc", "marc@interpreters.example.org", "en", "fr"),
                interpreter("ines", "ines@interpreters.example.org", "fr", "en"),
                interpreter("pablo", "pablo@interpreters.example.org", "en", "es"),
                interpreter("lucia", "lucia@interpreters.example.org", "en", "es"),
                signer("sam", "sam@interpreters.example.org", "ils"));
    }

    static List<Channel> breakoutAChannels(boolean spanishCovered) {
        return List.of(channel("en", Delivery.ZOOM), spanishCovered ? channel("es", Delivery.ZOOM)
                : uncovered("es", Delivery.ZOOM));
    }

    static List<AssignedInterpreter> breakoutATeam(boolean second) {
        return second ? List.of(interpreter("anna", "anna@interpreters.example.org", "fr", "en"),
                interpreter("sofia", "sofia@interpreters.example.org", "fr", "es"),
                interpreter("diego", "diego@interpreters.example.org", "fr", "es"))
                : List.of(interpreter("anna", "anna@interpreters.example.org", "fr", "en"),
                        interpreter("sofia", "sofia@interpreters.example.org", "fr", "es"));
    }

    static List<Channel> breakoutBChannels() {
        return List.of(channel("ar", Delivery.ROOM), channel("fr", Delivery.ZOOM));
    }

    static List<AssignedInterpreter> breakoutBTeam() {
        return List.of(interpreter("omar", null, "en", "ar"), interpreter("jean", null, "en", "fr"),
                interpreter("claire", "claire@interpreters.example.org", "en", "fr"));
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    void publishedPlansReachEachMeetingOnceAndTheSamePlanAgainAnOldOneOrARepeatMakeNoZoomCall() {
        LocalDate day = LocalDate.of(2027, 9, 14);
        String plenary = newSession();
        String breakoutA = newSession();
        String breakoutB = newSession();
        support.schedule(plenary, "PLENARY", day, Instant.parse("2027-09-14T08:00:00Z"), 90, "P");
        support.schedule(breakoutA, "BREAKOUT", day, Instant.parse("2027-09-14T10:00:00Z"), 90, "A");
        support.schedule(breakoutB, "BREAKOUT", day, Instant.parse("2027-09-14T10:00:00Z"), 90, "B");
        await().atMost(DEADLINE).until(() -> List.of(plenary, breakoutA, breakoutB).stream()
                .allMatch(id -> sessions.find(id).map(SessionView::provisioned).orElse(false)));
        String plenaryMeeting = meetingOf(plenary);
        String meetingA = meetingOf(breakoutA);
        String meetingB = meetingOf(breakoutB);
        assertThat(sessions.find(plenary).orElseThrow().zoomKind()).isEqualTo("WEBINAR");
        assertThat(meetingA).as("every breakout is its own meeting: Zoom interprets no breakout room")
                .isNotEqualTo(meetingB);
        long updatesBefore = support.updates();

        support.publish(plan(plenary, 1, plenaryChannels(), plenaryTeam()));
        support.publish(plan(breakoutA, 1, breakoutAChannels(false), breakoutATeam(false)));
        CloudEvent lastOfB = support.publish(plan(breakoutB, 1, breakoutBChannels(), breakoutBTeam()));
        settled(1, plenary, breakoutA, breakoutB);

        assertThat(support.interpreters(plenaryMeeting)).containsOnlyKeys("ines@interpreters.example.org",
                "marc@interpreters.example.org", "pablo@interpreters.example.org", "lucia@interpreters.example.org")
                .containsEntry("marc@interpreters.example.org", "US,FR")
                .containsEntry("pablo@interpreters.example.org", "US,ES")
                .as("working both ways, one entry").containsEntry("ines@interpreters.example.org", "FR,US");
        assertThat(support.signers(plenaryMeeting)).containsExactly(
                Map.entry("sam@interpreters.example.org", "International Sign"));
        assertThat(support.interpreters(meetingA)).containsOnly(Map.entry("anna@interpreters.example.org", "FR,US"),
                Map.entry("sofia@interpreters.example.org", "FR,ES"));
        assertThat(support.interpreters(meetingB)).as("the room's Arabic booth and a missing e-mail stay out")
                .containsOnly(Map.entry("claire@interpreters.example.org", "US,FR"));
        assertThat(support.meeting(meetingB).path("interpretation").path("signLanguageEnabled").asBoolean())
                .isFalse();
        assertThat(support.updates()).as("one update per session").isEqualTo(updatesBefore + 3);
        assertThat(List.of(plenaryMeeting, meetingA, meetingB))
                .allSatisfy(meeting -> assertThat(support.meeting(meeting).path("updates").asInt()).isEqualTo(1));

        JsonNode plenaryRow = support.boardRow(day, plenary, "fr").path("interpretation");
        assertThat(plenaryRow.path("state").asString()).isEqualTo("READY");
        assertThat(plenaryRow.path("channels")).extracting(c -> c.path("name").asString())
                .containsExactly("anglais", "français", "espagnol", "signes internationaux");
        assertThat(plenaryRow.path("channels")).extracting(c -> c.path("interpretersOnZoom").asInt())
                .containsExactly(1, 2, 2, 1);
        assertThat(plenaryRow.toString()).as("interpreters are counted on the board, not named")
                .doesNotContain("@interpreters.example.org");
        JsonNode rowA = support.boardRow(day, breakoutA, "es").path("interpretation");
        assertThat(rowA.path("state").asString()).isEqualTo("GAPS");
        assertThat(rowA.path("issues")).extracting(i -> i.path("code").asString()).containsExactly("UNCOVERED");
        assertThat(rowA.path("issues").get(0).path("message").asString()).contains("español");
        JsonNode rowB = support.boardRow(day, breakoutB, "en").path("interpretation");
        assertThat(rowB.path("state").asString()).isEqualTo("GAPS");
        assertThat(rowB.path("issues")).extracting(i -> i.path("code").asString() + ":" + i.path("interpreterId")
                .asString()).containsExactly("NO_ZOOM_EMAIL:jean");

        // The same plans published again (a second publish with no change): no Zoom call.
        support.publish(plan(plenary, 2, plenaryChannels(), plenaryTeam()));
        support.publish(plan(breakoutA, 2, breakoutAChannels(false), breakoutATeam(false)));
        support.publish(plan(breakoutB, 2, breakoutBChannels(), breakoutBTeam()));
        settled(2, plenary, breakoutA, breakoutB);
        assertThat(support.updates()).as("nothing changed, nothing sent").isEqualTo(updatesBefore + 3);

        // An event delivered twice, and an older plan arriving late: no effect either.
        double older = consumed("older");
        double duplicates = consumed("duplicate");
        support.send(lastOfB);
        CloudEvent repeat = support.publish(plan(breakoutA, 1, List.of(), List.of()));
        support.send(repeat);
        await().atMost(DEADLINE).until(() -> consumed("older") >= older + 2 && consumed("duplicate") >= duplicates);
        assertThat(store.redis().hget(keys.desired(breakoutA), InterpretationKeys.PLAN_VERSION)).isEqualTo("2");
        assertThat(support.interpreters(meetingA)).hasSize(2);

        // A real change to one session: one update, to its meeting only.
        support.publish(plan(breakoutA, 3, breakoutAChannels(true), breakoutATeam(true)));
        settled(3, breakoutA);
        await().atMost(DEADLINE).until(() -> support.interpreters(meetingA).size() == 3);
        assertThat(support.interpreters(meetingA)).containsEntry("diego@interpreters.example.org", "FR,ES");
        assertThat(support.updates()).isEqualTo(updatesBefore + 4);
        assertThat(support.meeting(meetingA).path("updates").asInt()).isEqualTo(2);
        assertThat(support.meeting(plenaryMeeting).path("updates").asInt()).isEqualTo(1);
        assertThat(support.boardRow(day, breakoutA, "en").path("interpretation").path("state").asString())
                .isEqualTo("READY");
    }

    @Test
    void aSessionProvisionedAfterItsPlanIsCreatedWithItAndAMeetingZoomLostIsReCreatedWithIt() {
        LocalDate day = LocalDate.of(2027, 9, 15);
        String session = newSession();
        long updatesBefore = support.updates();
        support.publish(plan(session, 1, breakoutAChannels(true), breakoutATeam(false)));
        await().atMost(DEADLINE).until(() -> store.redis().exists(keys.desired(session)));

        support.schedule(session, "BREAKOUT", day, Instant.parse("2027-09-15T10:00:00Z"), 60, "C");
        await().atMost(DEADLINE).until(() -> sessions.find(session).map(SessionView::provisioned).orElse(false));
        String first = meetingOf(session);
        assertThat(support.interpreters(first)).containsOnlyKeys("anna@interpreters.example.org",
                "sofia@interpreters.example.org");
        await().atMost(DEADLINE).until(() -> store.redis().zscore(keys.due(), session) == null);
        assertThat(support.meeting(first).path("updates").asInt()).as("created with it: no update").isZero();
        assertThat(support.updates()).isEqualTo(updatesBefore);
        assertThat(support.boardRow(day, session, "en").path("interpretation").path("state").asString())
                .isEqualTo("READY");

        // Deleted at Zoom behind the platform's back; the next plan's update finds it gone.
        emulator.admin("DELETE", "/meetings/" + first + "?webhook=false", null);
        support.publish(plan(session, 2, breakoutAChannels(true), breakoutATeam(true)));
        await().atMost(DEADLINE).until(() -> sessions.find(session).filter(SessionView::provisioned)
                .map(SessionView::meetingId).filter(id -> !id.equals(first)).isPresent());
        String second = meetingOf(session);
        assertThat(support.interpreters(second)).as("the repaired meeting has the newest plan")
                .containsOnlyKeys("anna@interpreters.example.org", "sofia@interpreters.example.org",
                        "diego@interpreters.example.org");
        await().atMost(DEADLINE).until(() -> store.redis().zscore(keys.due(), session) == null);
        assertThat(support.meeting(second).path("updates").asInt()).isZero();
        assertThat(support.boardRow(day, session, "en").path("interpretation").path("state").asString())
                .isEqualTo("READY");
    }

    @Test
    void whenTheHostsDailyCapIsNearTheUpdateIsDeferredToMidnightAndTheBoardSaysSo() {
        LocalDate day = LocalDate.of(2027, 9, 16);
        String session = newSession();
        support.schedule(session, "BREAKOUT", day, Instant.parse("2027-09-16T10:00:00Z"), 60, "D");
        await().atMost(DEADLINE).until(() -> sessions.find(session).map(SessionView::provisioned).orElse(false));
        String host = sessions.find(session).orElseThrow().hostUserId();
        String meeting = meetingOf(session);
        String counter = store.keys().key("zoom", "daily-writes", LocalDate.now(ZoneOffset.UTC).toString(), host);
        String usedBefore = store.redis().get(counter);
        long updatesBefore = support.updates();
        try {
            // The host has spent 90 of its 100 create/update requests today: the last 10 are kept for provisioning.
            store.redis().set(counter, "90");
            support.publish(plan(session, 1, breakoutAChannels(true), breakoutATeam(false)));
            await().atMost(DEADLINE).until(() -> "DEFERRED".equals(
                    store.redis().hget(keys.applied(session), "state")));

            assertThat(support.updates()).isEqualTo(updatesBefore);
            assertThat(support.interpreters(meeting)).isEmpty();
            Instant midnight = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            assertThat(store.redis().zscore(keys.due(), session)).as("due again at 00:00 UTC")
                    .isEqualTo((double) midnight.toEpochMilli());
            JsonNode row = support.boardRow(day, session, "fr").path("interpretation");
            assertThat(row.path("state").asString()).isEqualTo("DEFERRED");
            assertThat(row.path("reason").asString()).isEqualTo("DAILY_CAP_NEAR");
            assertThat(Instant.parse(row.path("retryAt").asString())).isEqualTo(midnight);
            assertThat(row.path("message").asString()).contains("Reporté").contains(host);
        } finally {
            if (usedBefore == null) {
                store.redis().del(counter);
            } else {
                store.redis().set(counter, usedBefore);
            }
        }
    }

    @Test
    void whileAnotherReplicaHoldsASessionThisOneLeavesItAndTakesItOverOnceReleased() {
        LocalDate day = LocalDate.of(2027, 9, 17);
        String session = newSession();
        support.schedule(session, "BREAKOUT", day, Instant.parse("2027-09-17T10:00:00Z"), 60, "E");
        await().atMost(DEADLINE).until(() -> sessions.find(session).map(SessionView::provisioned).orElse(false));
        String meeting = meetingOf(session);
        long updatesBefore = support.updates();
        Leases replicaB = new Leases(store.redis(), store.keys(), "replica-b");
        try {
            Lease held = replicaB.tryAcquire(InterpretationKeys.lease(session), Duration.ofSeconds(60)).orElseThrow();
            support.publish(plan(session, 1, breakoutAChannels(true), breakoutATeam(false)));
            await().atMost(DEADLINE).until(() -> {
                Double due = store.redis().zscore(keys.due(), session);
                return due != null && due <= System.currentTimeMillis();
            });

            assertThat(sync.drainDue()).extracting(InterpretationSync.Pass::sessionId).doesNotContain(session);
            assertThat(support.updates()).isEqualTo(updatesBefore);

            held.release();
            await().atMost(DEADLINE).until(() -> support.interpreters(meeting).size() == 2);
            assertThat(support.meeting(meeting).path("updates").asInt()).isEqualTo(1);
        } finally {
            replicaB.close();
        }
    }

    @Test
    void rebuildingTheViewReplaysThePlansWithoutAZoomCall() {
        LocalDate day = LocalDate.of(2027, 9, 18);
        String session = newSession();
        support.schedule(session, "BREAKOUT", day, Instant.parse("2027-09-18T10:00:00Z"), 60, "F");
        await().atMost(DEADLINE).until(() -> sessions.find(session).map(SessionView::provisioned).orElse(false));
        String meeting = meetingOf(session);
        support.publish(plan(session, 1, breakoutAChannels(true), breakoutATeam(false)));
        settled(1, session);
        await().atMost(DEADLINE).until(() -> support.interpreters(meeting).size() == 2);
        assertThat(support.meeting(meeting).path("updates").asInt()).isEqualTo(1);

        rebuilds.rebuild(rebuilds.find("interpretation").orElseThrow());
        assertThat(store.redis().exists(keys.applied(session))).as("what Zoom has is not part of the view").isTrue();
        settled(1, session);

        assertThat(support.meeting(meeting).path("updates").asInt()).as("Zoom already had it").isEqualTo(1);
        assertThat(support.boardRow(day, session, "en").path("interpretation").path("state").asString())
                .isEqualTo("READY");
    }

    @Test
    void settingsZoomRefusesAreShownAsFailedWithZoomsReasonAndWaitForTheNextPlan() {
        LocalDate day = LocalDate.of(2027, 9, 19);
        String session = newSession();
        support.schedule(session, "BREAKOUT", day, Instant.parse("2027-09-19T10:00:00Z"), 60, "G");
        await().atMost(DEADLINE).until(() -> sessions.find(session).map(SessionView::provisioned).orElse(false));
        String meeting = meetingOf(session);
        long updatesBefore = support.updates();

        support.publish(plan(session, 1, List.of(channel("es", Delivery.ZOOM), sign("csc")),
                List.of(interpreter("sofia", "sofia@interpreters.example.org", "en", "es"),
                        signer("jordi", "jordi@interpreters.example.org", "csc"))));
        await().atMost(DEADLINE).until(() -> "FAILED".equals(store.redis().hget(keys.applied(session), "state")));

        assertThat(support.updates()).as("one try: Zoom answered 400").isEqualTo(updatesBefore + 1);
        assertThat(support.meeting(meeting).path("updates").asInt()).as("nothing of it was kept").isZero();
        assertThat(store.redis().zscore(keys.due(), session)).as("not tried again: each try costs a write").isNull();
        JsonNode row = support.boardRow(day, session, "es").path("interpretation");
        assertThat(row.path("state").asString()).isEqualTo("FAILED");
        assertThat(row.path("reason").asString()).isEqualTo("ZOOM_REJECTED");
        assertThat(row.path("message").asString()).startsWith("Zoom rechazó").contains("Validation Failed");

        support.publish(plan(session, 2, List.of(channel("es", Delivery.ZOOM)),
                List.of(interpreter("sofia", "sofia@interpreters.example.org", "en", "es"))));
        await().atMost(DEADLINE).until(() -> support.interpreters(meeting).size() == 1);
        settled(2, session);
        assertThat(support.boardRow(day, session, "en").path("interpretation").path("state").asString())
                .isEqualTo("READY");
    }

    @Test
    void deliveriesInAnyOrderFromManyThreadsWithRepeatsLeaveTheNewestPlan() throws Exception {
        String session = newSession();
        List<CloudEvent> deliveries = new ArrayList<>();
        EventCodec codec = new EventCodec();
        for (long version = 1; version <= 40; version++) {
            CloudEvent event = codec.wrap("interpretation-language-service", plan(session, version,
                    List.of(channel("fr", Delivery.ZOOM)), List.of(interpreter("i" + version,
                            "i" + version + "@interpreters.example.org", "en", "fr"))));
            deliveries.add(event);
            if (version % 3 == 0) {
                deliveries.add(event); // redelivered
            }
        }
        Collections.shuffle(deliveries, new Random(12));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        Map<String, AtomicInteger> outcomes =
                new ConcurrentHashMap<>();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (CloudEvent event : deliveries) {
                running.add(threads.submit(() -> outcomes.computeIfAbsent(copy.published(event,
                        codec.payload(event, SessionInterpretationPublished.class)),
                        k -> new AtomicInteger()).incrementAndGet()));
            }
            for (Future<?> result : running) {
                result.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(store.redis().hget(keys.desired(session), InterpretationKeys.PLAN_VERSION)).isEqualTo("40");
        assertThat(copy.find(session).orElseThrow().interpreters()).extracting(AssignedInterpreter::interpreterId)
                .containsExactly("i40");
        assertThat(outcomes.values().stream().mapToInt(AtomicInteger::get).sum())
                .isEqualTo(deliveries.size());
        assertThat(outcomes.keySet()).isSubsetOf("applied", "older", "duplicate");
        assertThat(outcomes.getOrDefault("applied", new AtomicInteger()).get())
                .isBetween(1, 40);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String meetingOf(String sessionId) {
        return sessions.find(sessionId).orElseThrow().meetingId();
    }

    /** Every session holds plan {@code version} and has been looked at since (no longer due). */
    private void settled(long version, String... sessionIds) {
        await().atMost(DEADLINE).until(() -> {
            for (String id : sessionIds) {
                if (!Long.toString(version).equals(store.redis().hget(keys.desired(id),
                        InterpretationKeys.PLAN_VERSION)) || store.redis().zscore(keys.due(), id) != null) {
                    return false;
                }
            }
            return true;
        });
    }

    private double consumed(String outcome) {
        var counter = meters.find("events.consumed").tag("type", SessionInterpretationPublished.TYPE)
                .tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}

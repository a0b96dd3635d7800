package dev.hybridconf.session.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.EventPayload;
import dev.hybridconf.contracts.registration.ParticipantErased;
import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.registration.RegistrationCancelled;
import dev.hybridconf.contracts.registration.RegistrationSubmitted;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.session.participants.ParticipantDirectory;
import dev.hybridconf.session.participants.ParticipantView;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Breakout places under random interleavings, on a real Redis and Kafka through the real HTTP API:
 * many threads enrol, leave (the same person twice at once too), and registrations are approved
 * ("an offer accepted"), cancelled and erased through registration events, while the sweep of a
 * second replica runs every 100 ms. After every round, once the events are applied, every count
 * must equal the set it counts, nobody holds a place or waits who may not, nobody waits while a
 * place is free, each participant's index agrees with the breakouts, and the session events, folded
 * in order, give exactly the places and waiting lists the service holds.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "platform.session.enrolment.sweep-interval=100ms")
@PlatformInfrastructure
class EnrolmentInvariantsTests {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int ROUNDS = 12;
    private static final int OPERATIONS_PER_ROUND = 250;
    private static final int THREADS = 12;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Autowired
    TopicNames topics;

    @Autowired
    ParticipantDirectory directory;

    @Autowired
    RedisStore store;

    private final TestTokens tokens = TestTokens.shared();
    private final EventCodec codec = new EventCodec();
    /** The conference of the test programme, which every participant registered for. */
    private String conference;

    /** A breakout of the test programme, and the ones it overlaps. */
    private record Breakout(String id, int capacity, Set<String> overlaps) {
    }

    @Test
    void everyCountEqualsWhatItCountsAfterThousandsOfRandomInterleavings() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String why = "seed " + seed;
        ProgrammeApi api = new ProgrammeApi(port, bootstrap, topics.physical("session.events"));
        conference = api.createLocalAction("invariants", tokens.organiser());

        // Small places and overlapping slots, so that races on the last place, the waiting list and
        // the overlap rule are the common case, not the rare one.
        Map<String, Breakout> breakouts = new LinkedHashMap<>();
        String a = breakout(api, conference, "a", "10:00", "11:00", 3);
        String b = breakout(api, conference, "b", "10:30", "11:30", 2);
        String c = breakout(api, conference, "c", "14:00", "15:00", 4);
        String d = breakout(api, conference, "d", "14:00", "15:00", 1);
        breakouts.put(a, new Breakout(a, 3, Set.of(b)));
        breakouts.put(b, new Breakout(b, 2, Set.of(a)));
        breakouts.put(c, new Breakout(c, 4, Set.of(d)));
        breakouts.put(d, new Breakout(d, 1, Set.of(c)));
        List<String> sessions = new ArrayList<>(breakouts.keySet());

        List<String> active = new CopyOnWriteArrayList<>();
        Set<String> gone = ConcurrentHashMap.newKeySet();
        Map<String, String> expectedStatus = new ConcurrentHashMap<>();
        for (int i = 0; i < 24; i++) {
            active.add(approve(expectedStatus));
        }
        awaitApplied(expectedStatus);

        Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                List<Future<?>> work = new ArrayList<>();
                for (int op = 0; op < OPERATIONS_PER_ROUND; op++) {
                    long opSeed = random.nextLong();
                    work.add(pool.submit(() -> operate(new Random(opSeed), api, sessions, active, gone,
                            expectedStatus, outcomes)));
                }
                for (Future<?> done : work) {
                    done.get();
                }
                awaitApplied(expectedStatus);
                String roundWhy = why + ", round " + round + ", outcomes " + outcomes;
                await().atMost(DEADLINE).untilAsserted(() -> assertInvariants(api, breakouts, gone, roundWhy));
            }
        } finally {
            pool.shutdownNow();
        }

        await().atMost(DEADLINE).untilAsserted(() -> assertEventsFoldToTheState(api, breakouts, why));
        // The runs really raced: places were taken, handed on and released, and people waited.
        assertThat(outcomes.get("enrol:200").get()).as(why + " " + outcomes).isGreaterThan(100);
        assertThat(outcomes.get("leave:204").get()).as(why + " " + outcomes).isGreaterThan(100);
        assertThat(outcomes.keySet()).as(why).contains("cancel", "erase", "approve");
        assertThat(outcomes.keySet()).as(why + ": only expected answers")
                .allMatch(outcome -> outcome.matches("(enrol:(200|403|409)|leave:204|cancel|erase|approve)"));
    }

    /** One random step of one user (or of the registration service). */
    private void operate(Random random, ProgrammeApi api, List<String> sessions, List<String> active, Set<String> gone,
            Map<String, String> expectedStatus, Map<String, AtomicLong> outcomes) {
        List<String> people = List.copyOf(active);
        // Cancellations and erasures thin the crowd; approvals (offers accepted) keep it at a dozen or more.
        int dice = people.size() < 12 ? 99 : random.nextInt(100);
        String person = people.isEmpty() ? null : people.get(random.nextInt(people.size()));
        String session = sessions.get(random.nextInt(sessions.size()));
        String outcome;
        if (dice < 48) {
            HttpResponse<String> answer = api.post("/api/sessions/" + session + "/enrolment",
                    tokens.token(person, "participant"));
            outcome = "enrol:" + answer.statusCode();
        } else if (dice < 88) {
            HttpResponse<String> answer = api.json("DELETE", "/api/sessions/" + session + "/enrolment",
                    tokens.token(person, "participant"), null);
            outcome = "leave:" + answer.statusCode();
        } else if (dice < 91) {
            if (active.remove(person)) {
                gone.add(person);
                expectedStatus.put(person, "CANCELLED");
                publish(new RegistrationCancelled(person, conference, "REMOTE", true));
            }
            outcome = "cancel";
        } else if (dice < 93) {
            if (active.remove(person)) {
                gone.add(person);
                expectedStatus.put(person, "ERASED");
                publish(new ParticipantErased(person, conference, "REMOTE", true));
            }
            outcome = "erase";
        } else {
            active.add(approve(expectedStatus));
            outcome = "approve";
        }
        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
    }

    private void assertInvariants(ProgrammeApi api, Map<String, Breakout> breakouts, Set<String> gone, String why) {
        Map<String, Set<String>> standing = new HashMap<>();
        for (Breakout breakout : breakouts.values()) {
            JsonNode list = api.read(api.get("/api/sessions/" + breakout.id() + "/enrolments", tokens.organiser()));
            List<String> places = strings(list.get("enrolledIds"));
            List<String> waiting = strings(list.get("waitlist"));
            JsonNode counts = api.read(api.get("/api/sessions/" + breakout.id() + "/places", tokens.participant()));

            assertThat(list.get("enrolled").asLong()).as(why + ": counted places = holders").isEqualTo(places.size());
            assertThat(counts.get("enrolled").asLong()).as(why + ": places view").isEqualTo(places.size());
            assertThat(counts.get("waiting").asLong()).as(why + ": waiting view").isEqualTo(waiting.size());
            assertThat(counts.get("available").asLong()).as(why).isEqualTo(breakout.capacity() - places.size());
            assertThat(places).as(why + ": never oversold").hasSizeLessThanOrEqualTo(breakout.capacity());
            assertThat(places.stream().filter(waiting::contains).toList()).as(why + ": holds and waits at once")
                    .isEmpty();
            assertThat(new HashSet<>(places)).as(why + ": holds twice").hasSize(places.size());
            if (!waiting.isEmpty()) {
                assertThat(places).as(why + ": someone waits while a place is free").hasSize(breakout.capacity());
            }
            for (String id : places) {
                standing.computeIfAbsent(id, k -> new HashSet<>()).add(breakout.id());
            }
            for (String id : waiting) {
                standing.computeIfAbsent(id, k -> new HashSet<>()).add(breakout.id());
            }
        }
        for (Map.Entry<String, Set<String>> person : standing.entrySet()) {
            String id = person.getKey();
            assertThat(gone).as(why + ": a cancelled or erased participant still stands in a breakout").doesNotContain(id);
            assertThat(directory.find(id).map(ParticipantView::status)).as(why).contains("APPROVED");
            for (String sessionId : person.getValue()) {
                assertThat(person.getValue().stream().filter(breakouts.get(sessionId).overlaps()::contains).toList())
                        .as(why + ": in two overlapping breakouts").isEmpty();
            }
            assertThat(indexOf(id)).as(why + ": the participant's index").isEqualTo(person.getValue());
        }
        for (String id : gone) {
            if (!standing.containsKey(id)) {
                assertThat(indexOf(id)).as(why + ": index of a participant who left everything").isEmpty();
            }
        }
    }

    /** The breakouts the participant's own index says they hold or wait for. */
    private Set<String> indexOf(String registrationId) {
        return new HashSet<>(store.redis().zrange(store.keys().key("enrollee", registrationId, "sessions"), 0, -1));
    }

    /** The enrolment events of each breakout, folded in topic order, give the places and lists held now. */
    private void assertEventsFoldToTheState(ProgrammeApi api, Map<String, Breakout> breakouts, String why) {
        Map<String, Map<String, String>> folded = new HashMap<>();
        for (ProgrammeApi.Event event : api.events()) {
            if (!breakouts.containsKey(event.key())) {
                continue;
            }
            Map<String, String> state = folded.computeIfAbsent(event.key(), k -> new HashMap<>());
            String person = event.data().path("registrationId").asString();
            switch (event.type()) {
                case "session.enrolled.v1" -> {
                    assertThat(state).as(why + ": enrolled twice without leaving").doesNotContainKey(person);
                    state.put(person, event.data().get("status").asString());
                }
                case "session.enrolment-promoted.v1" -> {
                    assertThat(state.get(person)).as(why + ": promoted without waiting").isEqualTo("WAITLISTED");
                    state.put(person, "ENROLLED");
                }
                case "session.enrolment-cancelled.v1" -> {
                    assertThat(state.get(person)).as(why + ": released from where they did not stand")
                            .isEqualTo(event.data().get("previousStatus").asString());
                    state.remove(person);
                }
                default -> {
                }
            }
        }
        for (Breakout breakout : breakouts.values()) {
            JsonNode list = api.read(api.get("/api/sessions/" + breakout.id() + "/enrolments", tokens.organiser()));
            Map<String, String> held = new HashMap<>();
            strings(list.get("enrolledIds")).forEach(id -> held.put(id, "ENROLLED"));
            strings(list.get("waitlist")).forEach(id -> held.put(id, "WAITLISTED"));
            assertThat(folded.getOrDefault(breakout.id(), Map.of())).as(why + ": events of " + breakout.id())
                    .isEqualTo(held);
        }
    }

    private String breakout(ProgrammeApi api, String conference, String key, String start, String end, int capacity) {
        HttpResponse<String> created = api.json("POST", "/api/sessions/conferences/" + conference + "/sessions",
                tokens.organiser(), """
                        {"key": "%s", "kind": "BREAKOUT", "day": "2024-11-07", "start": "%s", "end": "%s",
                         "room": "Room %s", "format": "HYBRID", "floorLanguages": ["en"], "capacity": %d,
                         "title": {"en": "Breakout %s", "fr": "Atelier %s", "es": "Taller %s"}}"""
                        .formatted(key, start, end, key, capacity, key, key, key));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return api.read(created).get("id").asString();
    }

    /** A new participant approved by the registration service (e.g. a waiting-list offer accepted). */
    private String approve(Map<String, String> expectedStatus) {
        String id = UUID.randomUUID().toString();
        expectedStatus.put(id, "APPROVED");
        publish(new RegistrationSubmitted(id, conference, "REMOTE", "fr", "SN"));
        publish(new RegistrationApproved(id, conference, "REMOTE", "fr", null, "Africa/Dakar", List.of("participant")));
        return id;
    }

    /** Waits until the session service has applied every registration event published so far. */
    private void awaitApplied(Map<String, String> expectedStatus) {
        await().atMost(DEADLINE).until(() -> expectedStatus.entrySet().stream().allMatch(expected -> {
            var found = directory.find(expected.getKey());
            return "ERASED".equals(expected.getValue()) ? found.isEmpty()
                    : found.map(ParticipantView::status).filter(expected.getValue()::equals).isPresent();
        }));
    }

    private void publish(EventPayload payload) {
        CloudEvent event = codec.wrap("registration-service", payload);
        KafkaProbe.shared().send(topics.physical("registration.events"), event.subject(), codec.toJson(event));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}

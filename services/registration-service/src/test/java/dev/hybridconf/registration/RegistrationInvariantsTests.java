package dev.hybridconf.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.registration.identity.TokenIssuer;
import dev.hybridconf.testinfra.AdjustableClock;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Places, waiting lists and offers under random interleavings, on a real Redis and Kafka through
 * the real HTTP API: many threads submit, approve, waitlist, reject, cancel, switch attendance
 * mode, accept and decline offers and erase, while offers expire (the clock jumps two days) and the
 * offer sweep runs every 100 ms. After every round, every count must equal the set it counts: places
 * held per mode are the approved and offered registrations of that mode, never above capacity; the
 * waiting lists and the open offers are exactly the waitlisted and offered registrations; nobody
 * waits in a mode with a free place; and at the end the events of each registration, folded in
 * order, give its stored status and mode.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "platform.registration.capacity.in-person=4", "platform.registration.capacity.remote=3",
        "platform.registration.offer-reply-within=48h", "platform.registration.offer-sweep-interval=100ms"})
@Import({AdjustableClock.Config.class, TestConferences.Published.class})
@PlatformInfrastructure
class RegistrationInvariantsTests {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int ROUNDS = 10;
    private static final int OPERATIONS_PER_ROUND = 250;
    private static final int THREADS = 12;
    private static final Map<String, Integer> CAPACITY = Map.of("IN_PERSON", 4, "REMOTE", 3);
    private static final Set<String> HOLDING = Set.of("APPROVED", "OFFERED");

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    TopicNames topics;

    @Autowired
    RedisStore store;

    @Autowired
    AdjustableClock clock;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyCountEqualsWhatItCountsAfterThousandsOfRandomInterleavings() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String why = "seed " + seed;
        RegistrationHttp api = new RegistrationHttp(port, tokens);
        String organiser = api.organiser();

        List<String> known = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 16; i++) {
            known.add(api.register(i % 2 == 0 ? "IN_PERSON" : "REMOTE", "fr"));
        }
        Set<String> erased = ConcurrentHashMap.newKeySet();
        Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                List<Future<?>> work = new ArrayList<>();
                for (int op = 0; op < OPERATIONS_PER_ROUND; op++) {
                    long opSeed = random.nextLong();
                    work.add(pool.submit(() -> operate(new Random(opSeed), api, organiser, known, erased, outcomes)));
                }
                for (Future<?> done : work) {
                    done.get();
                }
                String roundWhy = why + ", round " + round + ", outcomes " + outcomes;
                await().atMost(DEADLINE).untilAsserted(() -> assertInvariants(api, organiser, known, erased, roundWhy));
            }
        } finally {
            pool.shutdownNow();
        }

        await().atMost(DEADLINE).untilAsserted(() -> assertEventsFoldToTheState(known, erased, why));
        assertThat(outcomes.keySet()).as(why + ": the runs moved places both ways " + outcomes)
                .contains("approve:200", "cancel:200", "accept:200", "mode:200", "erase:204", "expire");
        assertThat(outcomes.keySet()).as(why + ": only expected answers " + outcomes)
                .allMatch(outcome -> outcome.matches("[a-z]+:(200|201|204|404|409)|expire"));
    }

    private void operate(Random random, RegistrationHttp api, String organiser, List<String> known, Set<String> erased,
            Map<String, AtomicLong> outcomes) {
        int dice = random.nextInt(100);
        List<String> people = List.copyOf(known);
        String id = people.get(random.nextInt(people.size()));
        String outcome;
        if (dice < 8) {
            known.add(api.register(random.nextBoolean() ? "IN_PERSON" : "REMOTE", "es"));
            outcome = "submit:201";
        } else if (dice < 30) {
            outcome = "approve:" + api.review(id, "approve", organiser).statusCode();
        } else if (dice < 40) {
            outcome = "waitlist:" + api.review(id, "waitlist", organiser).statusCode();
        } else if (dice < 44) {
            outcome = "reject:" + api.review(id, "reject", organiser).statusCode();
        } else if (dice < 54) {
            outcome = "cancel:" + (random.nextBoolean() ? api.review(id, "cancel", organiser)
                    : api.post("/api/registrations/me/cancel", api.participant(id))).statusCode();
        } else if (dice < 70) {
            outcome = "accept:" + api.post("/api/registrations/me/offer/accept", api.participant(id)).statusCode();
        } else if (dice < 76) {
            outcome = "decline:" + api.post("/api/registrations/me/offer/decline", api.participant(id)).statusCode();
        } else if (dice < 90) {
            String mode = random.nextBoolean() ? "IN_PERSON" : "REMOTE";
            HttpResponse<String> patched = api.sendJson("PATCH", "/api/registrations/me", api.participant(id),
                    "{\"attendanceMode\":\"" + mode + "\"}");
            outcome = "mode:" + patched.statusCode();
        } else if (dice < 94) {
            HttpResponse<String> gone = api.sendJson("DELETE", "/api/registrations/" + id, organiser, null);
            if (gone.statusCode() == 204) {
                erased.add(id);
            }
            outcome = "erase:" + gone.statusCode();
        } else if (dice < 96) {
            clock.advance(Duration.ofHours(49)); // every open offer is now past its reply-by time
            outcome = "expire";
        } else {
            outcome = "read:" + api.get("/api/registrations/capacity", organiser).statusCode();
        }
        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
    }

    private void assertInvariants(RegistrationHttp api, String organiser, List<String> known, Set<String> erased,
            String why) {
        Map<String, Map<String, String>> stored = stored(known);
        assertThat(stored.keySet()).as(why + ": erased registrations are gone").doesNotContainAnyElementsOf(erased);
        JsonNode capacity = api.json(api.get("/api/registrations/capacity", organiser));
        for (String mode : CAPACITY.keySet()) {
            Set<String> holding = ids(stored, r -> mode.equals(r.get("attendanceMode")) && HOLDING.contains(r.get("status")));
            Set<String> waiting = ids(stored, r -> mode.equals(r.get("attendanceMode")) && "WAITLISTED".equals(r.get("status")));
            JsonNode view = capacity.get("modes").get(mode);

            assertThat(holding).as(why + ": never above capacity in " + mode).hasSizeLessThanOrEqualTo(CAPACITY.get(mode));
            assertThat(store.redis().hget(store.keys().key("capacity", TestConferences.CONFERENCE, "approved"), mode))
                    .as(why + ": places counted in " + mode).isEqualTo(Integer.toString(holding.size()));
            assertThat(view.get("approved").asLong()).as(why + ": capacity view " + mode).isEqualTo(holding.size());
            assertThat(view.get("waiting").asLong()).as(why + ": waiting view " + mode).isEqualTo(waiting.size());
            assertThat(new HashSet<>(store.redis().zrange(store.keys().key("waitlist", TestConferences.CONFERENCE, mode), 0, -1)))
                    .as(why + ": waiting list of " + mode).isEqualTo(waiting);
            if (!waiting.isEmpty()) {
                assertThat(holding).as(why + ": people wait in " + mode + " while a place is free")
                        .hasSize(CAPACITY.get(mode));
            }
        }
        assertThat(new HashSet<>(store.redis().zrange(store.keys().key("offers"), 0, -1)))
                .as(why + ": open offers").isEqualTo(ids(stored, r -> "OFFERED".equals(r.get("status"))));
    }

    /** Every registration's stored hash, by id, for those still stored. */
    private Map<String, Map<String, String>> stored(List<String> known) {
        Map<String, Map<String, String>> found = new HashMap<>();
        for (String id : known) {
            Map<String, String> hash = store.redis().hgetAll(store.keys().key("registration", id));
            if (hash != null && !hash.isEmpty()) {
                found.put(id, hash);
            }
        }
        return found;
    }

    private static Set<String> ids(Map<String, Map<String, String>> stored,
            java.util.function.Predicate<Map<String, String>> which) {
        Set<String> ids = new HashSet<>();
        stored.forEach((id, hash) -> {
            if (which.test(hash)) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Each registration's events, folded in topic order, give its stored status and mode (or nothing, erased). */
    private void assertEventsFoldToTheState(List<String> known, Set<String> erased, String why) {
        Set<String> ours = new HashSet<>(known);
        Map<String, String[]> folded = new HashMap<>();
        // Everything written is on the topic once the outbox is empty (the relay deletes an entry after Kafka's ack).
        await().atMost(DEADLINE).until(() -> store.redis().xlen(store.keys().outbox()) == 0);
        List<ConsumerRecord<String, String>> records = KafkaProbe.shared().readAll(topics.physical("registration.events"));
        for (ConsumerRecord<String, String> record : records) {
            if (!ours.contains(record.key())) {
                continue;
            }
            JsonNode event = json.readTree(record.value());
            JsonNode data = event.get("data");
            String[] state = folded.computeIfAbsent(record.key(), k -> new String[2]);
            switch (event.get("type").asString()) {
                case "registration.submitted.v1" -> {
                    state[0] = "PENDING";
                    state[1] = data.get("attendanceMode").asString();
                }
                case "registration.approved.v1" -> state[0] = "APPROVED";
                case "registration.waitlisted.v1" -> state[0] = "WAITLISTED";
                case "registration.offer-made.v1" -> state[0] = "OFFERED";
                case "registration.offer-expired.v1" -> state[0] = "EXPIRED";
                case "registration.rejected.v1" -> state[0] = "REJECTED";
                case "registration.cancelled.v1" -> state[0] = "CANCELLED";
                case "registration.attendance-changed.v1" -> {
                    state[0] = data.get("status").asString();
                    state[1] = data.get("attendanceMode").asString();
                }
                case "participant.erased.v1" -> state[0] = "ERASED";
                default -> {
                }
            }
        }
        Map<String, Map<String, String>> stored = stored(known);
        for (String id : known) {
            String[] state = folded.get(id);
            assertThat(state).as(why + ": events of " + id).isNotNull();
            if (erased.contains(id)) {
                assertThat(state[0]).as(why + ": " + id).isEqualTo("ERASED");
            } else {
                assertThat(state[0] + " " + state[1]).as(why + ": events of " + id)
                        .isEqualTo(stored.get(id).get("status") + " " + stored.get(id).get("attendanceMode"));
            }
        }
    }
}

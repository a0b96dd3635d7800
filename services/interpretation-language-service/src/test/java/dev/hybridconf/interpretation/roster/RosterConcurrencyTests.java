package dev.hybridconf.interpretation.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The roster under concurrent requests on a real Redis, through HTTP: two (or sixteen) creates with one e-mail
 * leave exactly one entry; writes naming one version let exactly one through; and random interleavings of
 * creates, changes, deletions and imports over a few e-mails and registrations always leave a roster whose
 * indexes, versions and partners agree with its entries, and as many entries as were created less those removed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class RosterConcurrencyTests {

    private static final int THREADS = 8;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    Roster roster;

    @Autowired
    RedisStore store;

    RosterApi api;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        api = new RosterApi(port);
        pool = Executors.newFixedThreadPool(THREADS * 2);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void concurrentCreatesWithOneEmailLeaveExactlyOneEntry() throws Exception {
        for (int round = 0; round < 5; round++) {
            String conference = RosterApi.conference("race");
            int racers = round == 0 ? 2 : 16;
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String email = i % 2 == 0 ? "same@example.org" : "SAME@Example.org";
                String name = "Racer " + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.create(conference, RosterApi.body(name, email));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS).statusCode());
            }
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(racers - 1);
            assertThat(roster.forConference(conference)).hasSize(1);
            assertConsistent(conference);
        }
    }

    @Test
    void writesNamingOneVersionLetExactlyOneThrough() throws Exception {
        String conference = RosterApi.conference("if-match");
        String id = api.created(conference, RosterApi.body("Ana Ortiz", "ana@example.org"));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String name = "Ana Ortiz " + i;
            answers.add(pool.submit(() -> {
                start.await();
                return api.json("PUT", api.interpreters(conference) + "/" + id, RosterApi.ORGANISER,
                        RosterApi.body(name, "ana@example.org"), null, "\"1\"");
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS).statusCode());
        }
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 412).hasSize(11);
        assertThat(roster.find(conference, id).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void randomInterleavingsKeepTheRosterConsistentAndCounted() throws Exception {
        for (int round = 0; round < 4; round++) {
            String conference = RosterApi.conference("random");
            Random random = new Random(1_000L * round + 17);
            List<String> emails = List.of("a@example.org", "b@example.org", "c@example.org", "d@example.org",
                    "e@example.org", "f@example.org", "g@example.org", "h@example.org");
            List<String> registrations = List.of("reg-1", "reg-2", "reg-3", "reg-4", "reg-5");
            Set<String> ids = ConcurrentHashMap.newKeySet();
            AtomicInteger created = new AtomicInteger();
            AtomicInteger deleted = new AtomicInteger();
            AtomicInteger refusedAsServerError = new AtomicInteger();
            AtomicInteger changed = new AtomicInteger();
            AtomicInteger imported = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = random.nextLong();
                workers.add(pool.submit(() -> {
                    Random own = new Random(seed);
                    start.await();
                    for (int op = 0; op < 40; op++) {
                        String email = emails.get(own.nextInt(emails.size()));
                        String registration = own.nextInt(3) == 0 ? null : registrations.get(own.nextInt(registrations.size()));
                        List<String> known = new ArrayList<>(ids);
                        String target = known.isEmpty() ? null : known.get(own.nextInt(known.size()));
                        HttpResponse<String> answer;
                        switch (own.nextInt(5)) {
                            case 0, 1 -> {
                                answer = api.create(conference, withPartner(RosterApi.body("Person " + op, email,
                                        registration), own.nextBoolean() ? target : null));
                                if (answer.statusCode() == 201) {
                                    created.incrementAndGet();
                                    ids.add(api.read(answer).path("interpreterId").asString());
                                }
                            }
                            case 2 -> {
                                if (target == null) {
                                    continue;
                                }
                                answer = api.json("PUT", api.interpreters(conference) + "/" + target, RosterApi.ORGANISER,
                                        RosterApi.body("Changed " + op, email, registration), null);
                                if (answer.statusCode() == 200) {
                                    changed.incrementAndGet();
                                }
                            }
                            case 3 -> {
                                if (target == null) {
                                    continue;
                                }
                                answer = api.delete(api.interpreters(conference) + "/" + target, RosterApi.ORGANISER, null);
                                if (answer.statusCode() == 204) {
                                    deleted.incrementAndGet();
                                }
                            }
                            default -> {
                                String partner = emails.get((emails.indexOf(email) + 1 + own.nextInt(emails.size() - 1))
                                        % emails.size());
                                String csv = "name,email,languages,mode,availability,partners\n"
                                        + "Imported " + op + "," + email + ",es-A en-B,remote,2021-02-16," + partner + "\n"
                                        + "Partner " + op + "," + partner + ",fr-A en-C,remote,none,\n";
                                answer = api.importCsv(conference, csv, false, null);
                                if (answer.statusCode() == 200) {
                                    JsonNode report = api.read(answer);
                                    imported.incrementAndGet();
                                    created.addAndGet(report.path("created").asInt());
                                    report.path("rows").forEach(row -> ids.add(row.path("interpreterId").asString()));
                                }
                            }
                        }
                        if (answer.statusCode() >= 500) {
                            refusedAsServerError.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(120, TimeUnit.SECONDS);
            }
            assertThat(refusedAsServerError).hasValue(0);
            // The interleavings did real work of every kind, not only refusals.
            assertThat(created.get()).isGreaterThan(8);
            assertThat(deleted.get()).isPositive();
            assertThat(changed.get()).isPositive();
            assertThat(imported.get()).isPositive();
            assertThat(roster.forConference(conference)).hasSize(created.get() - deleted.get());
            assertConsistent(conference);
        }
    }

    private static String withPartner(String body, String partner) {
        return partner == null ? body : body.replace("\"preferredPartners\": []", "\"preferredPartners\": [\"" + partner + "\"]");
    }

    /**
     * Every index agrees with the entries: one profile, one version and one id per entry, each e-mail and
     * registration pointing at the entry that has it (and no index entry left over), versions as stored, partners
     * on the roster.
     */
    private void assertConsistent(String conference) throws Exception {
        String base = store.keys().key("roster", conference);
        var redis = store.redis();
        Map<String, String> profiles = redis.hgetAll(base + ":profiles");
        Map<String, String> versions = redis.hgetAll(base + ":versions");
        Set<String> ids = new HashSet<>(redis.zrange(base + ":ids", 0, -1));
        assertThat(versions.keySet()).isEqualTo(profiles.keySet());
        assertThat(ids).isEqualTo(profiles.keySet());
        Map<String, String> emailIndex = new HashMap<>();
        Map<String, String> registrationIndex = new HashMap<>();
        for (String key : redis.keys(base + ":email:*")) {
            emailIndex.put(key.substring(key.lastIndexOf(':') + 1), redis.get(key));
        }
        for (String key : redis.keys(base + ":registration:*")) {
            registrationIndex.put(key.substring(key.lastIndexOf(':') + 1), redis.get(key));
        }
        Set<String> emails = new HashSet<>();
        Set<String> registrations = new HashSet<>();
        for (InterpreterProfile profile : roster.forConference(conference)) {
            assertThat(Long.toString(profile.version())).isEqualTo(versions.get(profile.interpreterId()));
            assertThat(emails.add(profile.email())).as("e-mail %s once", profile.email()).isTrue();
            assertThat(emailIndex.get(sha256(profile.email()))).isEqualTo(profile.interpreterId());
            if (profile.registrationId() != null) {
                assertThat(registrations.add(profile.registrationId())).isTrue();
                assertThat(registrationIndex.get(profile.registrationId())).isEqualTo(profile.interpreterId());
            }
            assertThat(profiles.keySet()).containsAll(profile.preferredPartners());
            assertThat(profile.preferredPartners()).doesNotContain(profile.interpreterId());
        }
        assertThat(emailIndex).hasSize(emails.size());
        assertThat(registrationIndex).hasSize(registrations.size());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}

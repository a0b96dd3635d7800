package dev.hybridconf.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.RedisClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11's acceptance on real processes: two replicas of the registration service and two of the session
 * service on one Kafka broker and one Redis, with the streaming-link service and the Zoom emulator. 200 remote
 * participants of the open rehearsal register, are approved and cancel, while the replica holding the registration
 * service's outbox relay is killed with SIGKILL mid-stream and the broker is frozen (SIGSTOP) now and then, so the
 * relays' sends time out and fail. A tenth of them are erased as soon as they have cancelled, while their earlier
 * events may still be on their way. Afterwards every copy agrees: all cancelled, the erased gone for good, nobody
 * registered in Zoom, the participant summary counts exactly who is left, and no dead letters.
 */
class ReplicasUnderFaultsTests {

    private static final int PEOPLE = 200;
    private static final int ERASED = 20;
    private static final Duration EVENTUALLY = Duration.ofMinutes(3);
    private static final String CONFERENCE = LocalStack.DEMO_CONFERENCE;
    private static final String TEST_ROOM = "86d613be-d9df-33f3-89c2-a65b31052a4f";

    /** Under target/, not a temporary directory: after a failure the processes' logs are still there to read. */
    static final Path DATA_DIR = Path.of("target", "replicas-under-faults");

    static LocalStack stack;
    static Map<String, Http> registration = new ConcurrentHashMap<>();
    static List<Http> sessions = new ArrayList<>();
    static Http streaming;
    static Http emulator;
    static String organiser;
    static String staff;

    @BeforeAll
    static void startTwoReplicasOfEach() {
        Path root = LocalLauncher.Options.findRoot(Path.of("")).orElseThrow();
        deleteRecursively(DATA_DIR);
        // Sends that get no answer fail after 3 s instead of Kafka's default two minutes: a frozen broker makes
        // the relay's sends fail, and the relay must retry them without publishing anything past them.
        Map<String, String> shortSends = Map.of(
                "SPRING_KAFKA_PRODUCER_PROPERTIES_REQUEST_TIMEOUT_MS", "1000",
                "SPRING_KAFKA_PRODUCER_PROPERTIES_DELIVERY_TIMEOUT_MS", "3000",
                "SPRING_KAFKA_PRODUCER_PROPERTIES_MAX_BLOCK_MS", "3000");
        StackConfig config = StackConfig.builder(root).dataDir(DATA_DIR.toAbsolutePath()).freePorts()
                .apps(List.of(App.ZOOM_EMULATOR.name(), App.REGISTRATION.name(), App.SESSION.name(),
                        App.STREAMING_LINK.name()))
                .extraEnv(App.REGISTRATION.name(), shortSends).extraEnv(App.SESSION.name(), shortSends)
                .cacheDir(Path.of("target", "local-stack-cache")).healthTimeout(Duration.ofSeconds(180)).build();
        stack = new LocalStack(config, message -> System.out.println("[stack] " + message));
        stack.start();
        int registration2 = freePort();
        int session2 = freePort();
        stack.startReplica(App.REGISTRATION.name(), "registration-service-2", registration2, shortSends);
        stack.startReplica(App.SESSION.name(), "session-service-2", session2, shortSends);
        registration.put(App.REGISTRATION.name(), new Http(stack.url(App.REGISTRATION.name())));
        registration.put("registration-service-2", new Http(URI.create("http://localhost:" + registration2 + "/")));
        sessions.add(new Http(stack.url(App.SESSION.name())));
        sessions.add(new Http(URI.create("http://localhost:" + session2 + "/")));
        streaming = new Http(stack.url(App.STREAMING_LINK.name()));
        emulator = new Http(stack.url(App.ZOOM_EMULATOR.name()));
        organiser = stack.demoTokens().get("organiser");
        staff = stack.demoTokens().get("streaming-staff");
        // The registration services take registrations for the rehearsal once its conference event reached them.
        await().atMost(EVENTUALLY).untilAsserted(() -> registration.values().forEach(replica -> assertThat(replica
                .get("/api/registrations/settings?conference=" + CONFERENCE, organiser).status()).isEqualTo(200)));
    }

    @AfterAll
    static void stopEverything() {
        if (stack != null) {
            // Never leave the broker frozen, whatever happened.
            stack.pid("kafka").ifPresent(pid -> signal("CONT", pid));
            stack.stop();
        }
    }

    @Test
    void submittedApprovedCancelledWhileARelayIsKilledAndSendsFailEveryCopyEndsTheSame() throws Exception {
        long summaryBefore = summary().path("total").asLong();
        long remoteBefore = summary().path("byAttendanceMode").path("REMOTE").asLong();

        List<String> ids = submitAll();
        String relayHolder = relayHolder();
        String survivor = relayHolder.equals(App.REGISTRATION.name()) ? "registration-service-2"
                : App.REGISTRATION.name();
        Set<String> erased = ConcurrentHashMap.newKeySet();
        erased.addAll(ids.subList(0, ERASED));

        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(8);
        ScheduledExecutorService freezer = freezeTheBrokerNowAndThen();
        try {
            List<Future<?>> lifecycles = new ArrayList<>();
            for (String id : ids) {
                lifecycles.add(workers.submit(() -> {
                    if (done.incrementAndGet() == PEOPLE / 3 && killed.compareAndSet(false, true)) {
                        stack.kill(relayHolder);
                        registration.remove(relayHolder);
                    }
                    approveThenCancel(id, survivor);
                    if (erased.contains(id)) {
                        send(survivor, "DELETE", "/api/registrations/" + id, 204);
                    }
                    return null;
                }));
            }
            for (Future<?> lifecycle : lifecycles) {
                lifecycle.get(5, TimeUnit.MINUTES);
            }
        } finally {
            workers.shutdownNow();
            freezer.shutdownNow();
            freezer.awaitTermination(30, TimeUnit.SECONDS);
            stack.pid("kafka").ifPresent(pid -> signal("CONT", pid));
        }
        assertThat(killed).as("the relay's replica was killed mid-stream").isTrue();
        assertThat(stack.isRunning(relayHolder)).isFalse();

        Http owner = registration.get(survivor);
        for (String id : ids) {
            Http.Answer stored = owner.get("/api/registrations/" + id, organiser);
            if (erased.contains(id)) {
                assertThat(stored.status()).as("erased " + id).isEqualTo(404);
            } else {
                assertThat(stored.json().path("status").asString()).as(id).isEqualTo("CANCELLED");
            }
        }
        // Every copy: both session replicas (one Redis, so the same view) and the streaming-link service.
        await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Http session : sessions) {
                for (String id : ids) {
                    Http.Answer copy = session.get("/api/sessions/participants/" + id, organiser);
                    if (erased.contains(id)) {
                        assertThat(copy.status()).as("erased from the session service: " + id).isEqualTo(404);
                    } else {
                        assertThat(copy.json().path("status").asString()).as("session copy of " + id)
                                .isEqualTo("CANCELLED");
                    }
                }
            }
            try (RedisClient redis = RedisClient.create(stack.config().redisHost(), stack.config().redisPort())) {
                for (String id : ids) {
                    Map<String, String> copy = redis.hgetAll("streaming:participant:" + id);
                    if (erased.contains(id)) {
                        assertThat(copy).as("erased from the streaming-link service: " + id).isEmpty();
                    } else {
                        assertThat(copy.get("status")).as("streaming copy of " + id).isEqualTo("CANCELLED");
                    }
                }
                for (String id : ids) {
                    assertThat(redis.sismember("streaming:participants:remote:" + CONFERENCE, id)).as(id).isFalse();
                }
            }
            JsonNode summary = summary();
            assertThat(summary.path("total").asLong()).as("everyone not erased, counted once")
                    .isEqualTo(summaryBefore + PEOPLE - ERASED);
            assertThat(summary.path("byAttendanceMode").path("REMOTE").asLong())
                    .isEqualTo(remoteBefore + PEOPLE - ERASED);
            assertThat(activeZoomRegistrants(ids)).as("nobody of them registered in Zoom").isEmpty();
        });
        for (String operations : List.of("/api/sessions/operations/dead-letters",
                "/api/streaming/operations/dead-letters")) {
            Http service = operations.startsWith("/api/sessions") ? sessions.get(0) : streaming;
            Http.Answer deadLetters = service.get(operations, organiser);
            assertThat(deadLetters.status()).as(deadLetters.body()).isEqualTo(200);
            assertThat(deadLetters.body()).as(operations).doesNotContainPattern("\"depth\"\\s*:\\s*[1-9]");
        }
        Http.Answer ownDeadLetters = owner.get("/api/registrations/operations/dead-letters", organiser);
        assertThat(ownDeadLetters.body()).doesNotContainPattern("\"depth\"\\s*:\\s*[1-9]");
    }

    /** Every registration through one replica or the other, eight at a time. */
    private static List<String> submitAll() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(8);
        List<String> replicas = List.copyOf(registration.keySet());
        try {
            List<Future<String>> submitted = new ArrayList<>();
            for (int i = 0; i < PEOPLE; i++) {
                Http replica = registration.get(replicas.get(i % replicas.size()));
                submitted.add(workers.submit(() -> {
                    String email = "replica." + UUID.randomUUID() + "@example.org";
                    Http.Answer created = replica.post("/api/registrations", Http.registration(email, "REMOTE", "fr"),
                            null);
                    assertThat(created.status()).as(created.body()).isEqualTo(201);
                    return created.json().path("id").asString();
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> id : submitted) {
                ids.add(id.get(2, TimeUnit.MINUTES));
            }
            return ids;
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * Approves then cancels, on whichever replica is still alive; a call cut by the kill is sent again to the
     * survivor, and a repeat that finds the step done (409) is fine: the registration service decides.
     */
    private static void approveThenCancel(String id, String survivor) {
        send(survivor, "POST", "/api/registrations/" + id + "/approve", 200);
        send(survivor, "POST", "/api/registrations/" + id + "/cancel", 200);
    }

    private static void send(String survivor, String method, String path, int expected) {
        List<String> replicas = new ArrayList<>(registration.keySet());
        String first = replicas.get(ThreadLocalRandom.current().nextInt(replicas.size()));
        for (String name : List.of(first, survivor)) {
            Http replica = registration.get(name);
            if (replica == null) {
                continue;
            }
            try {
                Http.Answer answer = method.equals("DELETE") ? replica.delete(path, organiser)
                        : replica.post(path, "{}", organiser);
                if (answer.status() == expected || answer.status() == 409) {
                    return;
                }
                throw new AssertionError(method + " " + path + " answered " + answer.status() + ": " + answer.body());
            } catch (UncheckedIOException cut) {
                // The replica died under this call: the survivor takes it.
            }
        }
        throw new AssertionError(method + " " + path + " reached no replica");
    }

    /** The replica whose relay holds the outbox lease now (its value names the holder's process). */
    private static String relayHolder() {
        try (RedisClient redis = RedisClient.create(stack.config().redisHost(), stack.config().redisPort())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> redis.get("registration:lease:{outbox-relay}") != null);
            String holder = redis.get("registration:lease:{outbox-relay}");
            for (String name : registration.keySet()) {
                long pid = stack.pid(name).orElseThrow();
                if (holder.endsWith("-" + pid)) {
                    return name;
                }
            }
            throw new AssertionError("No replica holds the relay lease: " + holder);
        }
    }

    /**
     * Freezes the broker (SIGSTOP) for 4 s, three times, starting at random moments of the next 20 s: every send
     * in flight then times out and fails. Shutting the scheduler down early thaws it (see the callers' finally).
     */
    private static ScheduledExecutorService freezeTheBrokerNowAndThen() {
        long kafka = stack.pid("kafka").orElseThrow();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        long at = 0;
        for (int i = 0; i < 3; i++) {
            at += ThreadLocalRandom.current().nextLong(1_000, 3_000);
            scheduler.schedule(() -> signal("STOP", kafka), at, TimeUnit.MILLISECONDS);
            at += 4_000;
            scheduler.schedule(() -> signal("CONT", kafka), at, TimeUnit.MILLISECONDS);
        }
        return scheduler;
    }

    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonNode summary() {
        Http.Answer summary = sessions.get(0).get("/api/sessions/participants/summary?conference=" + CONFERENCE,
                organiser);
        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        return summary.json();
    }

    /** Zoom registrants of the rehearsal's plenary test room among these people, other than cancelled ones. */
    private static Set<String> activeZoomRegistrants(List<String> ids) {
        String today = LocalDate.now(ZoneId.of("Europe/Madrid")).toString();
        String meetingId = null;
        for (JsonNode row : streaming.get("/api/streaming/board?day=" + today, staff).json().path("rows")) {
            if (TEST_ROOM.equals(row.path("sessionId").asString())) {
                meetingId = row.path("meetingId").asString();
            }
        }
        assertThat(meetingId).as("the test room's meeting").isNotBlank();
        Set<String> ours = new HashSet<>(ids);
        Set<String> active = new HashSet<>();
        for (JsonNode registrant : emulator.get("/emulator/meetings/" + meetingId + "/registrants", null).json()) {
            String email = registrant.path("email").asString();
            String id = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
            if (ours.contains(id) && !"cancelled".equalsIgnoreCase(registrant.path("status").asString())
                    && !"denied".equalsIgnoreCase(registrant.path("status").asString())) {
                active.add(id + " (" + registrant.path("status").asString() + ")");
            }
        }
        return active;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

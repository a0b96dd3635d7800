package dev.hybridconf.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.registration.RegistrationSubmitted;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.embedded.RedisServer;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What durability costs: the platform's own atomic write (a registration's hash, a consumed-event marker and
 * its event appended to the outbox with its aggregate version, one Lua script) run by many threads against a
 * Redis server with the append-only file fsynced every second ({@code appendfsync everysec}, the default) and
 * on every write ({@code appendfsync always}), and without an append-only file for reference. Each mode gets a
 * fresh server whose data directory is on the disk under {@code --dir} (not a tmpfs, or fsync costs nothing).
 * Not a test: it measures and writes its figures to a JSON file (ADR 0016 uses them).
 *
 * <pre>
 * java -cp 'deploy/benchmarks/target/benchmarks.jar:deploy/benchmarks/target/lib/*' \
 *     dev.hybridconf.benchmarks.RedisDurability --writes 20000 --threads 16 --out benchmarks/redis-durability.json
 * </pre>
 */
public final class RedisDurability {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final List<String> MODES = List.of("no-aof", "everysec", "always");

    private final int writes;
    private final int threads;
    private final int rounds;
    private final Path dir;
    private final Path out;
    private final PrintStream log;

    RedisDurability(Map<String, String> options, PrintStream log) {
        this.writes = positive(options, "writes", 20_000, 10_000_000);
        this.threads = positive(options, "threads", 16, 1_000);
        this.rounds = positive(options, "rounds", 3, 100);
        this.dir = Path.of(options.getOrDefault("dir", "target/redis-durability"));
        this.out = Path.of(options.getOrDefault("out", "benchmarks/redis-durability.json"));
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        if (options == null) {
            System.out.println("""
                    Usage: java -cp benchmarks.jar dev.hybridconf.benchmarks.RedisDurability [options]
                      --writes N    atomic writes per mode (default 20000)
                      --threads N   concurrent writers, each with its own connection (default 16)
                      --rounds N    times each mode is measured, modes taking turns (default 3);
                                    the file keeps every round and the median by throughput
                      --dir PATH    where each mode's Redis keeps its files; must be on a real disk
                                    (default target/redis-durability)
                      --out PATH    the JSON file the figures go to (default benchmarks/redis-durability.json)""");
            return;
        }
        new RedisDurability(options, System.out).run();
    }

    void run() throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "redis-durability");
        report.put("at", Instant.now().toString());
        report.put("writes", writes);
        report.put("threads", threads);
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("dataDirectory", dir.toAbsolutePath().toString());
        report.put("fileStore", Files.getFileStore(Files.createDirectories(dir)).type());
        report.put("rounds", rounds);
        // Modes take turns, round after round, so a busy moment of the machine does not land on one mode only.
        Map<String, List<LatencyStats>> byMode = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (String mode : MODES) {
                LatencyStats stats = measure(mode);
                log.printf("round %d  %-9s %8.0f writes/s  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms%n",
                        round, mode, stats.throughputPerSecond(), stats.p50Millis(), stats.p90Millis(),
                        stats.p99Millis(), stats.maxMillis());
                byMode.computeIfAbsent(mode, m -> new ArrayList<>()).add(stats);
            }
        }
        Map<String, Object> modes = new LinkedHashMap<>();
        byMode.forEach((mode, all) -> {
            List<LatencyStats> sorted = all.stream()
                    .sorted(Comparator.comparingDouble(LatencyStats::throughputPerSecond)).toList();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("median", sorted.get(sorted.size() / 2));
            figures.put("rounds", all);
            modes.put(mode, figures);
        });
        report.put("modes", modes);
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        JSON.writeValue(out.toFile(), report);
        log.println("Figures written to " + out.toAbsolutePath());
    }

    private LatencyStats measure(String mode) throws Exception {
        Path data = dir.resolve(mode);
        deleteRecursively(data);
        Files.createDirectories(data);
        int port = freePort();
        var builder = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
                .setting("dir " + data.toAbsolutePath()).onShutdownForceStop(true);
        if (mode.equals("no-aof")) {
            builder.setting("appendonly no");
        } else {
            builder.setting("appendonly yes").setting("appendfsync " + mode);
        }
        RedisServer server = builder.build();
        server.start();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (RedisClient redis = client(port)) {
            RedisStore store = new RedisStore(redis, new KeySpace("bench", "registration"), new EventCodec(),
                    "registration-service", "registration.events");
            warmUp(store);
            long[] latencies = new long[writes];
            int[] statuses = new int[writes];
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = first; i < writes; i += threads) {
                        long began = System.nanoTime();
                        statuses[i] = write(store) ? 200 : 500;
                        latencies[i] = System.nanoTime() - began;
                    }
                    return null;
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
            return LatencyStats.of(latencies, statuses, System.nanoTime() - began);
        } finally {
            pool.shutdownNow();
            server.stop();
            deleteRecursively(data);
        }
    }

    private void warmUp(RedisStore store) {
        for (int i = 0; i < Math.min(1_000, writes); i++) {
            write(store);
        }
    }

    /** A registration as the service writes it: its hash, the marker of the event that caused it, its event. */
    private static boolean write(RedisStore store) {
        String id = UUID.randomUUID().toString();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("conferenceId", "local-action-2024");
        fields.put("status", "PENDING");
        fields.put("fullName", "Amina Diallo");
        fields.put("email", id + "@example.org");
        fields.put("organisation", "City of Dakar");
        fields.put("attendanceMode", "REMOTE");
        fields.put("preferredLanguage", "fr");
        return store.atomically()
                .onlyOnce(UUID.randomUUID().toString(), Duration.ofDays(30))
                .hset(store.keys().key("registration", id), fields)
                .emit(new RegistrationSubmitted(id, "local-action-2024", "REMOTE", "fr", "SN"))
                .execute() == AtomicWrite.Outcome.APPLIED;
    }

    private RedisClient client(int port) {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(threads);
        pool.setMaxIdle(threads);
        var config = DefaultJedisClientConfig.builder().connectionTimeoutMillis(5_000).socketTimeoutMillis(30_000)
                .build();
        return RedisClient.builder().hostAndPort("127.0.0.1", port).clientConfig(config).poolConfig(pool).build();
    }

    /** The options given (name without dashes → value), or null when help was asked for. */
    static Map<String, String> parse(String[] args) {
        return Options.parse(args, List.of("writes", "threads", "rounds", "dir", "out"));
    }

    private static int positive(Map<String, String> options, String name, int fallback, int max) {
        return Options.positive(options, name, fallback, max);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.hybridconf.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * From a moderator's post to the rapporteur's screen: how long a conclusion takes from the {@code PUT} that posts it
 * to the {@code conclusion} event on the rapporteur's live stream, both through the gateway, against a running local
 * stack (the launcher). Not a test: it measures and writes its figures to a JSON file.
 *
 * <p>The demo organiser posts {@code --revisions} revisions (round robin over up to {@code --breakouts} open
 * breakouts of {@code --conference}'s first day with breakouts, at {@code --rate} a second) while the demo
 * rapporteur holds one live stream of that day. The latency of revision r of a breakout is the first event for that
 * breakout showing revision r or later (the view renders the breakout as it is when the event is written, so a quick
 * r+1 may show before r's own event), minus the instant just before r's {@code PUT}; both instants are this
 * process's clock. The path measured: session service (Lua write + outbox) → Kafka → the rapporteur service's inputs
 * (Lua write + live stream entry) → its live feed's {@code XREAD BLOCK} → the browser's stream → the gateway.
 *
 * <pre>
 * java -cp 'deploy/benchmarks/target/benchmarks.jar:deploy/benchmarks/target/lib/*' \
 *     dev.hybridconf.benchmarks.ConclusionLatency --revisions 300 --rate 20 --out benchmarks/conclusion-latency.json
 * </pre>
 */
public final class ConclusionLatency {

    /** The goal of the issue: a conclusion on the rapporteur's screen within a second, 99 times in 100. */
    static final double GOAL_P99_MILLIS = 1_000;

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final List<String> KNOWN = List.of("gateway", "registration", "conference", "revisions", "rate",
            "breakouts", "out");

    static final String USAGE = """
            Usage: java -cp 'deploy/benchmarks/target/benchmarks.jar:deploy/benchmarks/target/lib/*' \\
                       dev.hybridconf.benchmarks.ConclusionLatency [options]
            Post-to-screen latency of breakout conclusions against a running local stack (start it first with
            java -jar deploy/local-launcher/target/local-launcher.jar): the demo organiser posts revisions through
            the gateway while the demo rapporteur's live stream, also through the gateway, receives them; writes
            p50, p95, p99 and max to a JSON file.

              --gateway <url>          the gateway (default http://localhost:8080)
              --registration <url>     the registration service, for the demo sign-in (default http://localhost:8081)
              --conference <id>        whose breakouts are posted to (default hybridconf-rehearsal: open today)
              --revisions <n>          revisions posted and measured (default 300)
              --rate <n>               revisions a second (default 20)
              --breakouts <n>          breakouts posted to, round robin (default 5; fewer when the day has fewer)
              --out <file>             where the figures go (default benchmarks/conclusion-latency.json)
              --help                   this text

            Exit status: 0 when every revision reached the stream and p99 < 1 s, 1 when not or when it could not
            run (e.g. the stack is not up), 2 for a mistake on the command line.
            """;

    private final Map<String, String> options;
    private final PrintStream out;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "conclusion-latency");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(threads).build();

    /** What the stream showed: per breakout, each event's arrival and the revision it showed. */
    private final Map<String, List<long[]>> seen = new ConcurrentHashMap<>();
    private final CountDownLatch snapshot = new CountDownLatch(1);

    ConclusionLatency(Map<String, String> options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = Options.parse(args, KNOWN);
            if (options == null) {
                out.println(USAGE);
                return 0;
            }
            options.putIfAbsent("gateway", "http://localhost:8080");
            options.putIfAbsent("registration", "http://localhost:8081");
            options.putIfAbsent("conference", "hybridconf-rehearsal");
            options.putIfAbsent("out", "benchmarks/conclusion-latency.json");
            options.put("revisions", Integer.toString(Options.positive(options, "revisions", 300, 100_000)));
            options.put("rate", Integer.toString(Options.positive(options, "rate", 20, 1_000)));
            options.put("breakouts", Integer.toString(Options.positive(options, "breakouts", 5, 100)));
            for (String url : List.of("gateway", "registration")) {
                String value = options.get(url);
                if (!(value.startsWith("http://") || value.startsWith("https://"))) {
                    throw new IllegalArgumentException("--" + url + " needs an http(s) URL, not '" + value + "'");
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("conclusion-latency: " + e.getMessage());
            err.println();
            err.println(USAGE);
            return 2;
        }
        ConclusionLatency benchmark = new ConclusionLatency(options, out);
        try {
            return benchmark.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("conclusion-latency: interrupted");
            return 1;
        } catch (Exception e) {
            err.println("conclusion-latency: " + explain(e, options));
            return 1;
        } finally {
            benchmark.threads.shutdownNow();
        }
    }

    static String explain(Throwable failure, Map<String, String> options) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                return "cannot connect to the stack (" + options.get("gateway") + ", " + options.get("registration")
                        + "): is it running? Start it with java -jar deploy/local-launcher/target/local-launcher.jar.";
            }
            if (cause instanceof IllegalStateException) {
                return cause.getMessage();
            }
        }
        return "the benchmark failed: " + failure;
    }

    private record Posted(String sessionId, long revision, long sentNanos, int status) {
    }

    int run() throws Exception {
        String gateway = options.get("gateway");
        String conference = options.get("conference");
        int revisions = Integer.parseInt(options.get("revisions"));
        int rate = Integer.parseInt(options.get("rate"));
        String organiser = demoToken("organiser");
        String rapporteur = demoToken("rapporteur");

        JsonNode programme = expect(get(gateway + "/api/sessions/conferences/" + conference + "/programme?kind=BREAKOUT",
                organiser), 200);
        String day = null;
        List<String> breakouts = new ArrayList<>();
        for (JsonNode d : programme.path("days")) {
            for (JsonNode session : d.path("sessions")) {
                if ("BREAKOUT".equals(session.path("kind").asString()) && breakouts.size() < Integer.parseInt(
                        options.get("breakouts"))) {
                    breakouts.add(session.path("id").asString());
                }
            }
            if (!breakouts.isEmpty()) {
                day = d.path("date").asString();
                break;
            }
        }
        if (day == null) {
            throw new IllegalStateException("the conference " + conference + " has no breakout to post to");
        }
        String stream = gateway + "/api/rapporteur/conferences/" + conference + "/days/" + day + "/live/stream";
        out.printf("Conclusion latency on %s, %s: %d breakouts, %d revisions at %d/s; opening the live stream...%n",
                conference, day, breakouts.size(), revisions, rate);
        HttpResponse<InputStream> live = http.send(HttpRequest.newBuilder(URI.create(stream))
                .header("Authorization", "Bearer " + rapporteur).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (live.statusCode() != 200) {
            throw new IllegalStateException("the live stream answered " + live.statusCode() + " "
                    + new String(live.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        Future<?> reading = threads.submit(() -> read(live.body()));
        if (!snapshot.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the live stream sent no snapshot within 10 s");
        }

        List<Posted> posted = new CopyOnWriteArrayList<>();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(revisions);
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        long started = System.nanoTime();
        pace.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= revisions) {
                return;
            }
            threads.submit(() -> {
                try {
                    posted.add(post(gateway, breakouts.get(i % breakouts.size()), i, organiser));
                } finally {
                    done.countDown();
                }
            });
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        done.await();
        pace.shutdownNow();
        long wall = System.nanoTime() - started;

        // Wait (at most 30 s) for the last revisions to show, then measure.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && posted.stream().anyMatch(p -> p.status() == 200 && shown(p) < 0)) {
            Thread.sleep(50);
        }
        live.body().close();
        reading.cancel(true);

        List<Long> latencies = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int missing = 0;
        for (Posted p : posted) {
            statuses.merge(p.status(), 1, Integer::sum);
            if (p.status() != 200) {
                continue;
            }
            long shown = shown(p);
            if (shown < 0) {
                missing++;
            } else {
                latencies.add(Math.max(0, shown - p.sentNanos()));
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("posted", posted.size());
        results.put("received", sorted.length);
        results.put("missing", missing);
        results.put("postStatuses", statuses);
        results.put("p50Millis", millis(LatencyStats.percentile(sorted, 50)));
        results.put("p95Millis", millis(LatencyStats.percentile(sorted, 95)));
        results.put("p99Millis", millis(LatencyStats.percentile(sorted, 99)));
        results.put("maxMillis", millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
        double p99 = millis(LatencyStats.percentile(sorted, 99));
        boolean met = missing == 0 && sorted.length == revisions && p99 < GOAL_P99_MILLIS;

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "conclusion-latency");
        report.put("at", Instant.now().toString());
        report.put("path", "PUT /api/sessions/{id}/conclusions -> GET " + stream.substring(gateway.length())
                .replace(conference, "{conferenceId}").replace(day, "{day}"));
        report.put("conference", conference);
        report.put("day", day);
        report.put("breakouts", breakouts.size());
        report.put("revisions", revisions);
        report.put("ratePerSecond", rate);
        report.put("postingSeconds", Math.round(wall / 1e7) / 100.0);
        report.put("goal", "p99 < " + (long) GOAL_P99_MILLIS + " ms, every revision shown");
        report.put("met", met);
        report.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java",
                System.getProperty("java.version"), "os", System.getProperty("os.name") + " "
                        + System.getProperty("os.arch")));
        report.put("results", results);
        Path figures = Path.of(options.get("out"));
        if (figures.getParent() != null) {
            Files.createDirectories(figures.getParent());
        }
        Files.writeString(figures, JSON.writeValueAsString(report) + "\n");
        out.printf("%d of %d revisions shown: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, %d missing -> %s%n",
                sorted.length, revisions, results.get("p50Millis"), results.get("p95Millis"), p99,
                results.get("maxMillis"), missing, figures);
        return met ? 0 : 1;
    }

    /** When the stream first showed the breakout at this revision or a later one; -1 when it has not. */
    private long shown(Posted p) {
        for (long[] event : seen.getOrDefault(p.sessionId(), List.of())) {
            if (event[1] >= p.revision()) {
                return event[0];
            }
        }
        return -1;
    }

    private Posted post(String gateway, String sessionId, int n, String organiser) {
        String body = JSON.writeValueAsString(Map.of("language", List.of("en", "fr", "es").get(n % 3),
                "summary", "Benchmark revision " + n + ": affordable housing and public transport came up again.",
                "keyPoints", List.of("Housing first", "Transport as a right"),
                "recommendations", List.of("Cities should act together."),
                "themes", List.of("Housing"), "sdgs", List.of(11)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/sessions/" + sessionId + "/conclusions"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + organiser)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        long sent = System.nanoTime();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            long revision = answer.statusCode() == 200 ? JSON.readTree(answer.body()).path("revision").asLong() : -1;
            return new Posted(sessionId, revision, sent, answer.statusCode());
        } catch (IOException e) {
            return new Posted(sessionId, -1, sent, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Posted(sessionId, -1, sent, 0);
        }
    }

    /** Reads the live stream: each {@code conclusion} event's arrival, breakout and revision. */
    private void read(InputStream body) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    long now = System.nanoTime();
                    if ("snapshot".equals(event)) {
                        snapshot.countDown();
                    } else if ("conclusion".equals(event)) {
                        JsonNode item = JSON.readTree(data.toString()).path("conclusion");
                        seen.computeIfAbsent(item.path("sessionId").asString(), k -> new CopyOnWriteArrayList<>())
                                .add(new long[] {now, item.path("revision").asLong()});
                    }
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).replaceFirst("^ ", ""));
                }
            }
        } catch (IOException closed) {
            // the benchmark closed the stream
        }
    }

    private String demoToken(String role) throws Exception {
        for (JsonNode token : expect(get(options.get("registration") + "/internal/demo-sign-in", null), 200)
                .path("tokens")) {
            if (role.equals(token.path("role").asString())) {
                return token.path("token").asString();
            }
        }
        throw new IllegalStateException("the registration service offers no demo " + role + " token");
    }

    private HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}

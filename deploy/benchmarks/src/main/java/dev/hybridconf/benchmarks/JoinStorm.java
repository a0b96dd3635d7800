package dev.hybridconf.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 09:00 join storm: many participants asking for their personal Zoom link at once, through the
 * gateway, against a running local stack (the launcher). Not a test: it measures and writes its figures
 * (throughput, p50/p90/p99, errors by status) to a JSON file.
 *
 * <p>Set-up goes through the platform's own front door: it registers {@code --participants} remote
 * participants for {@code --conference} (a registration is for one conference, and a participant is registered in
 * its sessions only; default: the open rehearsal), approves them as the demo organiser, opens each one's access link from the demo mailbox
 * and waits until every one has a join link for the session (the rehearsal's plenary test room unless
 * {@code --session} names another). Then {@code --concurrency} clients send {@code --requests} join
 * requests as fast as the answers come, each with a participant's own token.
 *
 * <pre>
 * java -jar deploy/benchmarks/target/benchmarks.jar --participants 200 --requests 20000 --concurrency 64 \
 *     --out benchmarks/join-storm.json
 * </pre>
 */
public final class JoinStorm {

    /** The demo conference anyone may register for without an invitation: today's technical rehearsal. */
    static final String REHEARSAL = "hybridconf-rehearsal";

    /** The rehearsal's plenary test room: the session service's id for conference and key. */
    static final String REHEARSAL_TEST_ROOM = UUID.nameUUIDFromBytes("hybridconf-rehearsal\ntest-room"
            .getBytes(StandardCharsets.UTF_8)).toString();

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Pattern ACCESS = Pattern.compile("\\?access=([A-Za-z0-9_-]{20,})");
    private static final String[] LANGUAGES = {"en", "fr", "es"};

    private final Map<String, String> options;
    private final PrintStream out;
    private final ExecutorService clientThreads = Executors.newFixedThreadPool(16, daemon("join-storm-http"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(clientThreads).build();

    JoinStorm(Map<String, String> options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Threads that never keep the process alive on their own. */
    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    static final String USAGE = """
            Usage: java -jar deploy/benchmarks/target/benchmarks.jar [options]
            The 09:00 join storm against a running local stack (start it first with
            java -jar deploy/local-launcher/target/local-launcher.jar): signs in remote participants through
            the gateway, waits for their Zoom join links, then sends join requests as fast as the answers come
            and writes throughput, latency percentiles and errors to a JSON file.

              --gateway <url>          the gateway (default http://localhost:8080)
              --registration <url>     the registration service, for the demo sign-in and mailbox
                                       (default http://localhost:8081)
              --participants <n>       remote participants to sign in (default 200)
              --requests <n>           measured join requests (default 20000)
              --warmup <n>             join requests sent first and not measured (default 2000)
              --concurrency <n>        clients sending at once (default 64)
              --conference <id>        the conference the participants register for: the session's
                                       (default hybridconf-rehearsal, open to anyone)
              --session <id>           the session to join (default: the rehearsal's plenary test room)
              --out <file>             where the figures go (default benchmarks/join-storm.json)
              --help                   this text

            Exit status: 0 when every measured request succeeded, 1 when some failed or the storm could not
            run (e.g. the stack is not up), 2 for a mistake on the command line.
            """;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command line: parses, runs, and says what went wrong; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("join-storm: " + e.getMessage());
            err.println();
            err.println(USAGE);
            return 2;
        }
        if (options == null) {
            out.println(USAGE);
            return 0;
        }
        JoinStorm storm = new JoinStorm(options, out);
        try {
            return storm.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("join-storm: interrupted");
            return 1;
        } catch (Exception e) {
            err.println("join-storm: " + explain(e, options));
            return 1;
        } finally {
            storm.close();
        }
    }

    /** The options with their defaults, or null when help was asked for. */
    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("gateway", "http://localhost:8080");
        options.put("registration", "http://localhost:8081");
        options.put("participants", "200");
        options.put("requests", "20000");
        options.put("concurrency", "64");
        options.put("warmup", "2000");
        options.put("conference", REHEARSAL);
        options.put("session", REHEARSAL_TEST_ROOM);
        options.put("out", "benchmarks/join-storm.json");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (!name.startsWith("--") || !options.containsKey(name.substring(2))) {
                throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            options.put(name.substring(2), value);
        }
        for (String number : List.of("participants", "requests", "concurrency")) {
            positive(number, options.get(number), 1);
        }
        positive("warmup", options.get("warmup"), 0);
        for (String url : List.of("gateway", "registration")) {
            String value = options.get(url);
            URI uri;
            try {
                uri = URI.create(value);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || uri.getHost() == null || !(value.startsWith("http://") || value.startsWith("https://"))) {
                throw new IllegalArgumentException("--" + url + " needs an http(s) URL such as http://localhost:8080, not '"
                        + value + "'");
            }
        }
        return options;
    }

    private static void positive(String name, String value, int least) {
        try {
            if (Integer.parseInt(value.trim()) >= least) {
                return;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--" + name + " needs a whole number of at least " + least + ", not '" + value
                + "'");
    }

    /** One sentence on why the storm could not run, naming what to do about it when it is known. */
    static String explain(Throwable failure, Map<String, String> options) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                return "cannot connect to the stack (" + options.get("gateway") + ", " + options.get("registration")
                        + "): is it running? Start it with java -jar deploy/local-launcher/target/local-launcher.jar,"
                        + " or point --gateway and --registration at it.";
            }
            if (cause instanceof IllegalStateException || cause instanceof HttpTimeoutException) {
                return cause.getMessage();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "the storm failed: " + root;
    }

    /** Stops the client threads, so that the process ends whatever happened. */
    void close() {
        clientThreads.shutdownNow();
    }

    int run() throws Exception {
        String gateway = options.get("gateway");
        String session = options.get("session");
        int participants = Integer.parseInt(options.get("participants"));
        out.printf("Join storm against %s, session %s: signing in %d remote participants...%n", gateway,
                session, participants);
        String organiser = demoToken("organiser");
        List<String> tokens = signIn(participants, organiser);
        out.printf("%d participants signed in; waiting for their join links...%n", tokens.size());
        waitForLinks(tokens, session, Duration.ofMinutes(3));

        String path = gateway + "/api/streaming/sessions/" + session + "/join";
        storm(path, tokens, Integer.parseInt(options.get("warmup")), Integer.parseInt(options.get("concurrency")));
        LatencyStats stats = storm(path, tokens, Integer.parseInt(options.get("requests")),
                Integer.parseInt(options.get("concurrency")));

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "join-storm");
        report.put("at", Instant.now().toString());
        report.put("target", path.replace(session, "{sessionId}"));
        report.put("participants", tokens.size());
        report.put("concurrency", Integer.parseInt(options.get("concurrency")));
        report.put("warmupRequests", Integer.parseInt(options.get("warmup")));
        report.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java",
                System.getProperty("java.version"), "os", System.getProperty("os.name") + " "
                        + System.getProperty("os.arch")));
        report.put("results", stats);
        Path figures = Path.of(options.get("out"));
        if (figures.getParent() != null) {
            Files.createDirectories(figures.getParent());
        }
        Files.writeString(figures, JSON.writeValueAsString(report) + "\n");
        out.printf("%d requests in %.1f s: %.0f/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, "
                + "%d errors %s -> %s%n", stats.requests(), stats.wallNanos() / 1e9, stats.throughputPerSecond(),
                stats.p50Millis(), stats.p90Millis(), stats.p99Millis(), stats.maxMillis(), stats.errors(),
                stats.statuses(), figures);
        return stats.errors() == 0 ? 0 : 1;
    }

    /** {@code requests} join requests from {@code concurrency} clients, each with a participant's own token. */
    LatencyStats storm(String url, List<String> tokens, int requests, int concurrency) throws Exception {
        long[] latencies = new long[requests];
        int[] statuses = new int[requests];
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency, daemon("join-storm-client"));
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            running.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + tokens.get(i % tokens.size()))
                            .header("Accept-Language", LANGUAGES[i % 3]).build();
                    long sent = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException e) {
                        status = 0;
                    }
                    latencies[i] = System.nanoTime() - sent;
                    statuses[i] = status;
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        long wall = System.nanoTime() - started;
        clients.shutdown();
        return LatencyStats.of(latencies, statuses, wall);
    }

    private List<String> signIn(int count, String organiser) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8, daemon("join-storm-sign-in"));
        List<Future<String>> pending = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < count; i++) {
            int n = i;
            pending.add(pool.submit(() -> signIn("storm-" + run + "-" + n + "@example.org", LANGUAGES[n % 3],
                    organiser)));
        }
        List<String> tokens = new ArrayList<>();
        for (Future<String> token : pending) {
            tokens.add(token.get());
        }
        pool.shutdown();
        return tokens;
    }

    /** Register (remote), be approved, open the access link from the demo mailbox: the participant's token. */
    private String signIn(String email, String language, String organiser) throws Exception {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("conferenceId", options.get("conference"));
        form.put("fullName", "Storm Participant");
        form.put("email", email);
        form.put("organisation", "City of Dakar");
        form.put("position", "Adviser");
        form.put("city", "Dakar");
        form.put("country", "SN");
        form.put("attendanceMode", "REMOTE");
        form.put("preferredLanguage", language);
        form.put("privacyConsent", true);
        String gateway = options.get("gateway");
        JsonNode created = expect(post(gateway + "/api/registrations", form, null), 201);
        String id = created.path("id").asString();
        expect(post(gateway + "/api/registrations/" + id + "/approve", Map.of(), organiser), 200);
        String code = null;
        Instant deadline = Instant.now().plusSeconds(30);
        while (code == null) {
            JsonNode box = JSON.readTree(get(options.get("registration") + "/internal/demo-mailbox?to="
                    + URLEncoder.encode(email, StandardCharsets.UTF_8), null).body());
            for (JsonNode message : box.path("messages")) {
                Matcher link = ACCESS.matcher(message.path("body").asString(""));
                if (link.find()) {
                    code = link.group(1);
                    break;
                }
            }
            if (code == null) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("no access link was mailed to " + email);
                }
                Thread.sleep(100);
            }
        }
        return expect(post(gateway + "/api/registrations/access-tokens", Map.of("code", code), null), 200)
                .path("token").asString();
    }

    private void waitForLinks(List<String> tokens, String session, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        String url = options.get("gateway") + "/api/streaming/sessions/" + session + "/join";
        int ready = 0;
        while (ready < tokens.size()) {
            HttpResponse<String> answer = get(url, tokens.get(ready));
            if (answer.statusCode() == 200) {
                ready++;
                continue;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(ready + " of " + tokens.size() + " participants have a join link after "
                        + within + "; the last answer was " + answer.statusCode() + " " + answer.body());
            }
            Thread.sleep(250);
        }
    }

    private String demoToken(String role) throws Exception {
        for (JsonNode token : JSON.readTree(get(options.get("registration") + "/internal/demo-sign-in", null).body())
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

    private HttpResponse<String> post(String url, Object body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode expect(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(answer.request().method() + " " + answer.uri() + " answered "
                    + answer.statusCode() + " instead of " + status + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }
}

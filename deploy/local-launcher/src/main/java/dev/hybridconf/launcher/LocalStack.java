package dev.hybridconf.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform on one machine, without Docker: a Kafka broker (KRaft), a Redis server, the Zoom
 * emulator, the five services and the gateway, each a child process of this JVM. Used by the {@link LocalLauncher}
 * command and by end-to-end tests, which give it free ports and a temporary data directory.
 *
 * <p>{@link #start()} checks everything it can before starting anything (jars built, ports free,
 * a Redis binary), then starts Kafka and Redis, then the applications, and returns once every
 * application reports UP. {@link #stop()} stops in reverse order. Single applications can be
 * crashed with {@link #kill(String)} and brought back with {@link #start(String, Map)}.
 */
public final class LocalStack implements AutoCloseable {

    /**
     * The demo conference anyone may register for without an invitation (the others, from the source documents,
     * are invitation-only): a technical rehearsal dated today, with a plenary test room open all day on Zoom.
     */
    public static final String DEMO_CONFERENCE = "hybridconf-rehearsal";

    private static final Duration APP_GRACE = Duration.ofSeconds(20);
    private static final Duration KAFKA_GRACE = Duration.ofSeconds(30);
    private static final Duration REDIS_GRACE = Duration.ofSeconds(10);
    private static final Duration INFRASTRUCTURE_TIMEOUT = Duration.ofSeconds(60);

    private final StackConfig config;
    private final Consumer<String> reporter;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, ChildProcess> children = new ConcurrentHashMap<>();
    private final List<String> unexpectedExits = new CopyOnWriteArrayList<>();
    private final Map<String, ClassDataSharing.Launch> recordings = new ConcurrentHashMap<>();
    /** Guards {@link #stopping} against new children: once it is set, nothing new gets tracked. */
    private final Object lifecycle = new Object();
    /** One stop at a time (the shutdown hook and a failing start may both ask). */
    private final Object stopLock = new Object();
    private volatile boolean stopping;
    private boolean kafkaFormatted;
    private Duration startupTime = Duration.ZERO;

    /** A stack that reports nothing (tests read state through the methods instead). */
    public LocalStack(StackConfig config) {
        this(config, message -> {
        });
    }

    /**
     * @param reporter receives one human-readable line per step and per unexpected process exit
     */
    public LocalStack(StackConfig config, Consumer<String> reporter) {
        this.config = config;
        this.reporter = reporter;
    }

    public StackConfig config() {
        return config;
    }

    /**
     * Starts Kafka, Redis and the configured applications and waits until every application reports
     * UP. On any failure, stops whatever it had started and throws a {@link StackException} whose
     * message says what to do.
     */
    public synchronized void start() {
        long begin = System.nanoTime();
        synchronized (lifecycle) {
            stopping = false;
        }
        Map<App, Path> jars = requireJars(config.apps());
        requireFreePorts(config.portUses());
        RedisProcess redis = new RedisProcess(config);
        Path redisBinary = redis.binary();
        try {
            Files.createDirectories(config.logsDir());
            rotateLogs();
            KafkaBroker kafka = new KafkaBroker(config);
            kafkaFormatted = kafka.prepare();
            report(kafkaFormatted ? "Formatted Kafka storage in " + config.kafkaDir() + " (first run)"
                    : "Reusing Kafka data in " + config.kafkaDir() + " (cluster "
                            + KafkaBroker.clusterId(config.kafkaDir()).orElse("?") + ")");
            ChildProcess broker = track(kafka.start(this::onUnexpectedExit));
            ChildProcess redisServer = track(redis.start(redisBinary, this::onUnexpectedExit));
            Map<App, ClassDataSharing.Launch> launches = launches(jars);
            redis.awaitReady(redisServer, INFRASTRUCTURE_TIMEOUT);
            report("Redis is up on " + config.redisHost() + ":" + config.redisPort() + " (" + redisBinary + ")");
            // The applications need Kafka only seconds into their start-up (and retry until it answers),
            // so they start while the broker finishes booting.
            Deque<App> pending = new ArrayDeque<>(launches.keySet());
            Set<String> starting = launchApps(launches, pending);
            kafka.awaitReady(broker, INFRASTRUCTURE_TIMEOUT);
            report("Kafka is up on " + config.kafkaBootstrapServers() + " after " + seconds(begin) + " s");
            awaitHealthy(starting, pending, launches, begin, config.healthTimeout());
        } catch (IOException e) {
            stop();
            throw new StackException("Could not create " + config.logsDir() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        startupTime = Duration.ofNanos(System.nanoTime() - begin);
    }

    /**
     * (Re)starts one application with the configured environment plus {@code extraEnv}, stopping it
     * first if it runs, and waits until it reports UP. {@code extraEnv} applies to this start only.
     */
    public synchronized void start(String appName, Map<String, String> extraEnv) {
        App app = App.require(appName);
        Path jar = requireJars(List.of(appName)).get(app);
        if (children.containsKey(appName)) {
            stop(appName);
        }
        requireFreePorts(List.of(new StackConfig.PortUse(config.port(app), app.name(), app.option())));
        long begin = System.nanoTime();
        ClassDataSharing.Launch launch = config.classDataSharing() ? new ClassDataSharing(config).launch(app, jar)
                : ClassDataSharing.Launch.plain(jar);
        track(launch(app, launch, extraEnv));
        waitHealthy(List.of(appName), config.healthTimeout());
        report(appName + " restarted in " + seconds(begin) + " s");
    }

    /**
     * Starts one more replica of a service: the same jar and environment on its own {@code port}, tracked (and
     * stopped, killed, logged) under {@code replicaName}, and waits until it reports UP on that port. The replica
     * shares Kafka (its consumer group) and Redis with the first one, as replicas behind a load balancer do.
     */
    public synchronized void startReplica(String appName, String replicaName, int port, Map<String, String> extraEnv) {
        App app = App.require(appName);
        if (!App.SERVICES.contains(app)) {
            throw new IllegalArgumentException(appName + " is not a service; only services run as replicas");
        }
        if (App.named(replicaName).isPresent() || children.containsKey(replicaName)) {
            throw new IllegalArgumentException("The name " + replicaName + " is taken");
        }
        Path jar = requireJars(List.of(appName)).get(app);
        requireFreePorts(List.of(new StackConfig.PortUse(port, replicaName, app.option())));
        long begin = System.nanoTime();
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.addAll(config.appJvmOptions());
        command.add("-jar");
        command.add(jar.toString());
        Map<String, String> env = new LinkedHashMap<>(environment(app));
        env.putAll(config.extraEnv(app.name()));
        env.putAll(extraEnv);
        env.put("SERVER_PORT", Integer.toString(port));
        ChildProcess child = track(ChildProcess.start(replicaName, command, env, config.root(),
                config.logFile(replicaName), this::onUnexpectedExit));
        URI health = URI.create("http://localhost:" + port + "/actuator/health");
        long deadline = System.nanoTime() + config.healthTimeout().toNanos();
        while (!isUp(health)) {
            if (!child.isAlive()) {
                throw new StackException(replicaName + " exited before it was healthy (exit " + child.exitCode()
                        + "). Last lines of " + child.log() + ":\n" + child.logTail(30));
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(replicaName + " not healthy within " + config.healthTimeout().toSeconds()
                        + " s; its log: " + child.log());
            }
            KafkaBroker.pause(Duration.ofMillis(250));
        }
        report(replicaName + " (a replica of " + appName + ") is UP on port " + port + " after " + seconds(begin) + " s");
    }

    /** Stops one application gracefully (SIGTERM, then SIGKILL after the grace period). */
    public void stop(String name) {
        ChildProcess child = children.remove(name);
        if (child != null) {
            afterExit(name, child.stop(graceFor(name)));
        }
    }

    /** Kills one process with SIGKILL, as a crash would: no shutdown hooks, no graceful anything. */
    public void kill(String name) {
        ChildProcess child = children.remove(name);
        if (child == null) {
            throw new IllegalArgumentException("No running process named " + name + "; running: " + children.keySet());
        }
        child.kill();
        afterExit(name, false);
        report("Killed " + child + " (SIGKILL)");
    }

    /**
     * Stops everything in reverse order of start: the gateway, then the services (together), then
     * Redis, then Kafka. Safe to call more than once and from a shutdown hook.
     */
    @Override
    public void close() {
        stop();
    }

    public void stop() {
        synchronized (lifecycle) {
            stopping = true;
        }
        synchronized (stopLock) {
            if (children.isEmpty()) {
                return;
            }
            long begin = System.nanoTime();
            if (!recordings.isEmpty()) {
                report("Stopping; " + String.join(", ", recordings.keySet()) + " write their class data archives on"
                        + " the way out (first run only), which takes a few seconds");
            }
            stopTogether(List.of(App.GATEWAY.name()));
            stopTogether(children.keySet().stream().filter(name -> !name.equals("redis") && !name.equals("kafka"))
                    .toList());
            stopTogether(List.of("redis"));
            stopTogether(List.of("kafka"));
            report("Stopped everything in " + seconds(begin) + " s");
        }
    }

    private void stopTogether(List<String> names) {
        List<Runnable> stops = new ArrayList<>();
        for (String name : names) {
            ChildProcess child = children.get(name);
            if (child == null) {
                continue;
            }
            stops.add(() -> {
                long begin = System.nanoTime();
                boolean recording = recordings.containsKey(name);
                boolean clean = child.stop(graceFor(name));
                children.remove(name, child);
                removePidFile(name);
                afterExit(name, clean);
                report((clean ? "Stopped " : "Force-stopped ") + name + (recording ? " (class data archive saved)" : "")
                        + " in " + seconds(begin) + " s");
            });
        }
        inParallel(stops);
    }

    /**
     * Runs the tasks on a thread each and waits for all. Not the common pool: its size follows the
     * core count, and these tasks mostly wait on other processes.
     */
    private static void inParallel(List<Runnable> tasks) {
        List<Thread> threads = new ArrayList<>();
        for (Runnable task : tasks) {
            Thread thread = new Thread(task, "local-stack-task");
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Duration graceFor(String name) {
        return switch (name) {
            case "kafka" -> KAFKA_GRACE;
            case "redis" -> REDIS_GRACE;
            default -> APP_GRACE;
        };
    }

    /** Waits until every running application answers {@code /actuator/health} with UP. */
    public void waitHealthy(Duration timeout) {
        waitHealthy(config.apps().stream().filter(children::containsKey).toList(), timeout);
    }

    /**
     * Waits until each named application answers {@code /actuator/health} with UP; fails at once if one
     * of them exits, and after {@code timeout} naming the ones still down.
     */
    public void waitHealthy(Collection<String> names, Duration timeout) {
        awaitHealthy(new LinkedHashSet<>(names), new ArrayDeque<>(), Map.of(), System.nanoTime(), timeout);
    }

    /** Launches the first applications of {@code pending} (all, unless starts are staggered). */
    private Set<String> launchApps(Map<App, ClassDataSharing.Launch> launches, Deque<App> pending) {
        int parallel = config.maxParallelStarts() == 0 ? pending.size() : config.maxParallelStarts();
        Set<String> starting = new LinkedHashSet<>();
        if (!pending.isEmpty()) {
            report("Starting " + String.join(", ", pending.stream().map(App::name).toList())
                    + (parallel < pending.size() ? " (" + parallel + " at a time)" : " (all at once)"));
        }
        while (!pending.isEmpty() && starting.size() < parallel) {
            App app = pending.removeFirst();
            track(launch(app, launches.get(app), Map.of()));
            starting.add(app.name());
        }
        return starting;
    }

    /**
     * How each application starts (see {@link ClassDataSharing}); extractions of new jars run together.
     */
    private Map<App, ClassDataSharing.Launch> launches(Map<App, Path> jars) {
        Map<App, ClassDataSharing.Launch> launches = new LinkedHashMap<>();
        if (!config.classDataSharing()) {
            jars.forEach((app, jar) -> launches.put(app, ClassDataSharing.Launch.plain(jar)));
            return launches;
        }
        ClassDataSharing cds = new ClassDataSharing(config);
        Map<App, ClassDataSharing.Launch> prepared = new ConcurrentHashMap<>();
        List<Runnable> tasks = new ArrayList<>();
        jars.forEach((app, jar) -> tasks.add(() -> {
            try {
                prepared.put(app, cds.launch(app, jar));
            } catch (RuntimeException e) {
                prepared.put(app, ClassDataSharing.Launch.plain(jar));
            }
        }));
        inParallel(tasks);
        jars.forEach((app, jar) -> launches.put(app, prepared.getOrDefault(app, ClassDataSharing.Launch.plain(jar))));
        List<String> recording = launches.entrySet().stream().filter(entry -> entry.getValue().recording())
                .map(entry -> entry.getKey().name()).toList();
        if (!recording.isEmpty()) {
            report("First run of " + String.join(", ", recording) + " from these jars: their class data archives are"
                    + " written when they stop, and later starts take about half the time");
        }
        return launches;
    }

    /**
     * Polls the applications in {@code starting} until all are UP; each time one comes up, launches the
     * next of {@code pending} (when starts are staggered).
     */
    private void awaitHealthy(Set<String> starting, Deque<App> pending, Map<App, ClassDataSharing.Launch> launches,
            long begin, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!starting.isEmpty()) {
            for (String name : new ArrayList<>(starting)) {
                if (stopping) {
                    throw new StackException("Stopped on request before every application was up");
                }
                ChildProcess child = children.get(name);
                if (child == null || !child.isAlive()) {
                    String log = config.logFile(name).toString();
                    throw new StackException(name + " exited before it was healthy"
                            + (child == null ? "" : " (exit " + child.exitCode() + ")") + ". Last lines of " + log
                            + ":\n" + ChildProcess.tail(config.logFile(name), 30));
                }
                if (isUp(name)) {
                    starting.remove(name);
                    report(name + " is UP after " + seconds(begin) + " s");
                    if (!pending.isEmpty()) {
                        App next = pending.removeFirst();
                        track(launch(next, launches.get(next), Map.of()));
                        starting.add(next.name());
                    }
                }
            }
            if (starting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StackException("Not healthy within " + timeout.toSeconds() + " s: " + starting
                        + ". Their logs: " + starting.stream().map(config::logFile).toList()
                        + ". A slow machine may need a longer --health-timeout.");
            }
            KafkaBroker.pause(Duration.ofMillis(250));
        }
    }

    /** Whether the application answers its health endpoint with status UP right now. */
    public boolean isUp(String appName) {
        return isUp(url(appName).resolve("/actuator/health"));
    }

    private boolean isUp(URI health) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && "UP".equals(JsonMapper.shared().readTree(response.body()).path("status").asString());
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while waiting for " + health, e);
        }
    }

    private ChildProcess launch(App app, ClassDataSharing.Launch launch, Map<String, String> extraEnv) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.addAll(config.appJvmOptions());
        command.addAll(launch.jvmOptions());
        command.add("-jar");
        command.add(launch.jar().toString());
        Map<String, String> env = new LinkedHashMap<>(environment(app));
        env.putAll(config.extraEnv(app.name()));
        env.putAll(extraEnv);
        ChildProcess child = ChildProcess.start(app.name(), command, env, config.root(), config.logFile(app.name()),
                this::onUnexpectedExit);
        if (launch.recording()) {
            recordings.put(app.name(), launch);
        } else {
            recordings.remove(app.name());
        }
        return child;
    }

    /** After an application ended: keeps or drops the class data archive its run was recording. */
    private void afterExit(String name, boolean stoppedCleanly) {
        ClassDataSharing.Launch recording = recordings.remove(name);
        if (recording != null) {
            App app = App.require(name);
            app.executableJar(config.root())
                    .ifPresent(jar -> new ClassDataSharing(config).recorded(app, jar, stoppedCleanly));
        }
    }

    /** What an application is told through its environment (the shared contract's variables). */
    public Map<String, String> environment(App app) {
        Map<String, String> env = new LinkedHashMap<>();
        if (app.equals(App.ZOOM_EMULATOR)) {
            // It keeps everything in memory and only needs to know where to send Zoom's webhooks.
            env.put("SERVER_PORT", Integer.toString(config.port(app)));
            env.put("SERVER_ADDRESS", config.bindAddress(app));
            env.put("ZOOM_WEBHOOK_URL", zoomWebhookUrl());
            return env;
        }
        String issuer = config.baseUrl(App.REGISTRATION.name());
        env.put("SERVER_PORT", Integer.toString(config.port(app)));
        // Loopback only (the gateway too unless --listen widens it): demo tokens and the demo mailbox
        // must not be reachable from the network.
        env.put("SERVER_ADDRESS", config.bindAddress(app));
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrapServers());
        env.put("REDIS_HOST", config.redisHost());
        env.put("REDIS_PORT", Integer.toString(config.redisPort()));
        env.put("JWT_JWK_SET_URI", issuer + "/oauth2/jwks");
        env.put("JWT_ISSUER", issuer);
        if (app.equals(App.REGISTRATION) || app.equals(App.SESSION) || app.equals(App.STREAMING_LINK)) {
            // Registrations saved in .local-stack/ by a version without conferences were made on the open form and
            // joined today's rehearsal: they belong to it (ADR 0015).
            env.put("DEFAULT_CONFERENCE", DEMO_CONFERENCE);
        }
        if (app.equals(App.REGISTRATION)) {
            env.put("DEMO_SIGN_IN", "true");
            // Access links in participants' messages open the portal, wherever --gateway-port put it.
            env.put("PORTAL_URL", config.baseUrl(App.GATEWAY.name()));
        }
        if (app.equals(App.SESSION)) {
            env.put("DEMO_PROGRAMMES", "true");
            // Addresses in schedule exports and calendar feeds point at the gateway, people's way in.
            env.put("PUBLIC_BASE_URL", config.baseUrl(App.GATEWAY.name()));
        }
        if (app.equals(App.INTERPRETATION_LANGUAGE)) {
            // The demo Seminar's interpreter roster and its conference languages (en fr es offered everywhere).
            env.put("DEMO_ROSTERS", "true");
            // Location headers and calendar feed addresses point at the gateway, people's way in.
            env.put("PUBLIC_BASE_URL", config.baseUrl(App.GATEWAY.name()));
        }
        if (app.equals(App.RAPPORTEUR_NOTES)) {
            // Links in the published summaries' feed point at the gateway, people's way in.
            env.put("PUBLIC_BASE_URL", config.baseUrl(App.GATEWAY.name()));
        }
        if (app.equals(App.STREAMING_LINK)) {
            // The Zoom client talks to the emulator exactly as to Zoom: only the base URLs differ.
            String zoom = config.baseUrl(App.ZOOM_EMULATOR.name());
            env.put("ZOOM_OAUTH_URL", zoom);
            env.put("ZOOM_API_URL", zoom + "/v2");
            env.put("ZOOM_ACCOUNT_ID", "hybridconf-demo-account");
            env.put("ZOOM_CLIENT_ID", "hybridconf-demo-client");
            env.put("ZOOM_CLIENT_SECRET", "hybridconf-demo-secret");
            // The emulator's six licensed host users (the first two with a webinar licence) form the host pool,
            // and its webhooks are signed with its demo secret.
            env.put("ZOOM_HOST_POOL", "host1@hybridconf.example:webinar,host2@hybridconf.example:webinar,"
                    + "host3@hybridconf.example,host4@hybridconf.example,host5@hybridconf.example,"
                    + "host6@hybridconf.example");
            env.put("ZOOM_WEBHOOK_SECRET_TOKEN", "hybridconf-demo-webhook-secret");
        }
        if (app.equals(App.GATEWAY)) {
            env.put("REGISTRATION_SERVICE_URI", config.baseUrl(App.REGISTRATION.name()));
            env.put("SESSION_SERVICE_URI", config.baseUrl(App.SESSION.name()));
            env.put("STREAMING_SERVICE_URI", config.baseUrl(App.STREAMING_LINK.name()));
            env.put("INTERPRETATION_SERVICE_URI", config.baseUrl(App.INTERPRETATION_LANGUAGE.name()));
            env.put("RAPPORTEUR_SERVICE_URI", config.baseUrl(App.RAPPORTEUR_NOTES.name()));
        }
        return env;
    }

    /** Where the Zoom emulator sends webhooks: the streaming-link service's Zoom webhook endpoint. */
    public String zoomWebhookUrl() {
        return config.baseUrl(App.STREAMING_LINK.name()) + "/webhooks/zoom";
    }

    private ChildProcess track(ChildProcess child) {
        synchronized (lifecycle) {
            if (stopping) {
                child.kill();
                throw new StackException("Stopped on request before every application was up");
            }
            children.put(child.name(), child);
        }
        writePidFile(child);
        return child;
    }

    private void onUnexpectedExit(ChildProcess child, int exitCode) {
        if (stopping) {
            return;
        }
        String message = child + " exited unexpectedly with code " + exitCode + ". Last lines of " + child.log()
                + ":\n" + child.logTail(15);
        unexpectedExits.add(child.name());
        if (recordings.containsKey(child.name())) {
            afterExit(child.name(), false);
        }
        report(message);
    }

    /** Names of the processes that ended without being asked to, in the order they ended. */
    public List<String> unexpectedExits() {
        return List.copyOf(unexpectedExits);
    }

    /** Whether a Kafka storage format happened during the last {@link #start()} (false: data reused). */
    public boolean kafkaFormattedOnStart() {
        return kafkaFormatted;
    }

    /** How long the last {@link #start()} took, from the first check to the last application UP. */
    public Duration startupTime() {
        return startupTime;
    }

    public URI url(String appName) {
        return URI.create(config.baseUrl(appName) + "/");
    }

    public URI gatewayUrl() {
        return url(App.GATEWAY.name());
    }

    /** Every address the stack serves, by name: applications, Kafka and Redis. */
    public Map<String, String> urls() {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String app : config.apps()) {
            urls.put(app, config.baseUrl(app) + "/");
        }
        urls.put("kafka", config.kafkaBootstrapServers());
        urls.put("redis", config.redisHost() + ":" + config.redisPort());
        return urls;
    }

    public Optional<Long> pid(String name) {
        return Optional.ofNullable(children.get(name)).map(ChildProcess::pid);
    }

    public boolean isRunning(String name) {
        ChildProcess child = children.get(name);
        return child != null && child.isAlive();
    }

    /** Resident memory (VmRSS, KiB) of every running child, by name; empty where /proc is unavailable. */
    public Map<String, Long> residentMemoryKiB() {
        Map<String, Long> memory = new LinkedHashMap<>();
        for (String name : startOrder()) {
            ChildProcess child = children.get(name);
            if (child != null) {
                OptionalLong rss = ProcessMemory.residentKiB(child.pid());
                rss.ifPresent(kib -> memory.put(name, kib));
            }
        }
        return memory;
    }

    /** Proportional memory (PSS, KiB) of every running child, by name; shared pages split between them. */
    public Map<String, Long> proportionalMemoryKiB() {
        Map<String, Long> memory = new LinkedHashMap<>();
        for (String name : startOrder()) {
            ChildProcess child = children.get(name);
            if (child != null) {
                ProcessMemory.proportionalKiB(child.pid()).ifPresent(kib -> memory.put(name, kib));
            }
        }
        return memory;
    }

    private List<String> startOrder() {
        List<String> order = new ArrayList<>(List.of("kafka", "redis"));
        order.addAll(config.apps());
        for (String name : children.keySet()) {
            if (!order.contains(name)) {
                order.add(name);
            }
        }
        return order;
    }

    /** One token per role from the registration service's demo sign-in, by role, in its order. */
    public Map<String, String> demoTokens() {
        URI uri = url(App.REGISTRATION.name()).resolve("/internal/demo-sign-in");
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new StackException("Demo sign-in at " + uri + " answered " + response.statusCode()
                        + " (is DEMO_SIGN_IN=true reaching the registration service?)");
            }
            Map<String, String> tokens = new LinkedHashMap<>();
            for (JsonNode token : JsonMapper.shared().readTree(response.body()).path("tokens")) {
                tokens.put(token.path("role").asString(), token.path("token").asString());
            }
            return tokens;
        } catch (IOException e) {
            throw new StackException("Demo sign-in at " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted during demo sign-in", e);
        }
    }

    private Map<App, Path> requireJars(List<String> names) {
        Map<App, Path> jars = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            App app = App.require(name);
            Optional<Path> jar = app.executableJar(config.root());
            if (jar.isPresent()) {
                jars.put(app, jar.get());
            } else {
                missing.add(config.root().relativize(app.executableJar(config.root())
                        .orElse(config.root().resolve(app.module()).resolve("target")
                                .resolve(app.name() + "-" + StackConfig.VERSION + "-exec.jar")))
                        .toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new StackException("Not built yet: " + String.join(", ", missing) + ". Run ./mvnw -B -DskipTests"
                    + " package first (in " + config.root() + "), then start the launcher again.");
        }
        return jars;
    }

    /**
     * Fails, naming every busy port and the option that moves it, unless all are free. Mentions any
     * process a previous launcher run left behind.
     */
    void requireFreePorts(List<StackConfig.PortUse> uses) {
        List<String> busy = new ArrayList<>();
        for (StackConfig.PortUse use : uses) {
            if (!isFree(use.port())) {
                String alternative = App.SERVICES.stream().anyMatch(app -> app.name().equals(use.owner()))
                        ? " (or --base-port <port> to move all five services)"
                        : "";
                busy.add(String.format(Locale.ROOT, "  port %d (%s) is already in use; choose another with %s <port>%s",
                        use.port(), use.owner(), use.option(), alternative));
            }
        }
        if (busy.isEmpty()) {
            return;
        }
        String nl = System.lineSeparator();
        StringBuilder message = new StringBuilder("Cannot start:").append(nl).append(String.join(nl, busy)).append(nl);
        Map<String, Long> leftovers = leftoverProcesses();
        if (!leftovers.isEmpty()) {
            message.append("A previous launcher run with data in ").append(config.dataDir())
                    .append(" seems to have left processes running: ").append(leftovers.keySet()).append('.').append(nl)
                    .append("Stop them with: kill ")
                    .append(String.join(" ", leftovers.values().stream().map(String::valueOf).toList()));
        } else {
            message.append("Stop whatever holds the port, or move the stack with the option shown.");
        }
        throw new StackException(message.toString());
    }

    /** Whether something accepts connections on the loopback address at {@code port}. */
    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Free means nothing listens on it and this process could bind it now. */
    static boolean isFree(int port) {
        if (accepts(port)) {
            return false;
        }
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Keeps the previous run's logs as {@code <name>.log.1}; this run starts fresh files. */
    private void rotateLogs() throws IOException {
        try (var logs = Files.list(config.logsDir())) {
            for (Path log : logs.filter(file -> file.toString().endsWith(".log")).toList()) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private Path pidDir() {
        return config.dataDir().resolve("run");
    }

    private void writePidFile(ChildProcess child) {
        try {
            Files.createDirectories(pidDir());
            Files.writeString(pidDir().resolve(child.name() + ".pid"), Long.toString(child.pid()));
        } catch (IOException e) {
            // only used to explain busy ports later
        }
    }

    private void removePidFile(String name) {
        try {
            Files.deleteIfExists(pidDir().resolve(name + ".pid"));
        } catch (IOException e) {
            // harmless
        }
    }

    /** Processes named in pid files of this data directory that are still alive and not ours, by name. */
    private Map<String, Long> leftoverProcesses() {
        Map<String, Long> leftovers = new LinkedHashMap<>();
        if (!Files.isDirectory(pidDir())) {
            return leftovers;
        }
        Set<Long> ours = new HashSet<>();
        children.values().forEach(child -> ours.add(child.pid()));
        try (var files = Files.list(pidDir())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).sorted().toList()) {
                long pid = Long.parseLong(Files.readString(file).trim());
                if (!ours.contains(pid) && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    leftovers.put(file.getFileName().toString().replace(".pid", ""), pid);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // best effort: only used to explain busy ports
        }
        return leftovers;
    }

    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private void report(String message) {
        reporter.accept(message);
    }

    private static String seconds(long sinceNanos) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - sinceNanos) / 1e9);
    }
}

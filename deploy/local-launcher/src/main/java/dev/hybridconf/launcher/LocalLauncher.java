package dev.hybridconf.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one command that runs the platform locally, without Docker:
 * {@code java -jar deploy/local-launcher/target/local-launcher.jar} from the repository root. It starts
 * a Kafka broker, a Redis server, the Zoom emulator, the five services and the gateway as child processes,
 * prints the portal address and demo tokens once everything is healthy, and stops it all on Ctrl-C.
 */
public final class LocalLauncher {

    private LocalLauncher() {
    }

    public static void main(String[] args) {
        // Before any logger exists: the launcher's own Kafka admin client should stay quiet.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        PrintStream out = System.out;
        Options options;
        try {
            options = Options.parse(List.of(args), Path.of("").toAbsolutePath());
        } catch (IllegalArgumentException e) {
            System.err.println("local-launcher: " + e.getMessage());
            System.err.println();
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            out.println(Options.USAGE);
            return;
        }
        if (options.config().listensBeyondLoopback()) {
            warnWidened(System.err, options.config());
        }
        LocalStack stack = new LocalStack(options.config(), message -> out.println("[stack] " + message));
        AtomicBoolean shuttingDown = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shuttingDown.set(true);
            stack.stop();
        }, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (StackException e) {
            if (shuttingDown.get()) {
                return; // Ctrl-C during start-up: the shutdown hook is already stopping everything
            }
            System.err.println();
            System.err.println("local-launcher: " + e.getMessage());
            System.exit(1);
            return;
        }
        printBanner(out, stack, !options.measure());
        if (options.measure()) {
            System.exit(0);
            return;
        }
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Said before anything starts, and again under the banner, when {@code --listen} opens the gateway. */
    static void warnWidened(PrintStream err, StackConfig config) {
        err.println("WARNING: the gateway listens on " + config.listenAddress() + ":" + config.port(App.GATEWAY)
                + ", not only on this machine: anyone who can reach it can open the portal, register and call"
                + " the API. The local stack is a demo (demo organiser tokens exist, mail goes to a demo mailbox);"
                + " do not run it like this on a network you do not trust. The services, the Zoom emulator,"
                + " Kafka and Redis still listen on 127.0.0.1 only, and the demo sign-in and mailbox answer only"
                + " callers on this machine.");
    }

    static void printBanner(PrintStream out, LocalStack stack, boolean staying) {
        StackConfig config = stack.config();
        Map<String, Long> memory = stack.residentMemoryKiB();
        Map<String, Long> proportional = stack.proportionalMemoryKiB();
        long total = memory.values().stream().mapToLong(Long::longValue).sum();
        long totalProportional = proportional.values().stream().mapToLong(Long::longValue).sum();
        out.println();
        out.printf(Locale.ROOT, "Hybridconf is up in %.1f s: %d processes, %s resident (RSS sum)%s.%n",
                stack.startupTime().toMillis() / 1000.0, memory.size(), ProcessMemory.format(total),
                proportional.isEmpty() ? "" : ", " + ProcessMemory.format(totalProportional) + " proportional (PSS sum)");
        memory.forEach((name, kib) -> out.printf(Locale.ROOT, "  %-32s %8s RSS %8s PSS%n", name,
                ProcessMemory.format(kib), proportional.containsKey(name) ? ProcessMemory.format(proportional.get(name)) : "?"));
        out.println();
        boolean gateway = config.apps().contains(App.GATEWAY.name());
        String portal = gateway ? stack.gatewayUrl().toString() : null;
        if (portal != null) {
            out.println("Portal and API gateway: " + portal + (config.listensBeyondLoopback()
                    ? " (listening on " + config.listenAddress() + ":" + config.port(App.GATEWAY) + ", see the warning)"
                    : " (this machine only; --listen widens it)"));
        }
        for (String app : config.apps()) {
            if (app.equals(App.ZOOM_EMULATOR.name())) {
                out.printf(Locale.ROOT, "  %-32s %s (Zoom API /v2, OAuth /oauth/token, admin /emulator; webhooks"
                        + " to %s)%n", app, stack.url(app), stack.zoomWebhookUrl());
            } else if (!app.equals(App.GATEWAY.name())) {
                out.printf(Locale.ROOT, "  %-32s %s%n", app, stack.url(app));
            }
        }
        out.printf(Locale.ROOT, "  %-32s %s%n", "Kafka", config.kafkaBootstrapServers());
        out.printf(Locale.ROOT, "  %-32s %s:%d%n", "Redis", config.redisHost(), config.redisPort());
        out.println("Data and logs: " + config.dataDir() + " (logs/<name>.log)");
        if (!config.apps().contains(App.REGISTRATION.name())) {
            return;
        }
        Map<String, String> tokens;
        try {
            tokens = stack.demoTokens();
        } catch (StackException e) {
            out.println("Demo sign-in unavailable: " + e.getMessage());
            return;
        }
        out.println();
        out.println("Demo sign-in (Authorization: Bearer <token>, one per role):");
        tokens.forEach((role, token) -> out.printf(Locale.ROOT, "  %-16s %s%n", role, token));
        String mailbox = demoMailbox(stack);
        out.println("Demo mailbox (what participants were sent, newest first; not routed by the gateway):");
        out.println("  " + mailbox + "?to=<e-mail address>");
        String base = portal != null ? portal : stack.url(App.REGISTRATION.name()).toString();
        String sessionBase = portal != null ? portal : stack.url(App.SESSION.name()).toString();
        String email = "ada." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        out.println();
        out.println("Try it (the whole walk-through, with the access link, is in docs/local-stack.md):");
        out.println("  curl -i -X POST " + base + "api/registrations -H 'Content-Type: application/json' \\");
        out.println("    -d '{\"conferenceId\":\"" + LocalStack.DEMO_CONFERENCE + "\",\"fullName\":\"Ada Lovelace\","
                + "\"email\":\"" + email + "\",\"organisation\":\"UCLG\","
                + "\"position\":\"Policy officer\",\"city\":\"Paris\",\"country\":\"FR\","
                + "\"attendanceMode\":\"REMOTE\",\"preferredLanguage\":\"fr\",\"privacyConsent\":true}'");
        out.println("  curl -s '" + mailbox + "?to=" + email + "'");
        Optional.ofNullable(tokens.get("organiser")).ifPresent(organiser -> {
            out.println("  curl -s '" + sessionBase + "api/sessions/participants/summary?conference="
                    + LocalStack.DEMO_CONFERENCE + "' \\");
            out.println("    -H 'Authorization: Bearer " + organiser + "'");
        });
        if (staying) {
            out.println();
            out.println("Press Ctrl-C to stop everything.");
        }
    }

    /** Where the registration service shows the demo mailbox (only with demo sign-in, which the launcher turns on). */
    static String demoMailbox(LocalStack stack) {
        return stack.url(App.REGISTRATION.name()).resolve("/internal/demo-mailbox").toString();
    }

    /** Parsed command line. */
    record Options(StackConfig config, boolean measure, boolean help) {

        static final String USAGE = """
                Usage: java -jar deploy/local-launcher/target/local-launcher.jar [options]
                Starts Kafka (KRaft), Redis, the Zoom emulator, the five services and the gateway; Ctrl-C stops
                them all.

                  --root <dir>                   repository root (default: found by walking up from here)
                  --data-dir <dir>               Kafka and Redis data, logs (default: <root>/.local-stack)
                  --gateway-port <port>          gateway and portal (default 8080)
                  --base-port <port>             first of the five service ports, in order registration,
                                                 session, streaming-link, interpretation-language,
                                                 rapporteur-notes (default 8081)
                  --registration-port <port>     one service's port (likewise --session-port,
                                                 --streaming-link-port, --interpretation-language-port,
                                                 --rapporteur-notes-port)
                  --listen <address>             the address the gateway (portal and API) listens on
                                                 (default 127.0.0.1, this machine only); e.g. 0.0.0.0 to
                                                 open the portal to your network. Services, the Zoom
                                                 emulator, Kafka and Redis stay on 127.0.0.1 whatever
                                                 this says; the launcher warns when it is widened
                  --zoom-emulator-port <port>    the Zoom emulator (default 8090)
                  --kafka-port <port>            Kafka client listener (default 9092)
                  --kafka-controller-port <port> Kafka KRaft controller listener (default 9093)
                  --redis-port <port>            Redis (default 6379)
                  --health-timeout <seconds>     how long to wait for every service to be UP (default 120)
                  --max-parallel <n>             applications starting at once, 0 = all (default 0)
                  --apps <a,b,...>               run only these applications (e.g. registration,session,
                                                 zoom-emulator); Kafka and Redis always run
                  --app-jvm-options "<options>"  JVM options for every application, replacing the lean
                                                 defaults (-XX:TieredStopAtLevel=1 -XX:+UseSerialGC ...)
                  --no-cds                       start the applications from their jars without class data
                                                 sharing archives (built on first start, kept in
                                                 <data-dir>/cache, they halve later start times)
                  --measure                      start, print start time and memory, then stop
                  --help                         this text
                """;

        static Options parse(List<String> args, Path workingDir) {
            Path root = null;
            Path dataDir = null;
            boolean measure = false;
            boolean help = false;
            boolean cds = true;
            List<String[]> settings = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                String name = arg;
                String value = null;
                int equals = arg.indexOf('=');
                if (arg.startsWith("--") && equals > 0) {
                    name = arg.substring(0, equals);
                    value = arg.substring(equals + 1);
                }
                switch (name) {
                    case "--help", "-h" -> help = true;
                    case "--measure" -> measure = true;
                    case "--no-cds" -> cds = false;
                    default -> {
                        if (!name.startsWith("--")) {
                            throw new IllegalArgumentException("Unexpected argument '" + arg + "'");
                        }
                        if (value == null) {
                            if (i + 1 >= args.size()) {
                                throw new IllegalArgumentException(name + " needs a value");
                            }
                            value = args.get(++i);
                        }
                        switch (name) {
                            case "--root" -> root = Path.of(value);
                            case "--data-dir" -> dataDir = Path.of(value);
                            default -> settings.add(new String[] { name, value });
                        }
                    }
                }
            }
            Path repository = root != null ? root.toAbsolutePath().normalize()
                    : findRoot(workingDir).orElseThrow(() -> new IllegalArgumentException(
                            "Cannot find the repository root (a directory with services/ and pom.xml) above "
                                    + workingDir + "; run from the repository or pass --root <dir>"));
            if (!isRoot(repository)) {
                throw new IllegalArgumentException(repository + " is not the repository root (no services/ and pom.xml)");
            }
            StackConfig.Builder builder = StackConfig.builder(repository).classDataSharing(cds);
            if (dataDir != null) {
                builder.dataDir(dataDir.isAbsolute() ? dataDir : workingDir.resolve(dataDir));
            }
            // --base-port first, so that a single service's own option wins over it.
            settings.sort((a, b) -> Boolean.compare(!a[0].equals("--base-port"), !b[0].equals("--base-port")));
            for (String[] setting : settings) {
                apply(builder, setting[0], setting[1]);
            }
            return new Options(builder.build(), measure, help);
        }

        private static void apply(StackConfig.Builder builder, String name, String value) {
            switch (name) {
                case "--base-port" -> builder.basePort(number(name, value));
                case "--kafka-port" -> builder.kafkaPort(number(name, value));
                case "--kafka-controller-port" -> builder.kafkaControllerPort(number(name, value));
                case "--redis-port" -> builder.redisPort(number(name, value));
                case "--health-timeout" -> builder.healthTimeout(Duration.ofSeconds(number(name, value)));
                case "--max-parallel" -> builder.maxParallelStarts(number(name, value));
                case "--apps" -> builder.apps(apps(value));
                case "--app-jvm-options" -> builder.appJvmOptions(value.isBlank() ? List.of()
                        : List.of(value.trim().split("\\s+")));
                case "--listen" -> builder.listenAddress(StackConfig.literalAddress(value.trim()));
                default -> {
                    App app = App.ALL.stream().filter(candidate -> candidate.option().equals(name)).findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("Unknown option " + name));
                    builder.appPort(app.name(), number(name, value));
                }
            }
        }

        private static List<String> apps(String value) {
            List<String> names = new ArrayList<>();
            for (String part : value.split(",")) {
                String name = part.trim();
                if (name.isEmpty()) {
                    continue;
                }
                App app = App.named(name).or(() -> App.named(name + "-service"))
                        .orElseThrow(() -> new IllegalArgumentException("--apps: unknown application '" + name
                                + "'; known: " + String.join(", ", App.ALL.stream().map(App::name).toList())));
                names.add(app.name());
            }
            // Keep the platform's start order whatever order the option lists them in.
            return App.ALL.stream().map(App::name).filter(names::contains).toList();
        }

        private static int number(String name, String value) {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a number, not '" + value + "'");
            }
        }

        static Optional<Path> findRoot(Path start) {
            for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
                if (isRoot(dir)) {
                    return Optional.of(dir);
                }
            }
            return Optional.empty();
        }

        private static boolean isRoot(Path dir) {
            return Files.isDirectory(dir.resolve("services")) && Files.isRegularFile(dir.resolve("pom.xml"));
        }
    }
}

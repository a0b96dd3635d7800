package dev.hybridconf.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that decides what a {@link LocalStack} runs and where: the repository it takes the jars
 * from, the directory that keeps Kafka's and Redis's data and the logs, every port, the applications
 * to run and extra environment per application. Immutable; build one with {@link #builder(Path)}.
 *
 * @param root the repository root (holds {@code services/} and the root {@code pom.xml})
 * @param dataDir Kafka and Redis data plus the child processes' logs; survives restarts
 * @param kafkaPort the broker's client listener ({@code PLAINTEXT://localhost:<port>})
 * @param kafkaControllerPort the KRaft controller listener of the same process
 * @param redisPort the Redis server's port
 * @param appPorts the HTTP port of every application in {@link App#ALL}, by name
 * @param apps the applications to run, in start order (may be empty: infrastructure only)
 * @param extraEnv environment added to (and overriding) what the launcher gives an application, by name
 * @param appJvmOptions JVM options for every application
 * @param kafkaJvmOptions JVM options for the broker
 * @param healthTimeout how long {@link LocalStack#start()} waits for every application to report UP
 * @param maxParallelStarts how many applications may be starting at once; 0 starts them all together
 * @param classDataSharing whether applications start from a class data sharing archive (see
 *        {@link ClassDataSharing}); the first start builds the archives
 * @param cacheDir where the extracted jars and archives are kept (default {@code <dataDir>/cache})
 * @param listenAddress the address the gateway (portal and API) listens on; {@value #LOOPBACK} unless
 *        widened with {@code --listen}. Everything else (services, the Zoom emulator, Kafka, Redis)
 *        always listens on the loopback address only.
 */
public record StackConfig(Path root, Path dataDir, int kafkaPort, int kafkaControllerPort, int redisPort,
        Map<String, Integer> appPorts, List<String> apps, Map<String, Map<String, String>> extraEnv,
        List<String> appJvmOptions, List<String> kafkaJvmOptions, Duration healthTimeout, int maxParallelStarts,
        boolean classDataSharing, Path cacheDir, String listenAddress) {

    /** Where every process of the local stack listens by default: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";

    /** The platform version whose executable jars the launcher looks for first. */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_REDIS_PORT = 6379;

    /**
     * Lean flags for the Spring Boot applications, measured on a 2-core machine: C1 only and the
     * serial collector start faster than the defaults, and a small initial heap that grows (and gives
     * memory back) on demand keeps each idle service near 175 MiB resident instead of 340 MiB.
     */
    public static final List<String> DEFAULT_APP_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xss512k", "-Xms32m", "-Xmx256m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
            "-XX:ReservedCodeCacheSize=64m");

    /** A single local broker needs far less than Kafka's 1 GiB default heap. */
    public static final List<String> DEFAULT_KAFKA_JVM_OPTIONS = List.of("-Xms32m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:TieredStopAtLevel=1", "-Xss512k");

    public StackConfig {
        root = root.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        cacheDir = cacheDir == null ? dataDir.resolve("cache") : cacheDir.toAbsolutePath().normalize();
        appPorts = Map.copyOf(appPorts);
        apps = List.copyOf(apps);
        Map<String, Map<String, String>> env = new HashMap<>();
        extraEnv.forEach((app, vars) -> env.put(app, Map.copyOf(vars)));
        extraEnv = Map.copyOf(env);
        appJvmOptions = List.copyOf(appJvmOptions);
        kafkaJvmOptions = List.copyOf(kafkaJvmOptions);
        listenAddress = literalAddress(listenAddress == null ? LOOPBACK : listenAddress.trim());
        for (String app : apps) {
            App.require(app);
        }
        for (App app : App.ALL) {
            if (!appPorts.containsKey(app.name())) {
                throw new IllegalArgumentException("No port for " + app.name());
            }
        }
        if (healthTimeout.isNegative() || healthTimeout.isZero()) {
            throw new IllegalArgumentException("The health timeout must be positive");
        }
        if (maxParallelStarts < 0) {
            throw new IllegalArgumentException("maxParallelStarts must be 0 (all at once) or more");
        }
        Map<Integer, PortUse> owners = new HashMap<>();
        for (PortUse use : portUses(kafkaPort, kafkaControllerPort, redisPort, appPorts)) {
            if (use.port() < 1 || use.port() > 65535) {
                throw new IllegalArgumentException(use.owner() + " port " + use.port() + " is outside 1-65535 ("
                        + use.option() + ")");
            }
            PortUse previous = owners.putIfAbsent(use.port(), use);
            if (previous != null) {
                throw new IllegalArgumentException("Port " + use.port() + " is configured for both " + previous.owner()
                        + " and " + use.owner() + "; move one of them (" + previous.option() + " or " + use.option()
                        + ")");
            }
        }
    }

    /**
     * The address {@code value} names, as an IP literal (names are refused: what a name resolves to
     * can change between the check and the bind).
     */
    static String literalAddress(String value) {
        if (!value.matches("[0-9A-Fa-f:.]+") || !(value.contains(".") || value.contains(":"))) {
            throw new IllegalArgumentException("--listen needs an IP address such as 127.0.0.1, 0.0.0.0 or ::, not '"
                    + value + "'");
        }
        try {
            return java.net.InetAddress.getByName(value).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("--listen needs an IP address, not '" + value + "'");
        }
    }

    /** Whether the gateway listens on more than this machine's loopback address. */
    public boolean listensBeyondLoopback() {
        try {
            return !java.net.InetAddress.getByName(listenAddress).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return true;
        }
    }

    /** The address an application's HTTP server binds: the gateway's is {@link #listenAddress}, the rest loopback. */
    public String bindAddress(App app) {
        return app.equals(App.GATEWAY) ? listenAddress : LOOPBACK;
    }

    /** A port the stack listens on, who listens there, and the launcher option that moves it. */
    public record PortUse(int port, String owner, String option) {
    }

    /** Every port the configured stack will listen on (infrastructure always, applications if they run). */
    public List<PortUse> portUses() {
        List<PortUse> uses = new ArrayList<>();
        uses.add(new PortUse(kafkaPort, "Kafka", "--kafka-port"));
        uses.add(new PortUse(kafkaControllerPort, "Kafka controller", "--kafka-controller-port"));
        uses.add(new PortUse(redisPort, "Redis", "--redis-port"));
        for (String name : apps) {
            App app = App.require(name);
            uses.add(new PortUse(port(app), app.name(), app.option()));
        }
        return uses;
    }

    private static List<PortUse> portUses(int kafkaPort, int controllerPort, int redisPort,
            Map<String, Integer> appPorts) {
        List<PortUse> uses = new ArrayList<>();
        uses.add(new PortUse(kafkaPort, "Kafka", "--kafka-port"));
        uses.add(new PortUse(controllerPort, "Kafka controller", "--kafka-controller-port"));
        uses.add(new PortUse(redisPort, "Redis", "--redis-port"));
        for (App app : App.ALL) {
            uses.add(new PortUse(appPorts.get(app.name()), app.name(), app.option()));
        }
        return uses;
    }

    public int port(App app) {
        return appPorts.get(app.name());
    }

    public int port(String appName) {
        return port(App.require(appName));
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    /** Redis listens on the IPv4 loopback only; clients use the literal address, never a lookup. */
    public String redisHost() {
        return "127.0.0.1";
    }

    public String baseUrl(String appName) {
        return "http://localhost:" + port(appName);
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public Path redisDir() {
        return dataDir.resolve("redis");
    }

    public Path logFile(String processName) {
        return logsDir().resolve(processName + ".log");
    }

    public Map<String, String> extraEnv(String appName) {
        return extraEnv.getOrDefault(appName, Map.of());
    }

    public Builder toBuilder() {
        Builder builder = new Builder(root);
        builder.dataDir = dataDir;
        builder.kafkaPort = kafkaPort;
        builder.kafkaControllerPort = kafkaControllerPort;
        builder.redisPort = redisPort;
        builder.appPorts.putAll(appPorts);
        builder.apps = new ArrayList<>(apps);
        extraEnv.forEach((app, vars) -> builder.extraEnv.put(app, new LinkedHashMap<>(vars)));
        builder.appJvmOptions = appJvmOptions;
        builder.kafkaJvmOptions = kafkaJvmOptions;
        builder.healthTimeout = healthTimeout;
        builder.maxParallelStarts = maxParallelStarts;
        builder.classDataSharing = classDataSharing;
        builder.cacheDir = cacheDir;
        builder.listenAddress = listenAddress;
        return builder;
    }

    /** The contract's defaults: ports 8080-8085, 8090, 9092/9093 and 6379, data in {@code <root>/.local-stack}. */
    public static Builder builder(Path root) {
        return new Builder(root);
    }

    /** Mutable companion of {@link StackConfig}. */
    public static final class Builder {

        private final Path root;
        private Path dataDir;
        private int kafkaPort = DEFAULT_KAFKA_PORT;
        private int kafkaControllerPort = DEFAULT_KAFKA_CONTROLLER_PORT;
        private int redisPort = DEFAULT_REDIS_PORT;
        private final Map<String, Integer> appPorts = new LinkedHashMap<>();
        private List<String> apps = App.ALL.stream().map(App::name).toList();
        private final Map<String, Map<String, String>> extraEnv = new LinkedHashMap<>();
        private List<String> appJvmOptions = DEFAULT_APP_JVM_OPTIONS;
        private List<String> kafkaJvmOptions = DEFAULT_KAFKA_JVM_OPTIONS;
        private Duration healthTimeout = Duration.ofSeconds(120);
        private int maxParallelStarts;
        private boolean classDataSharing = true;
        private Path cacheDir;
        private String listenAddress = LOOPBACK;

        private Builder(Path root) {
            this.root = root;
            this.dataDir = root.resolve(".local-stack");
            for (App app : App.ALL) {
                appPorts.put(app.name(), app.defaultPort());
            }
        }

        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        public Builder kafkaControllerPort(int port) {
            this.kafkaControllerPort = port;
            return this;
        }

        public Builder redisPort(int port) {
            this.redisPort = port;
            return this;
        }

        public Builder appPort(String appName, int port) {
            appPorts.put(App.require(appName).name(), port);
            return this;
        }

        /** Moves the five services to {@code base}, {@code base + 1}, ... in {@link App#SERVICES} order. */
        public Builder basePort(int base) {
            for (int i = 0; i < App.SERVICES.size(); i++) {
                appPorts.put(App.SERVICES.get(i).name(), base + i);
            }
            return this;
        }

        /** Every port on a free ephemeral port of this machine (for tests running beside anything else). */
        public Builder freePorts() {
            int[] ports = freePorts(3 + App.ALL.size());
            kafkaPort = ports[0];
            kafkaControllerPort = ports[1];
            redisPort = ports[2];
            for (int i = 0; i < App.ALL.size(); i++) {
                appPorts.put(App.ALL.get(i).name(), ports[3 + i]);
            }
            return this;
        }

        public Builder apps(List<String> names) {
            this.apps = List.copyOf(names);
            return this;
        }

        public Builder extraEnv(String appName, Map<String, String> env) {
            extraEnv.computeIfAbsent(App.require(appName).name(), name -> new LinkedHashMap<>()).putAll(env);
            return this;
        }

        public Builder appJvmOptions(List<String> options) {
            this.appJvmOptions = List.copyOf(options);
            return this;
        }

        public Builder kafkaJvmOptions(List<String> options) {
            this.kafkaJvmOptions = List.copyOf(options);
            return this;
        }

        public Builder healthTimeout(Duration timeout) {
            this.healthTimeout = timeout;
            return this;
        }

        public Builder maxParallelStarts(int max) {
            this.maxParallelStarts = max;
            return this;
        }

        public Builder classDataSharing(boolean enabled) {
            this.classDataSharing = enabled;
            return this;
        }

        /** Where extracted jars and class data archives go; tests share one across data directories. */
        public Builder cacheDir(Path dir) {
            this.cacheDir = dir;
            return this;
        }

        /** Widens the gateway beyond loopback (e.g. {@code 0.0.0.0} for every interface). */
        public Builder listenAddress(String address) {
            this.listenAddress = address;
            return this;
        }

        public StackConfig build() {
            return new StackConfig(root, dataDir, kafkaPort, kafkaControllerPort, redisPort, appPorts, apps, extraEnv,
                    appJvmOptions, kafkaJvmOptions, healthTimeout, maxParallelStarts, classDataSharing, cacheDir,
                    listenAddress);
        }

        /** Distinct free ports: all sockets stay open until every port is chosen, so none repeats. */
        static int[] freePorts(int count) {
            List<ServerSocket> sockets = new ArrayList<>();
            try {
                int[] ports = new int[count];
                for (int i = 0; i < count; i++) {
                    ServerSocket socket = new ServerSocket(0);
                    sockets.add(socket);
                    ports[i] = socket.getLocalPort();
                }
                return ports;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not reserve free ports", e);
            } finally {
                for (ServerSocket socket : sockets) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // the port is released either way
                    }
                }
            }
        }
    }
}

package dev.hybridconf.launcher;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker in KRaft mode, one process acting as broker and controller, run from the
 * launcher's own classpath (the {@code kafka_2.13} artifact and its dependencies). The storage
 * directory is formatted once, with a single-voter dynamic quorum ({@code --standalone}); later
 * starts find {@code meta.properties} and reuse the data, whatever the ports are this time.
 */
final class KafkaBroker {

    static final String META_PROPERTIES = "meta.properties";

    /** Loggers that write a line per partition or a full config dump; at INFO they fill megabytes per start. */
    private static final List<String> CHATTY_LOGGERS = List.of("state.change.logger",
            "org.apache.kafka.coordinator.common.runtime.CoordinatorRuntime", "kafka.cluster.Partition",
            "org.apache.kafka.controller.ReplicationControlManager", "org.apache.kafka.controller.PartitionChangeBuilder",
            "org.apache.kafka.storage.internals.log", "kafka.log.LogManager", "org.apache.kafka.common.config.AbstractConfig",
            "org.apache.kafka.coordinator.group", "kafka.server.metadata", "org.apache.kafka.image");

    private final StackConfig config;

    KafkaBroker(StackConfig config) {
        this.config = config;
    }

    /** Whether {@code kafkaDir} already holds formatted KRaft storage. */
    static boolean isFormatted(Path kafkaDir) {
        return Files.isRegularFile(kafkaDir.resolve(META_PROPERTIES));
    }

    /** The cluster id recorded when the storage was formatted. */
    static Optional<String> clusterId(Path kafkaDir) {
        Path meta = kafkaDir.resolve(META_PROPERTIES);
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(properties.getProperty("cluster.id"));
    }

    /** The broker's configuration for this run; rewritten on every start, since the ports may change. */
    static String serverProperties(Path kafkaDir, int port, int controllerPort) {
        return String.join("\n",
                "# Written by the local launcher on every start; edits are lost.",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
                "log.dirs=" + kafkaDir.toString().replace('\\', '/'),
                "num.partitions=6",
                "default.replication.factor=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "log.retention.hours=168",
                "");
    }

    Path propertiesFile() {
        return config.dataDir().resolve("conf").resolve("kafka-server.properties");
    }

    /**
     * Writes this run's configuration and formats the storage unless it is formatted already.
     *
     * @return whether the storage was formatted now (first run) rather than reused
     */
    boolean prepare() {
        Path kafkaDir = config.kafkaDir();
        try {
            Files.createDirectories(kafkaDir);
            Files.createDirectories(propertiesFile().getParent());
            Files.writeString(propertiesFile(),
                    serverProperties(kafkaDir, config.kafkaPort(), config.kafkaControllerPort()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StackException("Could not write the Kafka configuration under " + config.dataDir() + ": "
                    + e.getMessage(), e);
        }
        if (isFormatted(kafkaDir)) {
            return false;
        }
        List<String> command = java(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                propertiesFile().toString(), "--standalone"));
        ChildProcess format = ChildProcess.start("kafka-storage-format", command, Map.of(), config.root(),
                config.logFile("kafka"), (child, code) -> {
                });
        try {
            if (!waitFor(format, Duration.ofSeconds(90))) {
                format.kill();
                throw new StackException("Formatting Kafka storage in " + kafkaDir + " took longer than 90 s; see "
                        + format.log());
            }
        } finally {
            format.stop(Duration.ofSeconds(1));
        }
        if (format.exitCode() != 0 || !isFormatted(kafkaDir)) {
            throw new StackException("Formatting Kafka storage in " + kafkaDir + " failed (exit " + format.exitCode()
                    + "). Last lines of " + format.log() + ":\n" + format.logTail(20));
        }
        return true;
    }

    ChildProcess start(BiConsumer<ChildProcess, Integer> onUnexpectedExit) {
        List<String> command = java(config.kafkaJvmOptions());
        command.add("kafka.Kafka");
        command.add(propertiesFile().toString());
        return ChildProcess.start("kafka", command, Map.of(), config.root(), config.logFile("kafka"),
                onUnexpectedExit);
    }

    /** Waits until the broker answers a metadata request, failing early if the process ends. */
    void awaitReady(ChildProcess broker, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        // The listener opens late in start-up; until then an admin client would only log connection failures.
        while (!LocalStack.accepts(config.kafkaPort())) {
            failIfDead(broker);
            if (System.nanoTime() > deadline) {
                throw new StackException("Kafka did not open port " + config.kafkaPort() + " within "
                        + timeout.toSeconds() + " s. Last lines of " + broker.log() + ":\n" + broker.logTail(25));
            }
            pause(Duration.ofMillis(100));
        }
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        properties.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 100);
        properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "local-launcher");
        try (Admin admin = Admin.create(properties)) {
            while (true) {
                failIfDead(broker);
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not ready yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StackException("Interrupted while waiting for Kafka", e);
                }
                if (System.nanoTime() > deadline) {
                    throw new StackException("Kafka did not answer on " + config.kafkaBootstrapServers() + " within "
                            + timeout.toSeconds() + " s. Last lines of " + broker.log() + ":\n" + broker.logTail(25));
                }
                pause(Duration.ofMillis(200));
            }
        }
    }

    private static void failIfDead(ChildProcess broker) {
        if (!broker.isAlive()) {
            throw new StackException("Kafka exited during start-up (exit " + broker.exitCode() + "). Last lines of "
                    + broker.log() + ":\n" + broker.logTail(25));
        }
    }

    private List<String> java(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(LocalStack.javaExecutable().toString());
        command.addAll(jvmOptions);
        // Explicit, so that a simplelogger.properties on the (test) classpath cannot silence the broker's log.
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
        for (String chatty : CHATTY_LOGGERS) {
            command.add("-Dorg.slf4j.simpleLogger.log." + chatty + "=warn");
        }
        command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");
        command.add("-cp");
        command.add(classpath());
        return command;
    }

    /**
     * The launcher's classpath with absolute entries. Run as {@code java -jar local-launcher.jar}, it is
     * the launcher jar alone, whose manifest lists {@code lib/*.jar}; Java follows that for the child too.
     */
    static String classpath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static boolean waitFor(ChildProcess process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause(Duration.ofMillis(100));
        }
        return true;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", e);
        }
    }
}

package dev.hybridconf.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;

import redis.embedded.RedisServer;

/**
 * Starts the real Kafka broker and Redis server once per test JVM and stops them when the JVM
 * exits. Test classes share them and stay apart by namespace, never by order.
 */
public final class SharedInfrastructure {

    /** System property choosing the backend: {@code embedded} (default) or {@code testcontainers}. */
    public static final String MODE_PROPERTY = "platform.test.infrastructure";

    private static volatile Infrastructure instance;

    private SharedInfrastructure() {
    }

    public static Infrastructure get() {
        Infrastructure current = instance;
        if (current == null) {
            synchronized (SharedInfrastructure.class) {
                current = instance;
                if (current == null) {
                    current = "testcontainers".equals(System.getProperty(MODE_PROPERTY))
                            ? startContainers()
                            : startEmbedded();
                    instance = current;
                }
            }
        }
        return current;
    }

    private static Infrastructure startEmbedded() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 6);
        kafka.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.num.partitions", "6"));
        kafka.afterPropertiesSet();
        int redisPort = freePort();
        RedisServer redis;
        try {
            redis = RedisServer.newRedisServer()
                    .port(redisPort)
                    .bind("127.0.0.1")
                    .setting("appendonly no")
                    .setting("save \"\"")
                    .onShutdownForceStop(true)
                    .build();
            redis.start();
        } catch (IOException e) {
            kafka.destroy();
            throw new UncheckedIOException("could not start the embedded Redis server", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            silenceKafkaAtExit();
            try {
                redis.stop();
            } catch (IOException ignored) {
                // the JVM is exiting; the child process dies with it
            }
            kafka.destroy();
        }, "test-infrastructure-shutdown"));
        String bootstrap = kafka.getBrokersAsString();
        return new Addresses(bootstrap, "127.0.0.1", redisPort);
    }

    /**
     * Kafka's test kit deletes the broker's temporary log directory from a shutdown hook of its own, which runs
     * at the same time as the one stopping the broker: the broker then reports every partition's files as
     * missing, some thousand lines that would bury the test results at the end of a CI log. Once the JVM is
     * exiting nothing is left to learn from the broker or its clients, so their loggers are switched off.
     * Errors while the tests run are still logged.
     */
    private static void silenceKafkaAtExit() {
        try {
            LoggingSystem logging = LoggingSystem.get(SharedInfrastructure.class.getClassLoader());
            for (String logger : new String[] {"kafka", "org.apache.kafka"}) {
                logging.setLogLevel(logger, LogLevel.OFF);
            }
        } catch (RuntimeException e) {
            // only the noise stays; Redis and Kafka must still be stopped
        }
    }

    @SuppressWarnings("resource")
    private static Infrastructure startContainers() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.0");
        GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        kafka.start();
        redis.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            redis.stop();
            kafka.stop();
        }, "test-containers-shutdown"));
        return new Addresses(kafka.getBootstrapServers(), redis.getHost(), redis.getMappedPort(6379));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Addresses(String kafkaBootstrapServers, String redisHost, int redisPort) implements Infrastructure {
    }
}

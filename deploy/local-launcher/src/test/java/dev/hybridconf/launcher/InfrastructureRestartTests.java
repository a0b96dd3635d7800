package dev.hybridconf.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import redis.clients.jedis.RedisClient;

/**
 * The launcher's infrastructure alone (Kafka and Redis, no applications): what a second start of
 * the same data directory finds, and what happens when a child dies on its own.
 */
class InfrastructureRestartTests {

    @TempDir
    Path dataDir;

    @Test
    void aSecondStartReusesTheKafkaStorageAndKeepsKafkaAndRedisData() throws Exception {
        String topic = "launcher-restart-" + UUID.randomUUID();
        String key = "launcher-test:" + UUID.randomUUID();
        String clusterId;
        String metaProperties;

        try (LocalStack first = infrastructureOnly()) {
            first.start();
            assertThat(first.kafkaFormattedOnStart()).isTrue();
            clusterId = KafkaBroker.clusterId(dataDir.resolve("kafka")).orElseThrow();
            metaProperties = Files.readString(dataDir.resolve("kafka").resolve(KafkaBroker.META_PROPERTIES));
            produce(first, topic, "survives a restart");
            try (RedisClient redis = redis(first)) {
                redis.set(key, "kept by the append-only file");
            }
        }

        // New ports on purpose: the stored KRaft quorum must not pin the old controller address.
        try (LocalStack second = infrastructureOnly()) {
            second.start();

            assertThat(second.kafkaFormattedOnStart()).isFalse();
            assertThat(KafkaBroker.clusterId(dataDir.resolve("kafka"))).contains(clusterId);
            assertThat(Files.readString(dataDir.resolve("kafka").resolve(KafkaBroker.META_PROPERTIES)))
                    .isEqualTo(metaProperties);
            assertThat(consumeAll(second, topic)).containsExactly("survives a restart");
            try (RedisClient redis = redis(second)) {
                assertThat(redis.get(key)).isEqualTo("kept by the append-only file");
            }
        }
    }

    @Test
    void stopEndsEveryChildAndAnUnexpectedDeathIsReported() {
        List<String> reports = new CopyOnWriteArrayList<>();
        LocalStack stack = new LocalStack(
                StackConfig.builder(root()).dataDir(dataDir).freePorts().apps(List.of()).build(), reports::add);
        try {
            stack.start();
            long redisPid = stack.pid("redis").orElseThrow();
            long kafkaPid = stack.pid("kafka").orElseThrow();

            ProcessHandle.of(redisPid).orElseThrow().destroyForcibly();

            await().atMost(Duration.ofSeconds(20)).until(() -> stack.unexpectedExits().contains("redis"));
            assertThat(reports).anySatisfy(line -> assertThat(line).contains("redis").contains("exited unexpectedly"));

            stack.stop();

            assertThat(ProcessHandle.of(kafkaPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(stack.unexpectedExits()).containsExactly("redis");
        } finally {
            stack.stop();
        }
    }

    private LocalStack infrastructureOnly() {
        return new LocalStack(StackConfig.builder(root()).dataDir(dataDir).freePorts().apps(List.of()).build());
    }

    private static Path root() {
        return LocalLauncher.Options.findRoot(Path.of("")).orElseThrow();
    }

    private static void produce(LocalStack stack, String topic, String value) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.config().kafkaBootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            producer.send(new ProducerRecord<>(topic, "key", value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> consumeAll(LocalStack stack, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.config().kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "launcher-restart-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
                return !values.isEmpty();
            });
        }
        return values;
    }

    private static RedisClient redis(LocalStack stack) {
        return RedisClient.create(stack.config().redisHost(), stack.config().redisPort());
    }
}

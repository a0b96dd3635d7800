package dev.hybridconf.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import redis.clients.jedis.RedisClient;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.JsonNode;

/**
 * The platform end to end, as the launcher runs it: a real Kafka broker, a real Redis server, the
 * five services and the gateway as separate processes on free ports. Every request goes through the
 * gateway. The stack starts once for the class; each test makes its own registrations and asserts
 * only on them (or on differences), so the tests do not depend on their order.
 */
class PlatformFlowTests {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final String REGISTRATION_EVENTS = "registration.events";

    @TempDir
    static Path dataDir;

    static LocalStack stack;
    static Http gateway;
    static String organiser;
    static boolean relayDisabled;

    @BeforeAll
    static void startStack() {
        Path root = LocalLauncher.Options.findRoot(Path.of("")).orElseThrow();
        // Class data archives outlive the temporary data directory, so the next build starts faster.
        StackConfig config = StackConfig.builder(root).dataDir(dataDir).freePorts()
                .cacheDir(Path.of("target", "local-stack-cache")).healthTimeout(Duration.ofSeconds(180)).build();
        stack = new LocalStack(config, message -> System.out.println("[stack] " + message));
        stack.start();
        gateway = new Http(stack.gatewayUrl());
        organiser = stack.demoTokens().get("organiser");
        assertThat(organiser).as("organiser demo token").isNotBlank();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void aRegistrationThroughTheGatewayReachesTheSessionServiceOnce() {
        long totalBefore = summary().path("total").asLong();

        Http.Answer created = gateway.post("/api/registrations", Http.registration("IN_PERSON", "es"), null);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Http.Answer view = gateway.get("/api/sessions/participants/" + id, organiser);
            assertThat(view.status()).as(view.body()).isEqualTo(200);
            assertThat(view.json().path("eventsApplied").asInt()).isEqualTo(1);
            assertThat(view.json().path("attendanceMode").asString()).isEqualTo("IN_PERSON");
            assertThat(view.json().path("preferredLanguage").asString()).isEqualTo("es");
        });
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(summary().path("total").asLong()).isEqualTo(totalBefore + 1));
    }

    @Test
    void badInputGetsProblemDetailsNamingEveryField() {
        String body = """
                {"fullName":"Jean Dupont","organisation":"Ville de Lyon","country":"France",
                 "attendanceMode":"REMOTE","preferredLanguage":"fr","privacyConsent":false}""";

        Http.Answer answer = gateway.post("/api/registrations", body, null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        answer.json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).contains("email", "country", "privacyConsent");
    }

    /**
     * The registration service writes its state and outbox entry, then dies before the relay publishes.
     * After a restart the relay publishes the entry; the session service applies it exactly once.
     */
    @Test
    void aCrashBetweenTheStateWriteAndThePublishLosesNothingAndDuplicatesNothing() {
        String registration = App.REGISTRATION.name();
        stack.start(registration, Map.of("OUTBOX_RELAY_ENABLED", "false"));
        relayDisabled = true;

        String id = register("REMOTE");
        assertThat(outboxKeys()).as("registration:outbox holds the unpublished event").contains(id);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> gateway.get("/api/sessions/participants/" + id, organiser).status() == 404);

        stack.kill(registration);
        stack.start(registration, Map.of());
        relayDisabled = false;

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Http.Answer view = gateway.get("/api/sessions/participants/" + id, organiser);
            assertThat(view.status()).as(view.body()).isEqualTo(200);
            assertThat(view.json().path("eventsApplied").asInt()).isEqualTo(1);
            assertThat(view.json().path("attendanceMode").asString()).isEqualTo("REMOTE");
        });
        String later = register("IN_PERSON");
        await().atMost(EVENTUALLY)
                .until(() -> gateway.get("/api/sessions/participants/" + later, organiser).status() == 200);
        assertThat(gateway.get("/api/sessions/participants/" + id, organiser).json().path("eventsApplied").asInt())
                .as("applied once, even after the consumer moved past it").isEqualTo(1);
        assertThat(outboxKeys()).as("the relay acknowledged and removed the entry").doesNotContain(id);
    }

    /** Leaves the registration service running normally even when the crash test failed half-way. */
    @AfterEach
    void restoreRegistrationService() {
        String registration = App.REGISTRATION.name();
        if (relayDisabled || !stack.isRunning(registration)) {
            stack.start(registration, Map.of());
            relayDisabled = false;
        }
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() throws Exception {
        String poison = "this is not a CloudEvent " + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName())))) {
            producer.send(new ProducerRecord<>(REGISTRATION_EVENTS, "poison-" + UUID.randomUUID(), poison))
                    .get(30, TimeUnit.SECONDS);
        }

        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "platform-flow-tests-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName())))) {
            consumer.subscribe(List.of(REGISTRATION_EVENTS + ".dlt"));
            List<String> deadLetters = new ArrayList<>();
            await().atMost(EVENTUALLY).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    deadLetters.add(new String(record.value(), StandardCharsets.UTF_8));
                }
                return deadLetters.contains(poison);
            });
        }

        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(sessionServiceLag()).isZero());
        String after = register("REMOTE");
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Http.Answer view = gateway.get("/api/sessions/participants/" + after, organiser);
            assertThat(view.status()).as(view.body()).isEqualTo(200);
            assertThat(view.json().path("eventsApplied").asInt()).isEqualTo(1);
        });
    }

    private static String register(String attendanceMode) {
        Http.Answer created = gateway.post("/api/registrations", Http.registration(attendanceMode, "en"), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static JsonNode summary() {
        Http.Answer answer = gateway.get("/api/sessions/participants/summary", organiser);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** The aggregate keys of the entries now in the registration service's outbox stream. */
    private static List<String> outboxKeys() {
        StackConfig config = stack.config();
        try (RedisClient redis = RedisClient.create(config.redisHost(), config.redisPort())) {
            List<String> keys = new ArrayList<>();
            for (StreamEntry entry : redis.xrange("registration:outbox", "-", "+")) {
                keys.add(entry.getFields().get("key"));
            }
            return keys;
        }
    }

    /** Records on registration.events that the session-service group has not committed yet. */
    private static long sessionServiceLag() throws Exception {
        try (Admin admin = Admin.create(kafka(Map.of()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("session-service")
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            int partitions = admin.describeTopics(List.of(REGISTRATION_EVENTS)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(REGISTRATION_EVENTS).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < partitions; partition++) {
                latest.put(new TopicPartition(REGISTRATION_EVENTS, partition), OffsetSpec.latest());
            }
            long lag = 0;
            for (var end : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata position = committed.get(end.getKey());
                lag += end.getValue().offset() - (position == null ? 0 : position.offset());
            }
            return lag;
        }
    }

    private static Properties kafka(Map<String, Object> settings) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.config().kafkaBootstrapServers());
        properties.putAll(settings);
        return properties;
    }
}

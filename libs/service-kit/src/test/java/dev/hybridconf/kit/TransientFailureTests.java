package dev.hybridconf.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.kit.fixture.KitFixtureApplication;
import dev.hybridconf.kit.fixture.NoteAdded;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.StoppableRedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Redis outage longer than any fixed retry budget (its process stopped, events arriving meanwhile) is waited
 * out: every event is applied once Redis is back, nothing reaches the dead-letter topic, and readiness shows the
 * outage while it lasts (real broker, a Redis process of its own).
 */
@SpringBootTest(classes = KitFixtureApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "platform.redis.socket-timeout=1s", "platform.redis.max-wait=500ms",
        "platform.kafka.retry-interval=50ms", "platform.kafka.retry-max-interval=500ms" })
@PlatformInfrastructure
class TransientFailureTests {

    static final StoppableRedis REDIS = StoppableRedis.start();
    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("platform.redis.port", REDIS::port);
    }

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @Autowired
    RedisStore store;

    @Autowired
    TopicNames topics;

    @Autowired
    EventCodec codec;

    @LocalServerPort
    int port;

    private final KafkaProbe probe = KafkaProbe.shared();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eventsArrivingWhileRedisIsStoppedAreAllAppliedOnceItIsBackAndNoneIsDeadLettered() throws Exception {
        String topic = topics.physical("fixture.events");
        await().atMost(DEADLINE).until(() -> readiness() == 200);

        REDIS.stop();
        List<String> notes = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String note = "outage-" + i + "-" + UUID.randomUUID();
            notes.add(note);
            records.add(new ProducerRecord<>(topic, note,
                    codec.toJson(codec.wrap("test", new NoteAdded(note, "during the outage")))));
        }
        probe.sendAll(records);

        // The consumers' outage shows in readiness while it lasts ...
        await().atMost(DEADLINE).until(() -> readiness() == 503);
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(consumers().path("status").asString())
                .as("consumers' health").isEqualTo("DOWN"));
        // ... and lasts longer than any fixed retry budget: the same event has failed many times over.
        await().atMost(DEADLINE).until(() -> maxAttempts(consumers()) >= 8);
        REDIS.restart();

        String applied = store.keys().key("applied");
        await().atMost(DEADLINE).untilAsserted(() -> {
            Map<String, String> counts = store.redis().hgetAll(applied);
            assertThat(notes).allSatisfy(note -> assertThat(counts).containsEntry(note, "1"));
        });
        await().atMost(DEADLINE).until(() -> readiness() == 200);
        assertThat(probe.readAll(topics.deadLetter("fixture.events")))
                .noneMatch(r -> notes.stream().anyMatch(note -> r.value().contains(note)));
    }

    private static int maxAttempts(JsonNode consumers) {
        int max = 0;
        for (JsonNode partition : consumers.path("details")) {
            max = Math.max(max, partition.path("attempts").asInt());
        }
        return max;
    }

    private int readiness() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private JsonNode consumers() throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return JSON.readTree(body).path("components").path("consumers");
    }
}

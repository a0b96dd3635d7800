package dev.hybridconf.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.kit.fixture.KitFixtureApplication;
import dev.hybridconf.kit.fixture.NoteAdded;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.RestoreParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Redis losing its last writes (with {@code appendfsync everysec}, the second before a crash) while Kafka already
 * holds the consumer's committed offsets: the consumer re-reads what Redis lost and applies each event exactly once
 * (real broker, real Redis).
 */
@SpringBootTest(classes = KitFixtureApplication.class)
@PlatformInfrastructure
class ConsumerPositionTests {

    static final Duration DEADLINE = Duration.ofSeconds(60);

    @Autowired
    RedisStore store;

    @Autowired
    TopicNames topics;

    @Autowired
    PlatformProperties platform;

    @Autowired
    EventCodec codec;

    private final KafkaProbe probe = KafkaProbe.shared();

    @Test
    void effectsRedisLostAreAppliedAgainOnceAndNothingTwice() {
        List<String> before = send(12, "before");
        awaitApplied(before);
        // The consumer is idle when Redis's state is taken: the snapshot is one moment of it.
        await().atMost(DEADLINE)
                .until(() -> probe.lag(topics.group(platform.serviceName()), topics.physical("fixture.events")) == 0);

        Map<String, byte[]> snapshot = dumpKeySpace();
        List<String> lost = send(12, "lost");
        awaitApplied(lost);
        await().atMost(DEADLINE)
                .until(() -> probe.lag(topics.group(platform.serviceName()), topics.physical("fixture.events")) == 0);

        // Redis comes back without its last writes; Kafka's offsets of the events behind them are committed.
        restoreKeySpace(snapshot);
        assertThat(store.redis().hgetAll(store.keys().key("applied"))).doesNotContainKeys(lost.toArray(String[]::new));

        List<String> after = send(12, "after");
        List<String> all = new ArrayList<>(before);
        all.addAll(lost);
        all.addAll(after);
        awaitApplied(all);
        await().atMost(DEADLINE)
                .until(() -> probe.lag(topics.group(platform.serviceName()), topics.physical("fixture.events")) == 0);
        Map<String, String> counts = store.redis().hgetAll(store.keys().key("applied"));
        assertThat(all).allSatisfy(note -> assertThat(counts).as(note).containsEntry(note, "1"));
    }

    private List<String> send(int count, String label) {
        List<String> notes = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String note = label + "-" + i + "-" + UUID.randomUUID();
            notes.add(note);
            records.add(new ProducerRecord<>(topics.physical("fixture.events"), note,
                    codec.toJson(codec.wrap("test", new NoteAdded(note, label)))));
        }
        probe.sendAll(records);
        return notes;
    }

    private void awaitApplied(List<String> notes) {
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(store.redis().hgetAll(store.keys().key("applied")))
                .containsKeys(notes.toArray(String[]::new)));
    }

    private Set<String> keys() {
        Set<String> keys = new HashSet<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = store.redis().scan(cursor,
                    new ScanParams().match(store.keys().prefix() + "*").count(500));
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return keys;
    }

    private Map<String, byte[]> dumpKeySpace() {
        Map<String, byte[]> dump = new HashMap<>();
        for (String key : keys()) {
            byte[] value = store.redis().dump(key);
            if (value != null) {
                dump.put(key, value);
            }
        }
        return dump;
    }

    private void restoreKeySpace(Map<String, byte[]> snapshot) {
        for (String key : keys()) {
            if (!snapshot.containsKey(key)) {
                store.redis().del(key);
            }
        }
        snapshot.forEach((key, value) -> store.redis().restore(key, 0, value, RestoreParams.restoreParams().replace()));
    }
}

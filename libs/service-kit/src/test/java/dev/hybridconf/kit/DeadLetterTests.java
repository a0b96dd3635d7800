package dev.hybridconf.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.hybridconf.kit.fixture.KitFixtureApplication;
import dev.hybridconf.kit.fixture.NoteAdded;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;

/** Poison messages go to the dead-letter topic and the consumer keeps going (real broker, real Redis). */
@SpringBootTest(classes = KitFixtureApplication.class)
@PlatformInfrastructure
class DeadLetterTests {

    @Autowired
    RedisStore store;

    @Autowired
    TopicNames topics;

    @Autowired
    PlatformProperties platform;

    private final KafkaProbe probe = KafkaProbe.shared();

    @Test
    void recordThatIsNotAnEventIsDeadLetteredAndTheConsumerMovesOn() {
        String poison = "{not json " + UUID.randomUUID();
        probe.send(topics.physical("fixture.events"), "poison", poison);

        var deadLetters = probe.readUntil(topics.deadLetter("fixture.events"), Duration.ofSeconds(30),
                records -> records.stream().anyMatch(r -> poison.equals(r.value())));
        assertThat(deadLetters).anyMatch(r -> poison.equals(r.value()));

        assertEventAfterwardsIsApplied();
    }

    @Test
    void eventWhoseDataBreaksItsContractIsDeadLetteredWithoutRetries() {
        String id = UUID.randomUUID().toString();
        String broken = """
                {"specversion":"1.0","id":"%s","source":"test","type":"fixture.note-added.v1","subject":"x",\
                "time":"2026-11-23T09:00:00Z","datacontenttype":"application/json","data":{"noteId":["not","text"]}}"""
                .formatted(id);
        probe.send(topics.physical("fixture.events"), "x", broken);

        var deadLetters = probe.readUntil(topics.deadLetter("fixture.events"), Duration.ofSeconds(30),
                records -> records.stream().anyMatch(r -> r.value().contains(id)));
        assertThat(deadLetters).anyMatch(r -> r.value().contains(id));

        assertEventAfterwardsIsApplied();
    }

    private void assertEventAfterwardsIsApplied() {
        String note = "after-" + UUID.randomUUID();
        store.atomically().hset(store.keys().key("note", note), Map.of("text", "fine"))
                .emit(new NoteAdded(note, "fine")).execute();
        String applied = store.keys().key("applied");
        await().atMost(Duration.ofSeconds(30)).until(() -> store.redis().hget(applied, note) != null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> probe.lag(topics.group(platform.serviceName()), topics.physical("fixture.events")) == 0);
        assertThat(store.redis().hget(applied, note)).isEqualTo("1");
    }
}

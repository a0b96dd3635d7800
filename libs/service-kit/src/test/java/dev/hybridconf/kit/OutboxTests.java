package dev.hybridconf.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;

import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.fixture.KitFixtureApplication;
import dev.hybridconf.kit.fixture.NoteAdded;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.outbox.OutboxRelay;
import dev.hybridconf.kit.redis.AtomicWrite.Outcome;
import dev.hybridconf.kit.redis.OutboxEntry;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The outbox on a real Redis and a real Kafka broker. The automatic relay is off here so that each
 * test can play the relays' parts itself, including one that dies.
 */
@SpringBootTest(classes = KitFixtureApplication.class, properties = "platform.outbox.relay-enabled=false")
@PlatformInfrastructure
class OutboxTests {

    @Autowired
    RedisStore store;

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Autowired
    TopicNames topics;

    @Autowired
    PlatformProperties platform;

    @Autowired
    EventCodec codec;

    private final KafkaProbe probe = KafkaProbe.shared();

    @Test
    void stateAndEventAreWrittenInOneStepAndAFailedCheckWritesNeither() {
        String note = "note-" + UUID.randomUUID();
        String key = store.keys().key("note", note);

        Outcome outcome = addNote(note, "first");

        assertThat(outcome).isEqualTo(Outcome.APPLIED);
        assertThat(store.redis().hget(key, "text")).isEqualTo("first");
        assertThat(outboxEntriesFor(note)).hasSize(1);

        assertThatThrownBy(() -> addNote(note, "second")).isInstanceOf(ConflictException.class);
        assertThat(store.redis().hget(key, "text")).isEqualTo("first");
        assertThat(outboxEntriesFor(note)).hasSize(1);
    }

    @Test
    void fieldsOfHashesLeaveInTheSameStepAsTheEventThatSaysSo() {
        String note = "note-" + UUID.randomUUID();
        String key = store.keys().key("note", note);
        store.redis().hset(key, Map.of("text", "draft", "author", "amina", "reviewer", "jorge"));

        Outcome outcome = store.atomically()
                .requirePresent(key, () -> new ConflictException("missing-note", "note.duplicate", note))
                .hdel(key, "author", "reviewer")
                .hdel(key)
                .emit(new NoteAdded(note, "draft"))
                .execute();

        assertThat(outcome).isEqualTo(Outcome.APPLIED);
        assertThat(store.redis().hgetAll(key)).containsOnlyKeys("text");
        assertThat(outboxEntriesFor(note)).hasSize(1);
    }

    @Test
    void relayPublishesTheEventAndRemovesTheEntryOnlyOnceKafkaHasIt() {
        String note = "note-" + UUID.randomUUID();
        addNote(note, "relayed");
        OutboxRelay relay = relay("relay-" + UUID.randomUUID());

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            relay.relayOnce();
            return outboxEntriesFor(note).isEmpty();
        });

        List<ConsumerRecord<String, String>> published = recordsFor(note, 1);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).value()).contains("\"type\":\"fixture.note-added.v1\"");
        assertThat(pendingCount()).isZero();
    }

    @Test
    void theConsumerContinuesTheTraceStartedWhenTheRelayPublished() {
        String note = "note-" + UUID.randomUUID();
        addNote(note, "traced");
        OutboxRelay relay = relay("relay-" + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            relay.relayOnce();
            return outboxEntriesFor(note).isEmpty();
        });

        ConsumerRecord<String, String> published = recordsFor(note, 1).get(0);
        var traceparent = published.headers().lastHeader("traceparent");
        assertThat(traceparent).as("W3C trace context header on the published record").isNotNull();
        String traceId = new String(traceparent.value()).split("-")[1];
        String traces = store.keys().key("trace");
        await().atMost(Duration.ofSeconds(30)).until(() -> store.redis().hget(traces, note) != null);
        assertThat(store.redis().hget(traces, note)).isEqualTo(traceId);
    }

    @Test
    void entriesOfARelayThatDiedBeforeAcknowledgingAreTakenOverAndAppliedOnce() {
        String note = "note-" + UUID.randomUUID();
        addNote(note, "survives a crash");
        OutboxRelay survivor = relay("relay-live-" + UUID.randomUUID());
        // A relay reads the entry and gets Kafka's acknowledgement, then dies before XACK.
        String dead = "relay-dead-" + UUID.randomUUID();
        List<Map.Entry<String, List<StreamEntry>>> read = store.redis().xreadGroup(OutboxRelay.GROUP, dead,
                XReadGroupParams.xReadGroupParams().count(1000),
                Map.of(store.keys().outbox(), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        StreamEntry ours = read.get(0).getValue().stream()
                .filter(e -> note.equals(e.getFields().get(OutboxEntry.KEY))).findFirst().orElseThrow();
        kafka.send(topics.physical("fixture.events"), note, ours.getFields().get(OutboxEntry.EVENT)).join();

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            survivor.relayOnce();
            return outboxEntriesFor(note).isEmpty();
        });

        List<ConsumerRecord<String, String>> published = recordsFor(note, 2);
        assertThat(published).as("published twice: once by the dead relay, once by the survivor").hasSize(2);
        assertThat(codec.fromJson(published.get(0).value()).id()).isEqualTo(codec.fromJson(published.get(1).value()).id());
        String applied = store.keys().key("applied");
        await().atMost(Duration.ofSeconds(30)).until(
                () -> probe.lag(topics.group(platform.serviceName()), topics.physical("fixture.events")) == 0
                        && store.redis().hget(applied, note) != null);
        assertThat(store.redis().hget(applied, note)).as("the consumer applied the event once").isEqualTo("1");
    }

    private Outcome addNote(String note, String text) {
        return store.atomically()
                .requireAbsent(store.keys().key("note", note), () -> new ConflictException("duplicate-note", "note.duplicate", note))
                .hset(store.keys().key("note", note), Map.of("text", text))
                .emit(new NoteAdded(note, text))
                .execute();
    }

    private List<StreamEntry> outboxEntriesFor(String note) {
        return store.redis().xrange(store.keys().outbox(), (StreamEntryID) null, (StreamEntryID) null).stream()
                .filter(e -> note.equals(e.getFields().get(OutboxEntry.KEY))).toList();
    }

    private long pendingCount() {
        return store.redis().xpending(store.keys().outbox(), OutboxRelay.GROUP).getTotal();
    }

    private List<ConsumerRecord<String, String>> recordsFor(String note, int expected) {
        return probe.readUntil(topics.physical("fixture.events"), Duration.ofSeconds(20),
                records -> records.stream().filter(r -> note.equals(r.key())).count() >= expected)
                .stream().filter(r -> note.equals(r.key())).toList();
    }

    private OutboxRelay relay(String instance) {
        PlatformProperties asInstance = new PlatformProperties(platform.serviceName(), platform.keyspace(),
                platform.namespace(), instance, platform.redis(), platform.kafka(), platform.outbox(),
                platform.security(), platform.http());
        OutboxRelay relay = new OutboxRelay(store.redis(), kafka, topics, store.keys(), asInstance,
                new SimpleMeterRegistry());
        relay.prepare();
        return relay;
    }
}

package dev.hybridconf.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.fixture.KitFixtureApplication;
import dev.hybridconf.kit.fixture.NoteAdded;
import dev.hybridconf.kit.lease.Lease;
import dev.hybridconf.kit.lease.Leases;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.outbox.OutboxRelay;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.AtomicWrite.Outcome;
import dev.hybridconf.kit.redis.OutboxEntry;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The outbox on a real Redis and a real Kafka broker. The automatic relay is off here so that each
 * test can play the relays' parts itself, including one that dies.
 */
@SpringBootTest(classes = KitFixtureApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.outbox.relay-enabled=false")
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

    @Autowired
    Tracer tracer;

    @LocalServerPort
    int port;

    private final KafkaProbe probe = KafkaProbe.shared();
    private final List<OutboxRelay> relays = new ArrayList<>();
    private final List<Leases> replicas = new ArrayList<>();

    @AfterEach
    void stopRelays() {
        relays.forEach(OutboxRelay::stop);
        replicas.forEach(Leases::close);
    }

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
        assertThat(store.redis().hget(versions(), note)).as("a refused write numbers nothing").isEqualTo("1");
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
    void everyEventOfASubjectIsNumberedInCommitOrderByTheStepThatWritesItHoweverManyWritersRace() throws Exception {
        String note = "note-" + UUID.randomUUID();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<Long>> writes = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                String text = "revision " + i;
                writes.add(writers.submit(() -> {
                    AtomicWrite write = store.atomically().hincrBy(store.keys().key("note", note), "revisions", 1)
                            .emit(new NoteAdded(note, text));
                    write.execute();
                    return write.emitted().get(0).aggregateVersion().orElseThrow();
                }));
            }
            List<Long> handedOut = new ArrayList<>();
            for (Future<Long> write : writes) {
                handedOut.add(write.get());
            }
            assertThat(handedOut).as("no two writers got the same number").doesNotHaveDuplicates()
                    .allSatisfy(v -> assertThat(v).isBetween(1L, 200L));
        } finally {
            writers.shutdownNow();
        }

        // In the outbox (commit order), the versions are 1..200 in order, in the entry and inside the event.
        List<StreamEntry> entries = outboxEntriesFor(note);
        assertThat(entries).hasSize(200);
        for (int i = 0; i < entries.size(); i++) {
            Map<String, String> fields = entries.get(i).getFields();
            CloudEvent event = codec.fromJson(fields.get(OutboxEntry.EVENT));
            assertThat(event.aggregateVersion()).hasValue(i + 1);
            assertThat(fields.get(OutboxEntry.VERSION)).isEqualTo(Integer.toString(i + 1));
            EventSchemaAssertions.assertValidEnvelope(fields.get(OutboxEntry.EVENT));
        }
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
        EventSchemaAssertions.assertValidEnvelope(published.get(0).value());
        assertThat(codec.fromJson(published.get(0).value()).aggregateVersion()).hasValue(1);
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
    void theRequestsTraceGoesThroughTheOutboxToTheConsumer() throws Exception {
        String note = "note-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpan = "00f067aa0ba902b7";

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/public/notes"))
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + note + "\",\"text\":\"traced from a request\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);

        // The entry keeps the request's trace (its own span, a child of the caller's).
        String kept = outboxEntriesFor(note).get(0).getFields().get(OutboxEntry.TRACEPARENT);
        assertThat(kept).startsWith("00-" + traceId + "-").endsWith("-01").doesNotContain(callerSpan);

        OutboxRelay relay = relay("relay-" + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            relay.relayOnce();
            return outboxEntriesFor(note).isEmpty();
        });
        ConsumerRecord<String, String> published = recordsFor(note, 1).get(0);
        String header = new String(published.headers().lastHeader("traceparent").value());
        assertThat(header).as("the send continues the request's trace").startsWith("00-" + traceId + "-");
        String traces = store.keys().key("trace");
        await().atMost(Duration.ofSeconds(30)).until(() -> store.redis().hget(traces, note) != null);
        assertThat(store.redis().hget(traces, note)).as("the consumer's trace is the request's").isEqualTo(traceId);
    }

    @Test
    void entriesOfARelayThatDiedBeforeDeletingAreSentAgainByTheNextLeaseHolderAndAppliedOnce() {
        String note = "note-" + UUID.randomUUID();
        addNote(note, "survives a crash");
        // A relay takes the lease, sends the entry, gets Kafka's acknowledgement, then dies before XDEL.
        Lease dead = replica("relay-dead").tryAcquire(OutboxRelay.LEASE, Duration.ofSeconds(2)).orElseThrow();
        StreamEntry ours = outboxEntriesFor(note).get(0);
        kafka.send(topics.physical("fixture.events"), note, ours.getFields().get(OutboxEntry.EVENT)).join();
        OutboxRelay survivor = relay("relay-live-" + UUID.randomUUID());
        assertThat(survivor.relayOnce()).as("the dead relay's lease has not lapsed yet").isZero();

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            survivor.relayOnce();
            return outboxEntriesFor(note).isEmpty();
        });

        assertThat(dead.held()).isFalse();
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

    private String versions() {
        return store.keys().key("versions", "fixture.events");
    }

    private List<StreamEntry> outboxEntriesFor(String note) {
        return store.redis().xrange(store.keys().outbox(), (StreamEntryID) null, (StreamEntryID) null).stream()
                .filter(e -> note.equals(e.getFields().get(OutboxEntry.KEY))).toList();
    }

    private List<ConsumerRecord<String, String>> recordsFor(String note, int expected) {
        return probe.readUntil(topics.physical("fixture.events"), Duration.ofSeconds(20),
                records -> records.stream().filter(r -> note.equals(r.key())).count() >= expected)
                .stream().filter(r -> note.equals(r.key())).toList();
    }

    private Leases replica(String instance) {
        Leases leases = new Leases(store.redis(), store.keys(), instance);
        replicas.add(leases);
        return leases;
    }

    private OutboxRelay relay(String instance) {
        OutboxRelay relay = new OutboxRelay(store, kafka, topics, replica(instance), platform,
                new SimpleMeterRegistry(), tracer);
        relays.add(relay);
        return relay;
    }
}

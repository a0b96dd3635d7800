package dev.hybridconf.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.kit.fixture.KitFixtureApplication;
import dev.hybridconf.kit.fixture.NoteAdded;
import dev.hybridconf.kit.lease.Leases;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.outbox.OutboxRelay;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;

/**
 * Per-key order across relays and failures, on a real Redis and a real broker: two relays (two replicas) over
 * one outbox, Kafka sends failing at random (refused at once, failed without reaching the broker, or written with
 * the acknowledgement lost), the active relay killed mid-stream (its thread stops and its lease is no longer
 * renewed, as after SIGKILL) while writers keep appending. On the topic, per key: every event, the first copies
 * in commit order (aggregateversion 1, 2, 3... without a gap), and any other record a re-send of an event already
 * there.
 */
@SpringBootTest(classes = KitFixtureApplication.class, properties = {"platform.outbox.relay-enabled=false",
    "platform.outbox.batch-size=40"})
@PlatformInfrastructure
class OutboxOrderTests {

    static final int KEYS = 12;
    static final int EVENTS_PER_KEY = 30;

    @Autowired
    RedisStore store;

    @Autowired
    ProducerFactory<String, Object> producers;

    @Autowired
    TopicNames topics;

    @Autowired
    PlatformProperties platform;

    @Autowired
    EventCodec codec;

    @Test
    void twoRelaysWithRandomSendFailuresAndOneKilledMidStreamKeepEveryKeysEventsInCommitOrder() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> notes = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            notes.add("order-" + run + "-" + k);
        }
        Map<String, Replica> replicas = new LinkedHashMap<>();
        for (String name : List.of("replica-a", "replica-b")) {
            replicas.put(name, new Replica(name, new FlakyKafka(producers, 0.25, name.hashCode())));
        }
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            replicas.values().forEach(replica -> replica.running = threads.submit(replica::relayUntilStopped));
            // Writers append the keys' events in interleaved commits while the relays publish.
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = w;
                writers.add(threads.submit(() -> {
                    for (int i = writer; i < KEYS * EVENTS_PER_KEY; i += 3) {
                        String note = notes.get(i % KEYS);
                        store.atomically().hincrBy(store.keys().key("note", note), "edits", 1)
                                .emit(new NoteAdded(note, "edit " + i)).execute();
                    }
                }));
            }

            // Mid-stream, the active relay dies.
            await().atMost(Duration.ofSeconds(60)).until(() -> published(replicas) >= KEYS * EVENTS_PER_KEY / 3);
            Replica active = await().atMost(Duration.ofSeconds(10)).until(() -> replicas.values().stream()
                    .filter(r -> r.relay.active()).findFirst(), java.util.Optional::isPresent).orElseThrow();
            active.kill();
            for (Future<?> writer : writers) {
                writer.get();
            }

            Replica survivor = replicas.values().stream().filter(r -> r != active).findFirst().orElseThrow();
            await().atMost(Duration.ofSeconds(90)).until(() -> store.redis().xlen(store.keys().outbox()) == 0);
            assertThat(survivor.relay.active()).as("the other replica took over").isTrue();
            assertThat(survivor.kafka.injected.get() + active.kafka.injected.get()).as("faults were injected")
                    .isPositive();
            survivor.kill();
        } finally {
            replicas.values().forEach(Replica::kill);
            threads.shutdownNow();
        }

        List<ConsumerRecord<String, String>> records = KafkaProbe.shared().readUntil(
                topics.physical("fixture.events"), Duration.ofSeconds(30),
                read -> firstCopies(read, notes) == KEYS * EVENTS_PER_KEY);
        Map<String, List<CloudEvent>> byKey = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            if (notes.contains(record.key())) {
                byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(codec.fromJson(record.value()));
            }
        }
        assertThat(byKey).hasSize(KEYS);
        int resent = 0;
        for (String note : notes) {
            Map<UUID, Long> seen = new HashMap<>();
            long last = 0;
            for (CloudEvent event : byKey.get(note)) {
                long version = event.aggregateVersion().orElseThrow();
                Long earlier = seen.putIfAbsent(event.id(), version);
                if (earlier != null) {
                    assertThat(version).as("%s: a re-send is the same event", note).isEqualTo(earlier);
                    resent++;
                    continue;
                }
                assertThat(version).as("%s: a new event comes right after the one before it", note)
                        .isEqualTo(last + 1);
                last = version;
            }
            assertThat(last).as("%s: every event is on the topic", note).isEqualTo(EVENTS_PER_KEY);
        }
        assertThat(resent).as("lost acknowledgements and the takeover made some re-sends").isPositive();
    }

    private static long published(Map<String, Replica> replicas) {
        return replicas.values().stream().mapToLong(r -> r.published.get()).sum();
    }

    private long firstCopies(List<ConsumerRecord<String, String>> read, List<String> notes) {
        return read.stream().filter(r -> notes.contains(r.key())).map(r -> codec.fromJson(r.value()).id()).distinct()
                .count();
    }

    /** One replica's relay, driven by a thread of its own, with leases renewed on a scheduler of its own. */
    final class Replica {

        final Leases leases;
        final FlakyKafka kafka;
        final OutboxRelay relay;
        final AtomicInteger published = new AtomicInteger();
        final AtomicBoolean alive = new AtomicBoolean(true);
        volatile Future<?> running;

        Replica(String name, FlakyKafka kafka) {
            this.leases = new Leases(store.redis(), store.keys(), name);
            this.kafka = kafka;
            this.relay = new OutboxRelay(store, kafka, topics, leases, platform, new SimpleMeterRegistry(), Tracer.NOOP);
        }

        void relayUntilStopped() {
            while (alive.get()) {
                published.addAndGet(relay.relayOnce());
            }
        }

        /** As SIGKILL: the thread stops where it is, the lease is neither renewed nor released. */
        void kill() {
            alive.set(false);
            leases.close();
            Future<?> thread = running;
            if (thread != null) {
                thread.cancel(true);
            }
        }
    }

    /**
     * The real template with faults: a share of sends is refused at once, fails without reaching the broker, or
     * reaches the broker while the acknowledgement is lost.
     */
    static final class FlakyKafka extends KafkaTemplate<String, Object> {

        private final SplittableRandom random;
        private final double rate;
        final AtomicInteger injected = new AtomicInteger();

        FlakyKafka(ProducerFactory<String, Object> producers, double rate, long seed) {
            super(producers);
            this.rate = rate;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public CompletableFuture<SendResult<String, Object>> send(String topic, String key, Object data) {
            double roll;
            synchronized (random) {
                roll = random.nextDouble();
            }
            if (roll < rate / 3) {
                injected.incrementAndGet();
                throw new KafkaException("injected: the producer refused the record");
            }
            if (roll < rate * 2 / 3) {
                injected.incrementAndGet();
                return CompletableFuture.failedFuture(new KafkaException("injected: the record never reached the broker"));
            }
            CompletableFuture<SendResult<String, Object>> sent = super.send(topic, key, data);
            if (roll < rate) {
                injected.incrementAndGet();
                return sent.thenCompose(written -> CompletableFuture.failedFuture(
                        new TimeoutException("injected: written, but the acknowledgement was lost")));
            }
            return sent;
        }
    }
}

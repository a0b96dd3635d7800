package dev.hybridconf.kit.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

import dev.hybridconf.kit.PlatformProperties;
import dev.hybridconf.kit.lease.Lease;
import dev.hybridconf.kit.lease.Leases;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.LeaseLostException;
import dev.hybridconf.kit.redis.OutboxEntry;
import dev.hybridconf.kit.redis.RedisStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Publishes the outbox stream to Kafka, in order, from one replica at a time.
 *
 * <ul>
 * <li><b>One active relay.</b> Every replica runs a relay; only the holder of the lease {@value #LEASE} publishes
 * (renewed every third of {@code platform.outbox.lease-ttl}); the others try to take it every
 * {@code block-for}. A relay that died (SIGKILL) stops renewing, and another replica takes over within about
 * the lease time.</li>
 * <li><b>From the first unacknowledged entry.</b> The stream holds exactly the entries not yet acknowledged by
 * Kafka: an entry is deleted ({@code XDEL}) only once Kafka acknowledged it, so every pass, and every new
 * holder, starts at the stream's head.</li>
 * <li><b>In order, never past a failure.</b> A pass sends entries in stream order and never has two entries of
 * one Kafka key in flight at once: it sends the longest run of entries with distinct keys, waits for Kafka,
 * deletes what was acknowledged and goes on; when Kafka did not acknowledge an entry, nothing after it is sent
 * until a retry of that entry alone (with exponential back-off) succeeds.</li>
 * <li><b>Fenced.</b> The deletion is an {@link dev.hybridconf.kit.redis.AtomicWrite} conditional on the lease's
 * fencing token: a relay that lost its lease notices at its next deletion and stops.</li>
 * </ul>
 *
 * The guarantee, per key: every entry reaches the topic at least once, and the first copies of its events appear
 * in the order they were committed (their {@code aggregateversion} 1, 2, 3... without gaps). A record that is
 * not a first copy is the same event (same id, same version) sent again, after an acknowledgement was lost or a
 * takeover: consumers apply each event id once. An entry is sent only once every earlier entry of its key was
 * acknowledged, or deleted (which happens only after an acknowledgement), so this holds even while a relay
 * whose lease lapsed is still sending.
 *
 * <p>Each record continues the trace of the request that emitted the event: the entry's {@code traceparent} is
 * the parent of the send.
 */
public class OutboxRelay implements SmartLifecycle {

    /** The name of the lease the active relay holds. */
    public static final String LEASE = "outbox-relay";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final RedisStore store;
    private final UnifiedJedis redis;
    private final KafkaTemplate<String, Object> kafka;
    private final TopicNames topics;
    private final Leases leases;
    private final Tracer tracer;
    private final String stream;
    private final PlatformProperties.Outbox settings;
    private final Counter published;
    private final Counter failures;
    private final Counter takeovers;
    private final Counter discarded;

    private volatile boolean running;
    private volatile Lease lease;
    private Thread worker;
    private int failuresInRow;

    public OutboxRelay(RedisStore store, KafkaTemplate<String, Object> kafka, TopicNames topics, Leases leases,
            PlatformProperties platform, MeterRegistry meters, Tracer tracer) {
        this.store = store;
        this.redis = store.redis();
        this.kafka = kafka;
        this.topics = topics;
        this.leases = leases;
        this.tracer = tracer;
        this.stream = store.keys().outbox();
        this.settings = platform.outbox();
        if (settings.blockFor().compareTo(platform.redis().socketTimeout()) >= 0) {
            throw new IllegalStateException("platform.outbox.block-for (" + settings.blockFor()
                    + ") must stay below platform.redis.socket-timeout (" + platform.redis().socketTimeout() + ")");
        }
        if (settings.leaseTtl().compareTo(settings.blockFor().multipliedBy(3)) < 0) {
            throw new IllegalStateException("platform.outbox.lease-ttl (" + settings.leaseTtl()
                    + ") must be at least three times platform.outbox.block-for (" + settings.blockFor() + ")");
        }
        this.published = Counter.builder("outbox.relay.published").description("Outbox entries published to Kafka")
                .register(meters);
        this.failures = Counter.builder("outbox.relay.failures")
                .description("Outbox passes that stopped at an entry Kafka did not acknowledge, or failed on Redis")
                .register(meters);
        this.takeovers = Counter.builder("outbox.relay.takeovers")
                .description("Times this replica became the active relay (took the outbox lease)").register(meters);
        this.discarded = Counter.builder("outbox.relay.discarded")
                .description("Outbox entries deleted unpublished because they were not complete").register(meters);
        Gauge.builder("outbox.relay.active", this, relay -> relay.active() ? 1 : 0)
                .description("1 while this replica holds the outbox lease").register(meters);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            try {
                worker.join(settings.blockFor().toMillis() + settings.sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
        Lease held = lease;
        lease = null;
        if (held != null) {
            // Another replica continues at once rather than after the lease time.
            held.release();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start after the Kafka and Redis clients, stop before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    /** Whether this replica is the active relay now. */
    public boolean active() {
        Lease current = lease;
        return current != null && current.held();
    }

    private void loop() {
        while (running) {
            try {
                relayOnce();
                if (active() && failuresInRow > 0) {
                    pause(backoff());
                }
            } catch (RuntimeException e) {
                // Redis away (or the lease script failed): nothing was acknowledged that Kafka did not take.
                failures.increment();
                failuresInRow++;
                Duration wait = backoff();
                log.warn("Outbox relay of {} failed, retrying in {} ms: {}", stream, wait.toMillis(), e.toString());
                pause(wait);
            }
        }
    }

    /**
     * One pass, as the loop makes it (visible for tests that drive relays step by step): takes the lease if nobody
     * holds it, then, as the active relay, publishes from the head of the outbox (waiting up to {@code block-for}
     * for entries); without the lease, it waits {@code block-for}. After a failed pass the next one retries the
     * failed entry alone.
     *
     * @return the entries Kafka acknowledged in this pass
     */
    public int relayOnce() {
        Lease current = currentLease();
        if (current == null) {
            // Another replica relays: look again later.
            pause(settings.blockFor());
            return 0;
        }
        List<StreamEntry> head = readHead(failuresInRow > 0 ? 1 : settings.batchSize());
        if (head.isEmpty()) {
            return 0;
        }
        return publish(current, head);
    }

    private Lease currentLease() {
        Lease current = lease;
        if (current != null && current.held()) {
            return current;
        }
        if (current != null) {
            log.warn("Outbox relay of {} lost its lease; another replica may be relaying", stream);
            current.release();
            lease = null;
        }
        Lease taken = leases.tryAcquire(LEASE, settings.leaseTtl()).map(Lease::keepRenewed).orElse(null);
        if (taken != null) {
            lease = taken;
            failuresInRow = 0;
            takeovers.increment();
            log.info("This replica ({}) is now the outbox relay of {} (lease token {})", leases.holder(), stream,
                    taken.token());
        }
        return taken;
    }

    private List<StreamEntry> readHead(int count) {
        // The stream holds only entries Kafka has not acknowledged: its head is where to continue.
        var read = redis.xread(XReadParams.xReadParams().count(count).block((int) settings.blockFor().toMillis()),
                Map.of(stream, new StreamEntryID(0, 0)));
        if (read == null || read.isEmpty()) {
            return List.of();
        }
        List<StreamEntry> entries = new ArrayList<>();
        read.forEach(perStream -> entries.addAll(perStream.getValue()));
        return entries;
    }

    /** Sends the entries wave after wave; stops at the first wave with an entry Kafka did not acknowledge. */
    private int publish(Lease current, List<StreamEntry> entries) {
        int done = 0;
        int from = 0;
        while (from < entries.size()) {
            if (!current.held()) {
                return done;
            }
            Set<String> keysInFlight = new HashSet<>();
            int to = from;
            while (to < entries.size() && keysInFlight.add(chain(entries.get(to)))) {
                to++;
            }
            Wave wave = send(entries.subList(from, to));
            if (!acknowledge(current, wave.acknowledged())) {
                return done;
            }
            done += wave.published();
            published.increment(wave.published());
            if (wave.failedAt() != null) {
                failures.increment();
                failuresInRow++;
                log.warn("Kafka did not acknowledge outbox entry {} of {}; nothing after it is sent until it is: {}",
                        wave.failedAt(), stream, wave.failure());
                return done;
            }
            failuresInRow = 0;
            from = to;
        }
        return done;
    }

    /** What a wave did: the entry ids to delete, how many Kafka took, and the first entry it did not take. */
    private record Wave(List<String> acknowledged, int published, StreamEntryID failedAt, String failure) {
    }

    /** Sends entries of distinct keys together and waits for Kafka; a send refused at once ends the wave there. */
    private Wave send(List<StreamEntry> wave) {
        List<CompletableFuture<?>> sends = new ArrayList<>(wave.size());
        List<StreamEntry> sent = new ArrayList<>(wave.size());
        List<String> acknowledged = new ArrayList<>();
        int incomplete = 0;
        StreamEntryID failedAt = null;
        String failure = null;
        for (StreamEntry entry : wave) {
            Map<String, String> fields = entry.getFields();
            if (fields == null || (fields.get(OutboxEntry.EVENT) == null && fields.get(OutboxEntry.VALUE) == null)
                    || fields.get(OutboxEntry.TOPIC) == null || fields.get(OutboxEntry.KEY) == null) {
                log.error("Outbox entry {} of {} is incomplete and cannot be published; it is discarded",
                        entry.getID(), stream);
                discarded.increment();
                acknowledged.add(entry.getID().toString());
                incomplete++;
                continue;
            }
            try {
                sends.add(send(fields));
                sent.add(entry);
            } catch (RuntimeException refused) {
                failedAt = entry.getID();
                failure = refused.toString();
                break;
            }
        }
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        int count = 0;
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(sent.get(i).getID().toString());
                count++;
            } catch (ExecutionException | TimeoutException e) {
                if (failedAt == null || sent.get(i).getID().compareTo(failedAt) < 0) {
                    failedAt = sent.get(i).getID();
                    failure = e instanceof ExecutionException ? String.valueOf(e.getCause()) : e.toString();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
                if (failedAt == null) {
                    failedAt = sent.get(i).getID();
                    failure = "interrupted";
                }
            }
        }
        return new Wave(acknowledged, count, failedAt, failure);
    }

    private CompletableFuture<?> send(Map<String, String> fields) {
        String topic = topics.physical(fields.get(OutboxEntry.TOPIC));
        String key = fields.get(OutboxEntry.KEY);
        TraceContext parent = TraceParent.parse(tracer, fields.get(OutboxEntry.TRACEPARENT));
        if (parent == null) {
            return send(topic, key, fields);
        }
        // The send's span (and the record's trace header) continue the trace of the request that emitted the event.
        try (CurrentTraceContext.Scope scope = tracer.currentTraceContext().newScope(parent)) {
            return send(topic, key, fields);
        }
    }

    private CompletableFuture<?> send(String topic, String key, Map<String, String> fields) {
        String event = fields.get(OutboxEntry.EVENT);
        return event != null ? kafka.send(topic, key, event) : kafka.send(rawRecord(topic, key, fields));
    }

    /** A record kept as bytes ({@link AtomicWrite#emitRaw}): its value and headers as they were, its key or none. */
    private static ProducerRecord<String, Object> rawRecord(String topic, String key, Map<String, String> fields) {
        List<Header> headers = new ArrayList<>();
        for (Map.Entry<String, byte[]> header : OutboxEntry.decodeHeaders(fields.get(OutboxEntry.HEADERS))) {
            headers.add(new RecordHeader(header.getKey(), header.getValue()));
        }
        byte[] value = Base64.getDecoder().decode(fields.get(OutboxEntry.VALUE));
        return new ProducerRecord<>(topic, null, fields.containsKey(OutboxEntry.NO_KEY) ? null : key, value, headers);
    }

    /** Deletes what Kafka acknowledged, if this relay still holds the lease; false when it lost it. */
    private boolean acknowledge(Lease current, List<String> ids) {
        if (ids.isEmpty()) {
            return true;
        }
        try {
            store.atomically().requireFence(current).xdel(stream, ids.toArray(String[]::new)).execute();
            return true;
        } catch (LeaseLostException lost) {
            log.warn("Outbox relay of {} lost its lease to another replica; {} acknowledged entries stay for it",
                    stream, ids.size());
            current.release();
            lease = null;
            return false;
        }
    }

    private static String chain(StreamEntry entry) {
        Map<String, String> fields = entry.getFields();
        return fields == null ? entry.getID().toString()
                : fields.get(OutboxEntry.TOPIC) + '\u0000' + fields.get(OutboxEntry.KEY);
    }

    private Duration backoff() {
        long initial = settings.retryInitial().toMillis();
        long wait = initial << Math.min(20, Math.max(0, failuresInRow - 1));
        return Duration.ofMillis(Math.min(settings.retryMax().toMillis(), wait));
    }

    private void pause(Duration pause) {
        try {
            TimeUnit.MILLISECONDS.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

package dev.hybridconf.kit.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

import dev.hybridconf.kit.PlatformProperties;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.OutboxEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Publishes the outbox stream to Kafka. Each replica reads through one Redis consumer group, so an
 * entry goes to one relay at a time; the entry is acknowledged and deleted only once Kafka has
 * acknowledged the record. A relay that dies between reading and acknowledging leaves its entries
 * pending; after {@code platform.outbox.claim-idle} any live relay claims and publishes them again.
 * A crash can therefore publish an event twice, never lose it: consumers deduplicate by event id.
 */
public class OutboxRelay implements SmartLifecycle {

    public static final String GROUP = "outbox-relay";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final UnifiedJedis redis;
    private final KafkaTemplate<String, Object> kafka;
    private final TopicNames topics;
    private final String stream;
    private final String consumer;
    private final PlatformProperties.Outbox settings;
    private final Counter published;
    private final Counter failures;
    private final Counter reclaimed;

    private volatile boolean running;
    private Thread worker;
    private long lastClaim;

    public OutboxRelay(UnifiedJedis redis, KafkaTemplate<String, Object> kafka, TopicNames topics, KeySpace keys,
            PlatformProperties platform, MeterRegistry meters) {
        this.redis = redis;
        this.kafka = kafka;
        this.topics = topics;
        this.stream = keys.outbox();
        this.consumer = platform.instanceId();
        this.settings = platform.outbox();
        if (settings.blockFor().compareTo(platform.redis().socketTimeout()) >= 0) {
            throw new IllegalStateException("platform.outbox.block-for (" + settings.blockFor()
                    + ") must stay below platform.redis.socket-timeout (" + platform.redis().socketTimeout() + ")");
        }
        this.published = Counter.builder("outbox.relay.published").description("Outbox entries published to Kafka")
                .register(meters);
        this.failures = Counter.builder("outbox.relay.failures").description("Outbox publish attempts that failed")
                .register(meters);
        this.reclaimed = Counter.builder("outbox.relay.reclaimed")
                .description("Outbox entries taken over from a relay that stopped acknowledging").register(meters);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        prepare();
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

    /** Creates the relay's consumer group on the outbox stream if it does not exist yet. */
    public void prepare() {
        ensureGroup();
    }

    private void ensureGroup() {
        try {
            redis.xgroupCreate(stream, GROUP, new StreamEntryID(0, 0), true);
        } catch (JedisDataException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    private void loop() {
        Duration pause = Duration.ZERO;
        while (running) {
            try {
                if (!pause.isZero()) {
                    waitBeforeRetry(pause);
                }
                relayOnce();
                pause = Duration.ZERO;
            } catch (RuntimeException e) {
                failures.increment();
                pause = pause.isZero() ? Duration.ofMillis(200) : min(pause.multipliedBy(2), Duration.ofSeconds(5));
                log.warn("Outbox relay of {} failed, retrying in {} ms: {}", stream, pause.toMillis(), e.toString());
                if (e instanceof JedisDataException && String.valueOf(e.getMessage()).startsWith("NOGROUP")) {
                    ensureGroup();
                }
            }
        }
    }

    /**
     * One pass: take over abandoned entries when due, then read new ones (blocking briefly) and
     * publish them. Visible for tests that drive the relay step by step.
     */
    public int relayOnce() {
        int count = 0;
        long now = System.currentTimeMillis();
        if (now - lastClaim >= settings.claimEvery().toMillis()) {
            lastClaim = now;
            count += publish(claimAbandoned(), true);
        }
        var params = XReadGroupParams.xReadGroupParams().count(settings.batchSize())
                .block((int) settings.blockFor().toMillis());
        List<Map.Entry<String, List<StreamEntry>>> read = redis.xreadGroup(GROUP, consumer, params,
                Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        if (read != null) {
            for (Map.Entry<String, List<StreamEntry>> entries : read) {
                count += publish(entries.getValue(), false);
            }
        }
        return count;
    }

    private List<StreamEntry> claimAbandoned() {
        var claimed = redis.xautoclaim(stream, GROUP, consumer, settings.claimIdle().toMillis(),
                new StreamEntryID(0, 0), XAutoClaimParams.xAutoClaimParams().count(settings.batchSize()));
        return claimed == null ? List.of() : claimed.getValue();
    }

    /**
     * Sends every entry, then acknowledges them in order up to the first one Kafka did not
     * acknowledge; the rest stay pending and are claimed again later.
     */
    private int publish(List<StreamEntry> entries, boolean reclaim) {
        if (entries == null || entries.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>(entries.size());
        for (StreamEntry entry : entries) {
            Map<String, String> fields = entry.getFields();
            if (fields == null || fields.get(OutboxEntry.EVENT) == null) {
                // Deleted while pending: nothing left to publish.
                sends.add(CompletableFuture.completedFuture(null));
                continue;
            }
            sends.add(kafka.send(topics.physical(fields.get(OutboxEntry.TOPIC)), fields.get(OutboxEntry.KEY),
                    fields.get(OutboxEntry.EVENT)));
        }
        int done = 0;
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        for (int i = 0; i < entries.size(); i++) {
            try {
                sends.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                failures.increment();
                log.warn("Kafka did not acknowledge outbox entry {} of {}; it stays pending: {}",
                        entries.get(i).getID(), stream, e.toString());
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            StreamEntryID id = entries.get(i).getID();
            redis.xack(stream, GROUP, id);
            redis.xdel(stream, id);
            done++;
        }
        published.increment(done);
        if (reclaim) {
            reclaimed.increment(done);
        }
        return done;
    }

    private void waitBeforeRetry(Duration pause) {
        try {
            TimeUnit.MILLISECONDS.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

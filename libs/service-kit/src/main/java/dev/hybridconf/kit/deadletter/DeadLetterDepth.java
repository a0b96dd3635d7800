package dev.hybridconf.kit.deadletter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gauge {@code dead.letters.depth{topic}}: per consumed topic, the dead letters not replayed yet. Computed on one
 * background thread every {@code platform.dead-letters.depth-refresh} (and right after a replay) from the
 * dead-letter partitions' offsets and a Redis count of the replayed ones; a scrape only reads the last value
 * (NaN until the first computation, or while Kafka cannot be reached).
 */
public class DeadLetterDepth implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDepth.class);

    private final DeadLetters deadLetters;
    private final DeadLetterProperties settings;
    private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;

    public DeadLetterDepth(DeadLetters deadLetters, DeadLetterProperties settings, MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.settings = settings;
        for (String topic : deadLetters.consumedTopics()) {
            AtomicLong depth = new AtomicLong(-1);
            depths.put(topic, depth);
            Gauge.builder("dead.letters.depth", depth, d -> d.get() < 0 ? Double.NaN : d.get())
                    .description("Records of the topic's dead-letter topic not replayed yet").tag("topic", topic)
                    .register(meters);
        }
    }

    /** The last computed depth of a consumed topic's dead letters (-1 while unknown). */
    public long depth(String topic) {
        AtomicLong depth = depths.get(topic);
        return depth == null ? -1 : depth.get();
    }

    /** Computes the depths again soon (after a replay), on the gauge's own thread. */
    public void refreshSoon() {
        ScheduledExecutorService current = scheduler;
        if (current != null) {
            current.execute(this::refresh);
        }
    }

    private void refresh() {
        for (var entry : depths.entrySet()) {
            try {
                entry.getValue().set(deadLetters.state(entry.getKey()).depth());
            } catch (RuntimeException e) {
                log.warn("Dead-letter depth of {} could not be computed: {}", entry.getKey(), e.toString());
                entry.getValue().set(-1);
            }
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null || depths.isEmpty()) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dead-letter-depth");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(100, settings.depthRefresh().toMillis());
        started.scheduleWithFixedDelay(this::refresh, 0, every, TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService current = scheduler;
        scheduler = null;
        if (current != null) {
            current.shutdownNow();
            try {
                current.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** After the Kafka and Redis clients, like the outbox relay. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }
}

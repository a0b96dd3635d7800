package dev.hybridconf.rapporteur.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.hybridconf.kit.PlatformProperties;
import dev.hybridconf.kit.redis.RedisStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Reads the live streams of the conferences someone on this replica watches and hands each entry to their
 * subscriptions. One daemon thread per replica with its own Redis connection (outside the pool, so a blocking
 * read never starves requests) runs {@code XREAD BLOCK} over those streams; a small pool writes to the browsers,
 * each subscription drained by one writer at a time, so a slow browser holds at most one writer and never the
 * reader. A subscription whose queue passes {@code queue-limit} entries is dropped (its browser reconnects with
 * {@code Last-Event-ID} and resumes); at most {@code max-subscribers} are open at once.
 *
 * <p>A stream is read from its last entry at the moment the first subscription to its conference registered;
 * a subscription reads what it needs before that itself ({@link LiveStreams}), so nothing falls between.
 */
@Component
public class LiveFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
    private static final int READ_COUNT = 500;

    private final RedisStore store;
    private final PlatformProperties platform;
    private final LiveSettings settings;
    private final Map<String, Set<LiveSubscription>> byStream = new ConcurrentHashMap<>();
    private final Map<String, StreamEntryID> positions = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Object changes = new Object();
    private final Timer delivery;
    private final Counter dropped;

    private volatile boolean running;
    private volatile Jedis connection;
    private volatile long connectionId = -1;
    private Thread reader;
    private ExecutorService writers;
    private ScheduledExecutorService pings;

    LiveFeed(RedisStore store, PlatformProperties platform, LiveSettings settings, MeterRegistry meters) {
        this.store = store;
        this.platform = platform;
        this.settings = settings;
        if (settings.block.compareTo(platform.redis().socketTimeout()) >= 0) {
            throw new IllegalStateException("platform.rapporteur.live.block (" + settings.block
                    + ") must stay below platform.redis.socket-timeout (" + platform.redis().socketTimeout() + ")");
        }
        Gauge.builder("rapporteur.live.subscribers", open, AtomicInteger::get)
                .description("live streams open on this replica").register(meters);
        this.delivery = Timer.builder("rapporteur.live.delivery")
                .description("from a change's entry in the live stream to its event written to a browser")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
        this.dropped = Counter.builder("rapporteur.live.dropped")
                .description("live streams closed because their browser did not keep up").register(meters);
    }

    /** Open streams on this replica. */
    public int subscribers() {
        return open.get();
    }

    /** Takes one of the replica's stream slots, or refuses with 503 {@code live-busy}. */
    void admit() {
        if (!running) {
            throw new LiveBusyException();
        }
        if (open.incrementAndGet() > settings.maxSubscribers) {
            open.decrementAndGet();
            throw new LiveBusyException();
        }
    }

    /** Gives back a slot taken by {@link #admit()} for a stream that never opened. */
    void release() {
        open.decrementAndGet();
    }

    /**
     * Starts handing the conference's new entries to the subscription (it queues them until it is started). The
     * stream is read from its current last entry when nobody on this replica watched it yet.
     */
    void register(LiveSubscription subscription) {
        String stream = subscription.stream();
        boolean added = false;
        synchronized (changes) {
            Set<LiveSubscription> subscriptions = byStream.computeIfAbsent(stream, k -> ConcurrentHashMap.newKeySet());
            subscriptions.add(subscription);
            if (!positions.containsKey(stream)) {
                positions.put(stream, LiveStreams.lastId(store.redis(), stream));
                added = true;
            }
            changes.notifyAll();
        }
        if (added) {
            wake();
        }
    }

    /** Stops handing entries to the subscription and frees its slot (once, whoever calls). */
    void unregister(LiveSubscription subscription) {
        if (!subscription.markRemoved()) {
            return;
        }
        open.decrementAndGet();
        synchronized (changes) {
            Set<LiveSubscription> subscriptions = byStream.get(subscription.stream());
            if (subscriptions != null) {
                subscriptions.remove(subscription);
                if (subscriptions.isEmpty()) {
                    byStream.remove(subscription.stream());
                    positions.remove(subscription.stream());
                }
            }
        }
    }

    /** The subscription's queue overflowed: drop it, its browser reconnects and resumes from its last event. */
    void drop(LiveSubscription subscription) {
        if (!subscription.removed()) {
            dropped.increment();
            log.info("Live stream of {} dropped: its browser did not keep up", subscription.stream());
        }
        unregister(subscription);
        subscription.close();
    }

    /**
     * Ends every stream of the conference open on this replica; their browsers reconnect with {@code Last-Event-ID}
     * (and get a snapshot when the stream was replaced). Also what {@link #stop()} does for all of them.
     */
    void closeStreams(String conferenceId) {
        Set<LiveSubscription> subscriptions = byStream.get(LiveEntry.streamKey(store.keys(), conferenceId));
        if (subscriptions != null) {
            for (LiveSubscription subscription : List.copyOf(subscriptions)) {
                unregister(subscription);
                subscription.close();
            }
        }
    }

    void write(Runnable drain) {
        writers.execute(drain);
    }

    Timer delivery() {
        return delivery;
    }

    LiveSettings settings() {
        return settings;
    }

    /** Interrupts the reader's blocking read, so that a stream just registered is read at once. */
    private void wake() {
        long id = connectionId;
        if (id < 0) {
            return;
        }
        try {
            store.redis().sendCommand(Protocol.Command.CLIENT, "UNBLOCK", Long.toString(id));
        } catch (JedisException e) {
            // The reader then sees the new stream when its current read ends (at most the block time).
            log.debug("Could not wake the live feed's reader", e);
        }
    }

    private void readLoop() {
        while (running) {
            Map<String, StreamEntryID> streams;
            synchronized (changes) {
                if (positions.isEmpty()) {
                    try {
                        changes.wait(1_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    continue;
                }
                streams = Map.copyOf(positions);
            }
            try {
                Jedis jedis = connection();
                List<Map.Entry<String, List<StreamEntry>>> read = jedis.xread(
                        XReadParams.xReadParams().count(READ_COUNT).block((int) settings.block.toMillis()), streams);
                if (read != null) {
                    for (Map.Entry<String, List<StreamEntry>> stream : read) {
                        deliver(stream.getKey(), stream.getValue());
                    }
                }
            } catch (JedisException e) {
                if (!running) {
                    return;
                }
                log.warn("Live feed could not read the live streams; retrying in a second: {}", e.toString());
                disconnect();
                synchronized (changes) {
                    try {
                        changes.wait(1_000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            } catch (RuntimeException e) {
                log.error("Live feed failed on an entry; going on", e);
            }
        }
    }

    private void deliver(String stream, List<StreamEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        StreamEntryID last = entries.get(entries.size() - 1).getID();
        positions.computeIfPresent(stream, (k, position) -> position.compareTo(last) < 0 ? last : position);
        Set<LiveSubscription> subscriptions = byStream.get(stream);
        if (subscriptions == null) {
            return;
        }
        for (StreamEntry entry : entries) {
            LiveEntry live;
            try {
                live = LiveEntry.from(entry.getFields());
            } catch (RuntimeException unreadable) {
                log.warn("Skipping unreadable live entry {} of {}: {}", entry.getID(), stream, entry.getFields());
                continue;
            }
            for (LiveSubscription subscription : subscriptions) {
                if (subscription.day().equals(live.day())) {
                    subscription.offer(entry.getID(), live);
                }
            }
        }
    }

    private Jedis connection() {
        Jedis jedis = connection;
        if (jedis == null) {
            var redis = platform.redis();
            int timeout = (int) redis.socketTimeout().toMillis();
            jedis = new Jedis(new HostAndPort(redis.host(), redis.port()), DefaultJedisClientConfig.builder()
                    .connectionTimeoutMillis(timeout).socketTimeoutMillis(timeout)
                    .clientName(platform.serviceName() + "-live-feed").build());
            connectionId = jedis.clientId();
            connection = jedis;
        }
        return jedis;
    }

    private void disconnect() {
        Jedis jedis = connection;
        connection = null;
        connectionId = -1;
        if (jedis != null) {
            try {
                jedis.close();
            } catch (RuntimeException ignored) {
                // already broken
            }
        }
    }

    private void pingAll() {
        for (Set<LiveSubscription> subscriptions : byStream.values()) {
            subscriptions.forEach(LiveSubscription::ping);
        }
    }

    @Override
    public void start() {
        running = true;
        writers = Executors.newFixedThreadPool(settings.writers, daemons("live-writer"));
        pings = Executors.newSingleThreadScheduledExecutor(daemons("live-ping"));
        long every = settings.pingInterval.toMillis();
        pings.scheduleAtFixedRate(this::pingAll, every, every, TimeUnit.MILLISECONDS);
        reader = daemons("live-feed").newThread(this::readLoop);
        reader.start();
    }

    /** Closes every stream (browsers reconnect to another replica), then stops the reader and the writers. */
    @Override
    public void stop() {
        running = false;
        List<LiveSubscription> all = new ArrayList<>();
        byStream.values().forEach(all::addAll);
        for (LiveSubscription subscription : all) {
            unregister(subscription);
            subscription.close();
        }
        synchronized (changes) {
            changes.notifyAll();
        }
        wake();
        pings.shutdownNow();
        writers.shutdown();
        try {
            reader.join(settings.block.plusSeconds(1).toMillis());
            writers.awaitTermination(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writers.shutdownNow();
        disconnect();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

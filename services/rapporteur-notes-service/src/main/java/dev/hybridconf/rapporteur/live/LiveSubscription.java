package dev.hybridconf.rapporteur.live;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

import redis.clients.jedis.StreamEntryID;

/**
 * One open live stream: the browser's emitter, the entries waiting for it, and the id of the last event it was
 * sent. Entries are queued by the feed's reader (never blocking it) and written by one writer at a time; an entry
 * at or before the last event sent is skipped, so the events a browser gets are in stream order without repeats.
 */
final class LiveSubscription {

    private static final Logger log = LoggerFactory.getLogger(LiveSubscription.class);
    private static final Object PING = new Object();

    /** Renders an entry as the event the browser gets, or nothing when it does not concern this view. */
    interface Renderer {
        Optional<SseEventBuilder> render(StreamEntryID id, LiveEntry entry);
    }

    private record Queued(StreamEntryID id, Object entry) {
    }

    private final String stream;
    private final LocalDate day;
    private final SseEmitter emitter;
    private final LiveFeed feed;
    private final Renderer renderer;
    private final Queue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean removed = new AtomicBoolean();
    private volatile boolean started;
    private volatile boolean closed;
    private volatile boolean completed;
    private StreamEntryID lastSent = StreamEntryID.MINIMUM_ID;

    LiveSubscription(String stream, LocalDate day, SseEmitter emitter, LiveFeed feed, Renderer renderer) {
        this.stream = stream;
        this.day = day;
        this.emitter = emitter;
        this.feed = feed;
        this.renderer = renderer;
    }

    String stream() {
        return stream;
    }

    LocalDate day() {
        return day;
    }

    boolean markRemoved() {
        return removed.compareAndSet(false, true);
    }

    boolean removed() {
        return removed.get();
    }

    /** Called by the feed's reader: queue and let a writer send it; too many waiting → the subscription is dropped. */
    void offer(StreamEntryID id, LiveEntry entry) {
        if (closed) {
            return;
        }
        queue.add(new Queued(id, entry));
        if (size.incrementAndGet() > feed.settings().queueLimit) {
            feed.drop(this);
            return;
        }
        schedule();
    }

    void ping() {
        if (closed) {
            return;
        }
        queue.add(new Queued(null, PING));
        size.incrementAndGet();
        schedule();
    }

    /** Ends the stream once the writer is done with what it is sending (never blocks the caller). */
    void close() {
        closed = true;
        queue.clear();
        schedule();
    }

    /** The stream's time is up: stop writing; answers whether the caller should complete the emitter. */
    boolean timedOut() {
        closed = true;
        queue.clear();
        synchronized (this) {
            if (completed) {
                return false;
            }
            completed = true;
            return true;
        }
    }

    /**
     * On the request's thread, before any writer runs: sends the first events (snapshot or replay), then lets the
     * writers go on from {@code after} (what those events already cover).
     */
    void start(StreamEntryID after) {
        lastSent = after;
        started = true;
        schedule();
    }

    private synchronized boolean claimCompletion() {
        if (completed) {
            return false;
        }
        completed = true;
        return true;
    }

    private void schedule() {
        if (!started || completed) {
            return;
        }
        if (draining.compareAndSet(false, true)) {
            try {
                feed.write(this::drain);
            } catch (RuntimeException rejected) {
                // The feed is stopping.
                draining.set(false);
            }
        }
    }

    private void drain() {
        try {
            Queued next;
            while (!closed && (next = queue.poll()) != null) {
                size.decrementAndGet();
                if (next.entry() == PING) {
                    emitter.send(SseEmitter.event().comment("ping"));
                    continue;
                }
                if (next.id().compareTo(lastSent) <= 0) {
                    continue;
                }
                LiveEntry entry = (LiveEntry) next.entry();
                Optional<SseEventBuilder> event = renderer.render(next.id(), entry);
                if (event.isPresent()) {
                    emitter.send(event.get());
                    long millis = Instant.now().toEpochMilli() - next.id().getTime();
                    feed.delivery().record(Duration.ofMillis(Math.max(0, millis)));
                }
                lastSent = next.id();
            }
            if (closed && claimCompletion()) {
                emitter.complete();
            }
        } catch (IOException | IllegalStateException gone) {
            // The browser left (or the request already ended): the container ends the request; free the slot.
            completed = true;
            closed = true;
            queue.clear();
            feed.unregister(this);
        } catch (RuntimeException e) {
            log.warn("Live stream of {} failed; closing it", stream, e);
            completed = true;
            closed = true;
            feed.unregister(this);
            emitter.completeWithError(e);
        } finally {
            draining.set(false);
        }
        if (!completed && (!queue.isEmpty() || closed)) {
            schedule();
        }
    }
}

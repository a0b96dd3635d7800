package dev.hybridconf.streaming.zoom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock the test moves, and a sleeper that records each wait and moves the clock by it instead of
 * sleeping: back-off, limiter and lock waits become visible and instant.
 */
final class TestTime extends Clock implements Sleeper {

    private final AtomicLong millis;
    private final List<Duration> sleeps = new ArrayList<>();

    TestTime(Instant start) {
        this.millis = new AtomicLong(start.toEpochMilli());
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        millis.addAndGet(duration.toMillis());
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    void advance(Duration duration) {
        millis.addAndGet(duration.toMillis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public long millis() {
        return millis.get();
    }
}

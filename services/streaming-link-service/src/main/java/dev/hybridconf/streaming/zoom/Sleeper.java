package dev.hybridconf.streaming.zoom;

import java.time.Duration;

/**
 * How the client waits (back-off, a full limiter window, another replica's token refresh). Tests
 * pass one that records the wait and moves their clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

    void sleep(Duration duration) throws InterruptedException;
}

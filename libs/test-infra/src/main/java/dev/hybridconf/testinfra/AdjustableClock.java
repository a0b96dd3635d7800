package dev.hybridconf.testinfra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The real clock plus an offset that tests set (e.g. to a moment of a 2024 programme) and move
 * forward, so that deadlines (offer reply-by times, a wrap-up's start) pass without waiting. It keeps
 * ticking, so the order of events in time stays real. Import {@link Config} to replace a service's
 * {@code Clock} bean with it.
 */
public final class AdjustableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** From now on the clock reads {@code moment}, and ticks on from there. */
    public void setTo(Instant moment) {
        offset = Duration.between(Instant.now(), moment);
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** Replaces the service's clock in a test context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        AdjustableClock adjustableClock() {
            return new AdjustableClock();
        }
    }
}

package dev.hybridconf.zoomemulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Zoom's idea of "now": the system clock plus an offset that tests move forward through the admin API, so that
 * token expiry, expiring start URLs and the reset of daily caps at 00:00 UTC can be shown without waiting. Webhook
 * signatures use the real clock (a platform rejects timestamps far from its own time).
 */
@Component
public class EmulatorClock {

    private final Clock system = Clock.systemUTC();
    private final AtomicLong offsetMillis = new AtomicLong();

    public Instant now() {
        return system.instant().plusMillis(offsetMillis.get());
    }

    /** The UTC day Zoom's daily limits count in. */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    /** The next 00:00 UTC, when daily limits start again. */
    public Instant nextMidnightUtc() {
        return today().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("The emulated clock only moves forward");
        }
        offsetMillis.addAndGet(by.toMillis());
    }

    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }

    public void reset() {
        offsetMillis.set(0);
    }
}

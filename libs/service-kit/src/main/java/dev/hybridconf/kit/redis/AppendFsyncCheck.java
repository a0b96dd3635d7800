package dev.hybridconf.kit.redis;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.UnifiedJedis;

/**
 * Says, once at start-up, whether the Redis this service writes to keeps what it acknowledged
 * (ADR 0018): only with the append-only file fsynced on every write ({@code appendonly yes},
 * {@code appendfsync always}) is an event the relay publishes never one that Redis can still lose.
 * Anything else is logged as a warning naming what may be lost; the gauge
 * {@code redis.append.fsync.always} is 1 when every write is fsynced, 0 when not, and absent when
 * Redis refuses {@code CONFIG GET} (managed offerings often do: check the provider's setting).
 */
public final class AppendFsyncCheck {

    private static final Logger log = LoggerFactory.getLogger(AppendFsyncCheck.class);

    private final UnifiedJedis redis;
    private final MeterRegistry meters;

    public AppendFsyncCheck(UnifiedJedis redis, MeterRegistry meters) {
        this.redis = redis;
        this.meters = meters;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void check() {
        Optional<Boolean> durable = durable();
        durable.ifPresent(always -> Gauge.builder("redis.append.fsync.always", () -> always ? 1 : 0)
                .description("1 when Redis fsyncs its append-only file on every write (ADR 0018)").register(meters));
    }

    /** Whether every acknowledged write is on disk; empty when Redis does not say. */
    Optional<Boolean> durable() {
        Map<String, String> settings;
        try {
            settings = redis.configGet("append*");
        } catch (RuntimeException e) {
            log.info("Redis does not report its persistence settings ({}); make sure it runs with appendonly yes and"
                    + " appendfsync always (ADR 0018)", e.getMessage());
            return Optional.empty();
        }
        String appendOnly = settings.getOrDefault("appendonly", "").toLowerCase(Locale.ROOT);
        String fsync = settings.getOrDefault("appendfsync", "").toLowerCase(Locale.ROOT);
        if (!appendOnly.equals("yes")) {
            log.warn("Redis keeps no append-only file (appendonly {}): a restart loses this service's state, its"
                    + " outbox and its consumers' positions since the last snapshot. Fine for tests; in production"
                    + " run appendonly yes with appendfsync always (ADR 0018)", appendOnly);
            return Optional.of(false);
        }
        if (!fsync.equals("always")) {
            log.warn("Redis fsyncs its append-only file '{}', not on every write: a crash may lose the last second of"
                    + " writes after the relay published their events, and the next event of such an aggregate then"
                    + " repeats a version its consumers skip. Run appendfsync always (ADR 0018)", fsync);
            return Optional.of(false);
        }
        log.info("Redis fsyncs every write (appendonly yes, appendfsync always): nothing it acknowledged is lost in a crash");
        return Optional.of(true);
    }
}

package dev.hybridconf.streaming.provisioning;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.hosts.HostPool;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import redis.clients.jedis.UnifiedJedis;

/**
 * Every replica's provisioning loop: takes the sessions due now from {@code provisioning:due} and brings each to
 * its desired state on a small pool of threads (never the Kafka listener's), one replica per session at a time.
 * When a host joins the pool, the sessions waiting for one are due again at once.
 */
@Component
class ProvisioningWorker {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningWorker.class);

    private final Provisioner provisioner;
    private final DesiredSessions desired;
    private final ProvisioningKeys keys;
    private final ProvisioningProperties properties;
    private final UnifiedJedis redis;
    private final Clock clock;
    private final ExecutorService threads;

    ProvisioningWorker(Provisioner provisioner, DesiredSessions desired, ProvisioningKeys keys,
            ProvisioningProperties properties, RedisStore store, Clock clock, MeterRegistry meters) {
        this.provisioner = provisioner;
        this.desired = desired;
        this.keys = keys;
        this.properties = properties;
        this.redis = store.redis();
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(properties.workers(), r -> {
            Thread thread = new Thread(r, "provisioning-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Gauge.builder("streaming.provisioning.due", () -> redis.zcard(keys.due()))
                .description("Sessions waiting for their Zoom meeting to be brought up to date").register(meters);
    }

    @Scheduled(fixedDelayString = "${platform.streaming.provisioning.poll-interval:500ms}",
            initialDelayString = "${platform.streaming.provisioning.poll-interval:500ms}")
    void drain() {
        if (!properties.workerEnabled()) {
            return;
        }
        try {
            List<String> due = desired.dueNow(properties.batchSize());
            if (due.isEmpty()) {
                return;
            }
            List<Future<String>> running = new ArrayList<>(due.size());
            for (String sessionId : due) {
                running.add(threads.submit(() -> provisioner.reconcile(sessionId)));
            }
            for (Future<String> result : running) {
                try {
                    result.get();
                } catch (java.util.concurrent.ExecutionException failed) {
                    log.warn("Provisioning a session failed unexpectedly; it stays due", failed.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Provisioning pass failed; the next one tries again", e);
        }
    }

    @EventListener
    void onHostAdded(HostPool.HostAdded added) {
        Set<String> waiting = redis.smembers(keys.waitingForHost());
        long now = clock.millis();
        for (String sessionId : waiting) {
            redis.zadd(keys.due(), now, sessionId);
        }
        if (!waiting.isEmpty()) {
            log.info("Host {} joined the pool: {} sessions waiting for a host are due again", added.userId(),
                    waiting.size());
        }
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}

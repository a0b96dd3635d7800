package dev.hybridconf.kit.lease;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.hybridconf.kit.redis.Fence;

/**
 * One holder's right to do some work alone, for a limited time, with a fencing token. The holder renews it while
 * the work runs ({@link #keepRenewed()}), asks {@link #held()} before steps it must not take without it (a call
 * that creates something elsewhere), makes the write that ends the work conditional on it
 * ({@code store.atomically().requireFence(lease)...}) and releases it when done ({@link #release()}).
 *
 * <p>{@link #held()} is this process's conservative view: false once released, once a renewal found another
 * holder, or once the lease time has passed since the last renewal Redis confirmed (a process that cannot reach
 * Redis stops believing it holds the lease before Redis forgets it). The fence in the final write is the
 * authority.
 */
public final class Lease implements Fence, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Lease.class);

    private final Leases leases;
    private final String name;
    private final String leaseKey;
    private final String fenceKey;
    private final long token;
    private final String value;
    private final Duration ttl;
    private volatile long validUntilNanos;
    private volatile boolean lost;
    private volatile boolean released;
    private volatile ScheduledFuture<?> renewal;

    Lease(Leases leases, String name, String leaseKey, String fenceKey, long token, String holder, Duration ttl,
            long askedAtNanos) {
        this.leases = leases;
        this.name = name;
        this.leaseKey = leaseKey;
        this.fenceKey = fenceKey;
        this.token = token;
        this.value = token + " " + holder;
        this.ttl = ttl;
        this.validUntilNanos = askedAtNanos + ttl.toNanos();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String fenceKey() {
        return fenceKey;
    }

    @Override
    public long token() {
        return token;
    }

    public Duration ttl() {
        return ttl;
    }

    /** Whether this holder may still believe it holds the lease (see the class comment); the fence decides. */
    public boolean held() {
        return !released && !lost && System.nanoTime() - validUntilNanos < 0;
    }

    /**
     * Extends the lease by its time, now. A lease that lapsed while nobody took it is taken again (its token is
     * still the latest).
     *
     * @return false when another holder has it (the lease is then lost for good)
     */
    public boolean renew() {
        if (released || lost) {
            return false;
        }
        long asked = System.nanoTime();
        Object renewed = Leases.SCRIPT.run(leases.redis(), List.of(leaseKey, fenceKey),
                List.of("RENEW", Long.toString(ttl.toMillis()), value, Long.toString(token)));
        if (Long.valueOf(1).equals(renewed)) {
            validUntilNanos = asked + ttl.toNanos();
            return true;
        }
        lost = true;
        return false;
    }

    /**
     * Renews the lease every third of its time until it is released or lost. A renewal Redis does not answer is
     * tried again at the next tick; {@link #held()} turns false once the lease time has passed without one.
     */
    public Lease keepRenewed() {
        long every = Math.max(1, ttl.toMillis() / 3);
        try {
            renewal = leases.renewals().scheduleAtFixedRate(this::renewQuietly, every, every, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            log.debug("Lease {} not renewed: the renewals stopped", name);
        }
        return this;
    }

    private void renewQuietly() {
        try {
            if (!renew()) {
                log.warn("Lease {} (token {}) was taken over by another holder", name, token);
                stopRenewing();
            }
        } catch (RuntimeException e) {
            log.warn("Lease {} could not be renewed, will try again: {}", name, e.toString());
        }
    }

    /** Stops renewing and gives the lease up if this holder still has it; the next holder can start at once. */
    public void release() {
        if (released) {
            return;
        }
        released = true;
        stopRenewing();
        if (lost) {
            return;
        }
        try {
            Leases.SCRIPT.run(leases.redis(), List.of(leaseKey, fenceKey), List.of("RELEASE", "0", value));
        } catch (RuntimeException e) {
            // Redis away: the lease lapses by itself after its time.
            log.warn("Lease {} could not be released; it lapses by itself: {}", name, e.toString());
        }
    }

    @Override
    public void close() {
        release();
    }

    private void stopRenewing() {
        ScheduledFuture<?> scheduled = renewal;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    @Override
    public String toString() {
        return "Lease[" + name + ", token " + token + (held() ? "" : ", no longer held") + "]";
    }
}

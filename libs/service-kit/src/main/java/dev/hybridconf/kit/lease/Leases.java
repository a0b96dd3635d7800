package dev.hybridconf.kit.lease;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisScript;
import redis.clients.jedis.UnifiedJedis;

/**
 * Hands out {@link Lease}s on the service's Redis: at most one holder per name at a time, across replicas. Acquiring
 * is {@code SET NX PX} of the lease key with a new fencing token from an {@code INCR} counter, in one script
 * ({@code redis/lease.lua}, both keys passed as KEYS and sharing a hash tag, so Redis Cluster keeps them on one
 * node); renewing and releasing compare the holder's value first. Renewals run on this object's own scheduler.
 *
 * <p>Keys: {@code <keyspace>:lease:{<name>}} (the lease, expiring) and {@code <keyspace>:lease:{<name>}:fence}
 * (the latest token; kept, so a token is never handed out twice).
 */
public class Leases implements AutoCloseable {

    static final RedisScript SCRIPT = RedisScript.fromClasspath("/redis/lease.lua");

    private final UnifiedJedis redis;
    private final KeySpace keys;
    private final String holder;
    private final ScheduledExecutorService renewals;

    /**
     * @param holder who takes the leases (this replica's instance id), kept in the lease for whoever looks
     */
    public Leases(UnifiedJedis redis, KeySpace keys, String holder) {
        this.redis = redis;
        this.keys = keys;
        this.holder = holder;
        AtomicInteger n = new AtomicInteger();
        this.renewals = Executors.newScheduledThreadPool(1, task -> {
            Thread thread = new Thread(task, "lease-renewal-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Takes the lease {@code name} for {@code ttl} if nobody holds it; renew it ({@link Lease#keepRenewed()}) for
     * work that may last longer.
     *
     * @param name what the work is, e.g. {@code outbox-relay} or {@code provisioning:<session id>} (no braces)
     */
    public Optional<Lease> tryAcquire(String name, Duration ttl) {
        if (name.isBlank() || name.indexOf('{') >= 0 || name.indexOf('}') >= 0) {
            throw new IllegalArgumentException("a lease name is not blank and has no braces: " + name);
        }
        if (ttl.toMillis() < 3) {
            throw new IllegalArgumentException("a lease lasts at least a few milliseconds: " + ttl);
        }
        String leaseKey = keys.key("lease", "{" + name + "}");
        String fenceKey = leaseKey + ":fence";
        long started = System.nanoTime();
        Object token = SCRIPT.run(redis, List.of(leaseKey, fenceKey),
                List.of("ACQUIRE", Long.toString(ttl.toMillis()), holder));
        long value = token instanceof Long number ? number : 0;
        if (value <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Lease(this, name, leaseKey, fenceKey, value, holder, ttl, started));
    }

    /** Who takes the leases of this object. */
    public String holder() {
        return holder;
    }

    UnifiedJedis redis() {
        return redis;
    }

    ScheduledExecutorService renewals() {
        return renewals;
    }

    /**
     * Stops renewing every lease of this object at once, without releasing them: they lapse after their time, as a
     * dead process's would. Used at shutdown (after the work released what it held) and by tests.
     */
    @Override
    public void close() {
        renewals.shutdownNow();
    }
}

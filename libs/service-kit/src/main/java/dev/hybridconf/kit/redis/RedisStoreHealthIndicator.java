package dev.hybridconf.kit.redis;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import redis.clients.jedis.UnifiedJedis;

/** Reports DOWN when the service's Redis does not answer, so readiness follows the store. */
public class RedisStoreHealthIndicator extends AbstractHealthIndicator {

    private final UnifiedJedis redis;

    public RedisStoreHealthIndicator(UnifiedJedis redis) {
        super("Redis is not reachable");
        this.redis = redis;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String pong = redis.ping();
        builder.status("PONG".equals(pong) ? "UP" : "DOWN");
    }
}

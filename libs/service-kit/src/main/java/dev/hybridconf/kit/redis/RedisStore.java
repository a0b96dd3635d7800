package dev.hybridconf.kit.redis;

import dev.hybridconf.contracts.EventCodec;
import redis.clients.jedis.UnifiedJedis;

/**
 * A service's handle on its Redis key space: plain reads through {@link #redis()}, and every state
 * change through {@link #atomically()} so that it and its events are written together.
 */
public class RedisStore {

    private final UnifiedJedis redis;
    private final KeySpace keys;
    private final EventCodec codec;
    private final String source;
    private final String outboxTopic;
    private final AtomicWriteScript script = new AtomicWriteScript();

    public RedisStore(UnifiedJedis redis, KeySpace keys, EventCodec codec, String source, String outboxTopic) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
        this.source = source;
        this.outboxTopic = outboxTopic;
    }

    public AtomicWrite atomically() {
        return new AtomicWrite(redis, script, keys, codec, source, outboxTopic);
    }

    /** For reads. Writes that matter go through {@link #atomically()}. */
    public UnifiedJedis redis() {
        return redis;
    }

    public KeySpace keys() {
        return keys;
    }
}

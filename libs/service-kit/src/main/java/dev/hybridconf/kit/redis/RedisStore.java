package dev.hybridconf.kit.redis;

import java.util.function.Supplier;

import dev.hybridconf.contracts.EventCodec;
import redis.clients.jedis.UnifiedJedis;

/**
 * A service's handle on its Redis key space: plain reads through {@link #redis()}, and every state
 * change through {@link #atomically()} so that it and its events are written together.
 */
public class RedisStore {

    private static final RedisScript ATOMIC_WRITE = RedisScript.fromClasspath("/redis/atomic-write.lua");

    private final UnifiedJedis redis;
    private final KeySpace keys;
    private final EventCodec codec;
    private final String source;
    private final String outboxTopic;
    private final Supplier<String> traceparent;

    public RedisStore(UnifiedJedis redis, KeySpace keys, EventCodec codec, String source, String outboxTopic) {
        this(redis, keys, codec, source, outboxTopic, () -> null);
    }

    /**
     * @param traceparent the W3C {@code traceparent} of the span current on the calling thread (null when there is
     *                    none): each emitted event's outbox entry keeps it, and the relay continues that trace
     */
    public RedisStore(UnifiedJedis redis, KeySpace keys, EventCodec codec, String source, String outboxTopic,
            Supplier<String> traceparent) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
        this.source = source;
        this.outboxTopic = outboxTopic;
        this.traceparent = traceparent;
    }

    public AtomicWrite atomically() {
        return new AtomicWrite(redis, ATOMIC_WRITE, keys, codec, source, outboxTopic, traceparent);
    }

    /**
     * Whether the event was applied before, as {@link AtomicWrite#onlyOnce} would find: on a listener thread, the
     * handler's position is past the record or the handler's marker (or one from before markers were per handler)
     * exists; elsewhere, the marker exists. For a handler whose effect is outside Redis (a mail) and is checked
     * before it is done.
     */
    public boolean alreadyApplied(String eventId) {
        ConsumedRecord record = ConsumedRecord.current();
        if (record == null) {
            return redis.exists(keys.processed(eventId));
        }
        String positions = ConsumedRecord.positionsKey(keys, record.handler(), record.topic());
        String position = redis.hget(positions, Integer.toString(record.partition()));
        if (position == null) {
            position = redis.hget(positions, "*");
        }
        if (position != null && Long.parseLong(position) >= record.offset()) {
            return true;
        }
        return redis.exists(ConsumedRecord.markerKey(keys, record.handler(), eventId))
                || redis.exists(keys.processed(eventId));
    }

    /** For reads. Writes that matter go through {@link #atomically()}. */
    public UnifiedJedis redis() {
        return redis;
    }

    public KeySpace keys() {
        return keys;
    }
}

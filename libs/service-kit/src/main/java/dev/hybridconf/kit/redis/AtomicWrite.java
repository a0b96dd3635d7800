package dev.hybridconf.kit.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.EventPayload;
import dev.hybridconf.kit.errors.ProblemException;
import redis.clients.jedis.UnifiedJedis;

/**
 * One atomic change of a service's state together with the events it causes. Preconditions are
 * checked first; if one fails nothing is written. Events go to the outbox stream in the same step,
 * so a state change is never published without being stored, nor stored without being published.
 *
 * <pre>{@code
 * store.atomically()
 *      .requireAbsent(keys.key("email", email), () -> new ConflictException(...))
 *      .hset(keys.key("registration", id), fields)
 *      .emit(new RegistrationSubmitted(...))
 *      .execute();
 * }</pre>
 */
public final class AtomicWrite {

    /** What happened. */
    public enum Outcome {
        /** Every write and event was applied. */
        APPLIED,
        /** The {@link #onlyOnce} marker already existed: this event was applied before, nothing changed. */
        DUPLICATE
    }

    private final UnifiedJedis redis;
    private final AtomicWriteScript script;
    private final KeySpace keys;
    private final EventCodec codec;
    private final String source;
    private final String outboxTopic;
    private final List<String> keyList = new ArrayList<>();
    private final Map<String, Integer> keyIndex = new LinkedHashMap<>();
    private final List<String> args = new ArrayList<>();
    private final List<Supplier<? extends ProblemException>> failures = new ArrayList<>();
    private final List<CloudEvent> emitted = new ArrayList<>();
    private int operations;

    AtomicWrite(UnifiedJedis redis, AtomicWriteScript script, KeySpace keys, EventCodec codec, String source,
            String outboxTopic) {
        this.redis = redis;
        this.script = script;
        this.keys = keys;
        this.codec = codec;
        this.source = source;
        this.outboxTopic = outboxTopic;
    }

    /** Apply this write at most once per consumed event id; a repeat is a {@link Outcome#DUPLICATE}. */
    public AtomicWrite onlyOnce(String eventId, Duration remember) {
        return op("ONCE", keys.processed(eventId), null, Long.toString(Math.max(1, remember.toSeconds())));
    }

    /** Fail with the given problem if the key exists. */
    public AtomicWrite requireAbsent(String key, Supplier<? extends ProblemException> otherwise) {
        return op("ABSENT", key, otherwise);
    }

    /** Fail with the given problem if the key does not exist. */
    public AtomicWrite requirePresent(String key, Supplier<? extends ProblemException> otherwise) {
        return op("PRESENT", key, otherwise);
    }

    /** Fail with the given problem unless the hash field holds the expected value (optimistic check). */
    public AtomicWrite requireField(String key, String field, String expected,
            Supplier<? extends ProblemException> otherwise) {
        return op("EQUALS", key, otherwise, field, expected);
    }

    /** Fail with the given problem unless the hash field holds one of the allowed values (e.g. a state check). */
    public AtomicWrite requireFieldIn(String key, String field, Collection<String> allowed,
            Supplier<? extends ProblemException> otherwise) {
        List<String> opArgs = new ArrayList<>(allowed.size() + 1);
        opArgs.add(field);
        opArgs.addAll(allowed);
        return op("ONE_OF", key, otherwise, opArgs.toArray(String[]::new));
    }

    /**
     * Fail with the given problem unless the numeric hash field (missing counts as 0) is below
     * {@code limit}: with an {@link #hincrBy} in the same write, a counter that never passes its limit
     * however many replicas write at once.
     */
    public AtomicWrite requireBelow(String key, String field, long limit, Supplier<? extends ProblemException> otherwise) {
        return op("BELOW", key, otherwise, field, Long.toString(limit));
    }

    /** Fail with the given problem unless {@code member} is in the sorted set (e.g. still waiting, still holding a place). */
    public AtomicWrite requireRanked(String key, String member, Supplier<? extends ProblemException> otherwise) {
        return op("RANKED", key, otherwise, member);
    }

    /** Fail with the given problem if {@code member} is in the sorted set. */
    public AtomicWrite requireUnranked(String key, String member, Supplier<? extends ProblemException> otherwise) {
        return op("UNRANKED", key, otherwise, member);
    }

    /**
     * Fail with the given problem unless the sorted set (missing counts as empty) has fewer than
     * {@code limit} members: with a {@link #zadd} of a new member in the same write, a set that never
     * grows past its limit however many replicas write at once, and whose size is the count itself.
     */
    public AtomicWrite requireSizeBelow(String key, long limit, Supplier<? extends ProblemException> otherwise) {
        return op("ZCARD_BELOW", key, otherwise, Long.toString(limit));
    }

    public AtomicWrite set(String key, String value) {
        return op("SET", key, null, value);
    }

    public AtomicWrite hset(String key, Map<String, String> fields) {
        if (fields.isEmpty()) {
            return this;
        }
        List<String> flat = new ArrayList<>(fields.size() * 2);
        fields.forEach((field, value) -> {
            flat.add(field);
            flat.add(value);
        });
        return op("HSET", key, null, flat.toArray(String[]::new));
    }

    public AtomicWrite hincrBy(String key, String field, long by) {
        return op("HINCRBY", key, null, field, Long.toString(by));
    }

    /** Removes fields of a hash (nothing when none is given). */
    public AtomicWrite hdel(String key, String... fields) {
        return fields.length == 0 ? this : op("HDEL", key, null, fields);
    }

    public AtomicWrite sadd(String key, String... members) {
        return op("SADD", key, null, members);
    }

    public AtomicWrite srem(String key, String... members) {
        return op("SREM", key, null, members);
    }

    /** Lets the key expire after {@code ttl} (e.g. a code written in this step). */
    public AtomicWrite expire(String key, Duration ttl) {
        return op("EXPIRE", key, null, Long.toString(Math.max(1, ttl.toSeconds())));
    }

    /** Adds or re-scores a member of a sorted set (queues and indexes ordered by time). */
    public AtomicWrite zadd(String key, double score, String member) {
        return op("ZADD", key, null, Double.toString(score), member);
    }

    public AtomicWrite zrem(String key, String member) {
        return op("ZREM", key, null, member);
    }

    public AtomicWrite delete(String key) {
        return op("DEL", key, null);
    }

    /** Appends the event to this service's outbox; the relay publishes it to the service's topic. */
    public AtomicWrite emit(EventPayload payload) {
        if (outboxTopic == null) {
            throw new IllegalStateException("platform.kafka.publishes is not set: this service publishes no events");
        }
        CloudEvent event = codec.wrap(source, payload);
        emitted.add(event);
        return op("XADD", keys.outbox(), null,
                OutboxEntry.TOPIC, outboxTopic,
                OutboxEntry.KEY, event.subject(),
                OutboxEntry.EVENT_ID, event.id().toString(),
                OutboxEntry.TYPE, event.type(),
                OutboxEntry.EVENT, codec.toJson(event));
    }

    /** The envelopes this write emits (for the caller's response or logs). */
    public List<CloudEvent> emitted() {
        return List.copyOf(emitted);
    }

    /**
     * Runs the checks and the writes in one Lua step.
     *
     * @throws ProblemException the one supplied with the first failed precondition
     */
    public Outcome execute() {
        List<String> argv = new ArrayList<>(args.size() + 1);
        argv.add(Integer.toString(operations));
        argv.addAll(args);
        List<Object> result = script.run(redis, keyList, argv);
        String status = String.valueOf(result.get(0));
        int failedOp = ((Long) result.get(1)).intValue();
        return switch (status) {
            case "OK" -> Outcome.APPLIED;
            case "DUPLICATE" -> Outcome.DUPLICATE;
            default -> throw failures.get(failedOp - 1).get();
        };
    }

    private AtomicWrite op(String opcode, String key, Supplier<? extends ProblemException> failure, String... opArgs) {
        int index = keyIndex.computeIfAbsent(key, k -> {
            keyList.add(k);
            return keyList.size();
        });
        args.add(opcode);
        args.add(Integer.toString(index));
        args.add(Integer.toString(opArgs.length));
        args.addAll(List.of(opArgs));
        failures.add(failure);
        operations++;
        return this;
    }
}

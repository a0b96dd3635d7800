package dev.hybridconf.kit.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.kafka.common.TopicPartition;

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
 *
 * <p>Each event is numbered in that same step: its {@code aggregateversion} is the next number of its subject on
 * its topic (a counter in {@code <keyspace>:versions:<topic>}, one field per subject), so versions follow the
 * commit order however many replicas write. The outbox entry also carries the W3C {@code traceparent} of the
 * span current when the event was emitted (the request's), which the relay continues.
 */
public final class AtomicWrite {

    /** What happened. */
    public enum Outcome {
        /** Every write and event was applied. */
        APPLIED,
        /**
         * The {@link #onlyOnce} marker already existed, or the handler's position is already past this record: this
         * event was applied before, nothing changed.
         */
        DUPLICATE,
        /** {@link #onlyNewer}: the copy already holds this version of the subject or a newer one; nothing changed. */
        OLDER
    }

    private final UnifiedJedis redis;
    private final RedisScript script;
    private final KeySpace keys;
    private final EventCodec codec;
    private final String source;
    private final String outboxTopic;
    private final Supplier<String> traceparent;
    private final List<String> keyList = new ArrayList<>();
    private final Map<String, Integer> keyIndex = new LinkedHashMap<>();
    private final List<String> args = new ArrayList<>();
    private final List<Supplier<? extends ProblemException>> failures = new ArrayList<>();
    private final List<CloudEvent> emitted = new ArrayList<>();
    private int operations;
    /** The consumed record this write is bound to (its position moves with it), if any. */
    private ConsumedRecord consumed;
    private int positionOp;

    AtomicWrite(UnifiedJedis redis, RedisScript script, KeySpace keys, EventCodec codec, String source,
            String outboxTopic, Supplier<String> traceparent) {
        this.redis = redis;
        this.script = script;
        this.keys = keys;
        this.codec = codec;
        this.source = source;
        this.outboxTopic = outboxTopic;
        this.traceparent = traceparent;
    }

    /**
     * Apply this write at most once per consumed event id; a repeat is a {@link Outcome#DUPLICATE}.
     *
     * <p>On a listener thread of the kit (see {@link ConsumedRecord}) the marker is the handler's own (two listeners of
     * one topic never share markers), and the write also moves the handler's position in the record's partition,
     * requiring it to be below the record's offset: applied once for ever, whatever the markers' lifetime. A marker
     * written before markers were per handler still counts.
     *
     * @throws PositionLostException when Redis holds a position below what this consumer wrote (it lost writes):
     *                               nothing is written, and the container re-reads from Redis's position
     */
    public AtomicWrite onlyOnce(String eventId, Duration remember) {
        ConsumedRecord record = ConsumedRecord.current();
        if (record == null) {
            return onlyOnceAt(keys.processed(eventId), remember);
        }
        if (!record.positionWritten()) {
            position(record);
        }
        op("SEEN", keys.processed(eventId), null);
        return onlyOnceAt(ConsumedRecord.markerKey(keys, record.handler(), eventId), remember);
    }

    /**
     * Moves the current listener's position past the record it is handling (nothing off a listener thread): for a
     * record that has no other effect, so the position does not lag behind what was read.
     */
    public AtomicWrite consumedPosition() {
        ConsumedRecord record = ConsumedRecord.current();
        return record == null || record.positionWritten() ? this : position(record);
    }

    private AtomicWrite position(ConsumedRecord record) {
        consumed = record;
        positionOp = operations + 1;
        return op("POSITION", ConsumedRecord.positionsKey(keys, record.handler(), record.topic()), null,
                Integer.toString(record.partition()), Long.toString(record.offset()), record.floor());
    }

    /**
     * Apply this write only if the consumed event is newer than the version this handler's copy holds of its
     * subject (the event's {@code aggregateversion} against {@code <keyspace>:consumer:<handler>:versions:<topic>},
     * one field per subject), and record its version; an older or equal one changes nothing and the outcome is
     * {@link Outcome#OLDER}. The version stays when the copy's record is deleted (an erasure): a tombstone of one
     * number, no personal data, so nothing late brings the record back. Events without a version (published before
     * versions existed) and writes off a listener thread are not checked.
     */
    public AtomicWrite onlyNewer(CloudEvent event) {
        ConsumedRecord record = ConsumedRecord.current();
        if (record == null || event.aggregateVersion().isEmpty() || event.subject() == null) {
            return this;
        }
        return op("NEWER", ConsumedRecord.versionsKey(keys, record.handler(), record.topic()), null,
                event.subject(), Long.toString(event.aggregateVersion().getAsLong()));
    }

    /**
     * Apply this write at most once per marker key (kept for {@code remember}); when the marker exists, nothing is
     * written and the outcome is {@link Outcome#DUPLICATE}. For markers that are not a consumed event id (e.g. a
     * webhook's body hash).
     */
    public AtomicWrite onlyOnceAt(String markerKey, Duration remember) {
        return op("ONCE", markerKey, null, Long.toString(Math.max(1, remember.toSeconds())));
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

    /**
     * Fail with {@link LeaseLostException} unless the fence's token is still the latest one handed out: the write
     * that ends work done under a lease, so that a holder whose lease lapsed (and was taken over) cannot
     * overwrite the next holder's result.
     */
    public AtomicWrite requireFence(Fence fence) {
        return op("FENCE", fence.fenceKey(), () -> new LeaseLostException(fence.name()), Long.toString(fence.token()));
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

    /** Removes entries of a stream by id (nothing when none is given); the outbox relay's acknowledgement. */
    public AtomicWrite xdel(String key, String... ids) {
        return ids.length == 0 ? this : op("XDEL", key, null, ids);
    }

    /**
     * Appends an entry to a stream (id {@code *}), trimmed to about {@code approxMaxLen} entries
     * ({@code XADD key MAXLEN ~ n * field value ...}): a feed of changes written in the same step as the change it
     * announces, so a reader never sees the entry without the change nor the change without the entry.
     *
     * @param fields the entry's fields in order (at least one)
     */
    public AtomicWrite xadd(String key, long approxMaxLen, Map<String, String> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a stream entry has at least one field");
        }
        if (approxMaxLen < 1) {
            throw new IllegalArgumentException("a stream keeps at least one entry: " + approxMaxLen);
        }
        List<String> flat = new ArrayList<>(fields.size() * 2 + 1);
        flat.add(Long.toString(approxMaxLen));
        fields.forEach((field, value) -> {
            flat.add(field);
            flat.add(value);
        });
        return op("XADD", key, null, flat.toArray(String[]::new));
    }

    /** Appends the event to this service's outbox; the relay publishes it to the service's topic. */
    public AtomicWrite emit(EventPayload payload) {
        if (outboxTopic == null) {
            throw new IllegalStateException("platform.kafka.publishes is not set: this service publishes no events");
        }
        return emit(outboxTopic, codec.wrap(source, payload));
    }

    /**
     * Appends an event for another of the service's topics (e.g. an internal hand-off topic), with an id derived
     * from its cause, so that the same cause always gives the same event id.
     */
    public AtomicWrite emitTo(String logicalTopic, UUID eventId, EventPayload payload) {
        return emit(logicalTopic, codec.wrap(source, payload, eventId));
    }

    /**
     * Appends a record that already exists as bytes to the outbox, for the relay to publish to {@code logicalTopic}
     * as it is: same key (null for none), same value, these headers, and no new {@code aggregateversion} (a
     * dead letter's replay: the event was numbered when first emitted). The relay continues {@code traceparent}
     * (may be null).
     */
    public AtomicWrite emitRaw(String logicalTopic, String key, byte[] value, List<Map.Entry<String, byte[]>> headers,
            String traceparent) {
        List<String> opArgs = new ArrayList<>(List.of(OutboxEntry.TOPIC, logicalTopic,
                OutboxEntry.KEY, key == null ? "" : key,
                OutboxEntry.VALUE, java.util.Base64.getEncoder().encodeToString(value == null ? new byte[0] : value),
                OutboxEntry.HEADERS, OutboxEntry.encodeHeaders(headers)));
        if (key == null) {
            opArgs.add(OutboxEntry.NO_KEY);
            opArgs.add("1");
        }
        if (traceparent != null) {
            opArgs.add(OutboxEntry.TRACEPARENT);
            opArgs.add(traceparent);
        }
        return op("RAW", keys.outbox(), null, opArgs.toArray(String[]::new));
    }

    private AtomicWrite emit(String topic, CloudEvent event) {
        String json = codec.toJson(event);
        if (!json.endsWith("}")) {
            throw new IllegalStateException("an envelope is a JSON object: " + json);
        }
        emitted.add(event);
        String versions = keys.key("versions", topic);
        int versionsIndex = keyIndex(versions);
        List<String> opArgs = new ArrayList<>(List.of(Integer.toString(versionsIndex), event.subject(), json,
                OutboxEntry.TOPIC, topic,
                OutboxEntry.KEY, event.subject(),
                OutboxEntry.EVENT_ID, event.id().toString(),
                OutboxEntry.TYPE, event.type()));
        String trace = traceparent.get();
        if (trace != null) {
            opArgs.add(OutboxEntry.TRACEPARENT);
            opArgs.add(trace);
        }
        return op("EMIT", keys.outbox(), null, opArgs.toArray(String[]::new));
    }

    /**
     * The envelopes this write emits (for the caller's response or logs); after {@link #execute()} each carries
     * the {@code aggregateversion} the step gave it.
     */
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
        @SuppressWarnings("unchecked")
        List<Object> result = (List<Object>) script.run(redis, keyList, argv);
        String status = String.valueOf(result.get(0));
        int failedOp = ((Long) result.get(1)).intValue();
        return switch (status) {
            case "OK" -> {
                if (consumed != null) {
                    consumed.written();
                }
                for (int i = 0; i < emitted.size() && i + 2 < result.size(); i++) {
                    emitted.set(i, emitted.get(i).withAggregateVersion((Long) result.get(i + 2)));
                }
                yield Outcome.APPLIED;
            }
            case "DUPLICATE" -> {
                if (consumed != null) {
                    if (failedOp == positionOp) {
                        consumed.written();
                    } else {
                        moveOnlyPosition();
                    }
                }
                yield Outcome.DUPLICATE;
            }
            case "OLDER" -> {
                if (consumed != null) {
                    moveOnlyPosition();
                }
                yield Outcome.OLDER;
            }
            case "REBUILDING" -> throw new RebuildInProgressException(consumed.handler());
            case "REWOUND" -> {
                long position = (Long) result.get(2);
                consumed.rewound(position);
                throw new PositionLostException(consumed.handler(),
                        new TopicPartition(consumed.topic(), consumed.partition()), position);
            }
            default -> throw failures.get(failedOp - 1).get();
        };
    }

    /** A marker or a version stopped this write: the record is handled all the same, so its position moves. */
    private void moveOnlyPosition() {
        new AtomicWrite(redis, script, keys, codec, source, outboxTopic, traceparent).position(consumed).execute();
    }

    private int keyIndex(String key) {
        return keyIndex.computeIfAbsent(key, k -> {
            keyList.add(k);
            return keyList.size();
        });
    }

    private AtomicWrite op(String opcode, String key, Supplier<? extends ProblemException> failure, String... opArgs) {
        int index = keyIndex(key);
        args.add(opcode);
        args.add(Integer.toString(index));
        args.add(Integer.toString(opArgs.length));
        args.addAll(List.of(opArgs));
        failures.add(failure);
        operations++;
        return this;
    }
}

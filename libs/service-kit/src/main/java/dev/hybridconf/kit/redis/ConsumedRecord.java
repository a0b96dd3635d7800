package dev.hybridconf.kit.redis;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * The record a listener thread is handling, set by the kit's listener containers around each call: which handler
 * (the {@code @KafkaListener} id), which topic, partition and offset. An {@link AtomicWrite#onlyOnce} made on that
 * thread binds itself to it: the event-id marker is the handler's own, and the write also moves the handler's
 * position in the partition ({@code <keyspace>:consumer:<handler>:positions:<topic>}, one field per partition),
 * which it requires to be below this record's offset. So an event is applied once per handler for ever (a
 * redelivery finds the position past it), and a position Redis lost (its last second, a rebuild) is noticed by
 * the next write, which asks the container to re-read from the position Redis holds.
 */
public final class ConsumedRecord {

    private static final ThreadLocal<ConsumedRecord> CURRENT = new ThreadLocal<>();

    private final String handler;
    private final String topic;
    private final int partition;
    private final long offset;
    /** Per handler and partition: the last offset this process wrote as the position (null: nothing yet). */
    private final Map<TopicPartition, Long> floors;
    private boolean positionWritten;

    public ConsumedRecord(String handler, String topic, int partition, long offset, Map<TopicPartition, Long> floors) {
        this.handler = handler;
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.floors = floors;
    }

    /** The record being handled on this thread, or null off a listener thread. */
    public static ConsumedRecord current() {
        return CURRENT.get();
    }

    public static void enter(ConsumedRecord record) {
        CURRENT.set(record);
    }

    public static void leave() {
        CURRENT.remove();
    }

    public String handler() {
        return handler;
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }

    /** The hash of the handler's positions in {@code topic} (one field per partition). */
    public static String positionsKey(KeySpace keys, String handler, String topic) {
        return keys.key("consumer", handler, "positions", topic);
    }

    /** The handler's marker that it applied an event. */
    public static String markerKey(KeySpace keys, String handler, String eventId) {
        return keys.key("consumer", handler, "processed", eventId);
    }

    /** The hash of the versions a handler's copy holds, per subject of {@code topic}. */
    public static String versionsKey(KeySpace keys, String handler, String topic) {
        return keys.key("consumer", handler, "versions", topic);
    }

    /** Whether a write on this record already moved the position (a second write for one event must not). */
    public boolean positionWritten() {
        return positionWritten;
    }

    String floor() {
        Long floor = floors.get(new TopicPartition(topic, partition));
        return floor == null ? "" : Long.toString(floor);
    }

    void written() {
        positionWritten = true;
        floors.merge(new TopicPartition(topic, partition), offset, Math::max);
    }

    /** Redis holds {@code position} for this partition, below what this process wrote: from now on that is the floor. */
    void rewound(long position) {
        floors.put(new TopicPartition(topic, partition), position);
    }
}

package dev.hybridconf.kit.redis;

import org.apache.kafka.common.TopicPartition;

/**
 * A consumer's position in Redis is below what the consumer wrote there: Redis lost writes (the last second
 * before a crash, with {@code appendfsync everysec}) or a view was rebuilt. Nothing was written; the kit's error
 * handler seeks the partition to the record after {@link #position()}, so the lost effects are applied again,
 * in order.
 */
public class PositionLostException extends RuntimeException {

    private final transient TopicPartition partition;
    private final long position;

    public PositionLostException(String handler, TopicPartition partition, long position) {
        super("position of " + handler + " in " + partition + " went back to " + position + " in Redis; re-reading");
        this.partition = partition;
        this.position = position;
    }

    public TopicPartition partition() {
        return partition;
    }

    /** The last offset handled according to Redis (-1: none, read from the start). */
    public long position() {
        return position;
    }
}

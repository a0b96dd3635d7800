package dev.hybridconf.kit.messaging;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.RecordInterceptor;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.kit.redis.ConsumedRecord;
import dev.hybridconf.kit.redis.PositionLostException;
import dev.hybridconf.kit.redis.RedisStore;

/**
 * One listener's positions, kept in Redis with its effects (see {@link ConsumedRecord}). Around each record it
 * tells the listener thread which record it handles; after a record with no effect it moves the position all the
 * same; on partition assignment it seeks each partition to the record after the position Redis holds, so Redis,
 * not Kafka's committed offset, says where the handler is (Kafka's offset only counts when Redis holds none: a new
 * handler, or an upgrade from before positions).
 */
final class ConsumerPositions implements RecordInterceptor<String, CloudEvent>, ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(ConsumerPositions.class);
    /** One INFO line per event a handler took; {@code logging.level.dev.hybridconf.events.handled=WARN} silences it. */
    private static final Logger handled = LoggerFactory.getLogger("dev.hybridconf.events.handled");

    private final String handler;
    private final RedisStore store;
    private final ConsumerHealthIndicator health;
    /** The last position this process wrote (or found on assignment) per partition: below it, Redis lost writes. */
    private final Map<TopicPartition, Long> floors = new ConcurrentHashMap<>();

    ConsumerPositions(String handler, RedisStore store, ConsumerHealthIndicator health) {
        this.handler = handler;
        this.store = store;
        this.health = health;
    }

    @Override
    public ConsumerRecord<String, CloudEvent> intercept(ConsumerRecord<String, CloudEvent> record,
            Consumer<String, CloudEvent> consumer) {
        ConsumedRecord.enter(new ConsumedRecord(handler, record.topic(), record.partition(), record.offset(), floors));
        return record;
    }

    @Override
    public void success(ConsumerRecord<String, CloudEvent> record, Consumer<String, CloudEvent> consumer) {
        health.applied(record);
        CloudEvent event = record.value();
        if (event != null && handled.isInfoEnabled()) {
            // Under the trace the event carries (the request's, through the outbox): one id from the gateway's log
            // to every consumer's.
            handled.info("{} handled {} {} (subject {}, version {}) from {}-{}@{}", handler, event.type(), event.id(),
                    event.subject(), event.aggregateVersion().isPresent() ? event.aggregateVersion().getAsLong() : "-", record.topic(),
                    record.partition(), record.offset());
        }
        ConsumedRecord current = ConsumedRecord.current();
        if (current != null && !current.positionWritten()) {
            try {
                // A record the handler skipped: its position moves too, so a restart does not read it again.
                store.atomically().consumedPosition().execute();
            } catch (PositionLostException e) {
                // Nothing to redo for this record; the handler's next write re-reads what Redis lost.
                log.warn("{}", e.getMessage());
            } catch (RuntimeException e) {
                log.debug("Position of {} after a skipped record not moved: {}", handler, e.toString());
            }
        }
    }

    @Override
    public void afterRecord(ConsumerRecord<String, CloudEvent> record, Consumer<String, CloudEvent> consumer) {
        ConsumedRecord.leave();
    }

    @Override
    public void clearThreadState(Consumer<?, ?> consumer) {
        ConsumedRecord.leave();
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            floors.remove(partition);
            try {
                String key = ConsumedRecord.positionsKey(store.keys(), handler, partition.topic());
                String stored = store.redis().hget(key, Integer.toString(partition.partition()));
                if (stored == null) {
                    stored = store.redis().hget(key, "*");
                }
                if (stored != null) {
                    long position = Long.parseLong(stored);
                    consumer.seek(partition, position + 1);
                    floors.put(partition, position);
                    log.debug("{} resumes {} after offset {} (its position in Redis)", handler, partition, position);
                }
            } catch (RuntimeException e) {
                // Redis not answering: Kafka's committed offset stands; every write still checks the position,
                // so nothing is applied twice.
                log.warn("{} could not read its position in {} from Redis; resuming at Kafka's offset: {}", handler,
                        partition, e.toString());
            }
        }
    }

    @Override
    public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(floors::remove);
        health.released(partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(floors::remove);
        health.released(partitions);
    }
}

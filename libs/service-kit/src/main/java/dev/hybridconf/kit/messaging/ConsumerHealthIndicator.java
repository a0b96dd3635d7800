package dev.hybridconf.kit.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.listener.RetryListener;

/**
 * The consumers' health: DOWN while any listener is retrying an event for a transient failure (Redis or the
 * broker unavailable, a timeout), with the partition, the failure and since when; UP again once that event was
 * applied. It is part of the readiness group, so an outage shows there while it lasts. A lost optimistic race is
 * retried too but is not an outage and does not count.
 */
public class ConsumerHealthIndicator extends AbstractHealthIndicator implements RetryListener {

    private record Stall(String topicPartition, String failure, Instant since, int attempts) {
    }

    private final Clock clock;
    /** Per consumer thread and partition: two listeners of one topic in one service stall separately. */
    private final Map<String, Stall> stalls = new ConcurrentHashMap<>();

    public ConsumerHealthIndicator(Clock clock) {
        super("consumers are not applying events");
        this.clock = clock;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
        Throwable cause = rootCause(ex);
        boolean outage = FailureClass.of(ex) == FailureClass.TRANSIENT
                && !(cause instanceof dev.hybridconf.kit.errors.ProblemException);
        if (!outage) {
            return;
        }
        String tp = record.topic() + "-" + record.partition();
        stalls.compute(key(record), (k, stall) -> new Stall(tp, cause.getClass().getSimpleName(),
                stall == null ? clock.instant() : stall.since(), deliveryAttempt));
    }

    /** The record was applied (or dead-lettered): its partition moves again. */
    void applied(ConsumerRecord<?, ?> record) {
        if (!stalls.isEmpty()) {
            stalls.remove(key(record));
        }
    }

    /** Partitions this consumer thread no longer holds (revoked, lost, container stopped): not its stall any more. */
    void released(Collection<TopicPartition> partitions) {
        if (!stalls.isEmpty()) {
            partitions.forEach(partition -> stalls.remove(
                    Thread.currentThread().getName() + "/" + partition.topic() + "-" + partition.partition()));
        }
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
        applied(record);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (stalls.isEmpty()) {
            builder.up();
            return;
        }
        Map<String, Object> details = new TreeMap<>();
        stalls.values().forEach(stall -> details.put(stall.topicPartition(), Map.of("failure", stall.failure(),
                "since", stall.since().toString(), "attempts", stall.attempts())));
        builder.down().withDetails(details);
    }

    private static String key(ConsumerRecord<?, ?> record) {
        return Thread.currentThread().getName() + "/" + record.topic() + "-" + record.partition();
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}

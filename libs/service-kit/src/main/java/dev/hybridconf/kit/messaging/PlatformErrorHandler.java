package dev.hybridconf.kit.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.BackOff;

import dev.hybridconf.kit.redis.PositionLostException;

/**
 * Spring's {@link DefaultErrorHandler} (retry in place with back-off, then the recoverer), plus one case of its own:
 * when a write found that Redis lost part of the handler's position ({@link PositionLostException}), the partition
 * is sought back to the record after the position Redis holds, at once and without counting as a failure, so the
 * effects Redis lost are applied again in order; the other partitions of the poll are re-read from their first
 * unhandled record, as Spring does.
 */
class PlatformErrorHandler extends DefaultErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(PlatformErrorHandler.class);

    PlatformErrorHandler(ConsumerRecordRecoverer recoverer, BackOff backOff) {
        super(recoverer, backOff);
    }

    @Override
    public void handleRemaining(Exception thrownException, List<ConsumerRecord<?, ?>> records, Consumer<?, ?> consumer,
            MessageListenerContainer container) {
        PositionLostException lost = find(thrownException);
        if (lost == null) {
            super.handleRemaining(thrownException, records, consumer, container);
            return;
        }
        Map<TopicPartition, Long> seeks = new LinkedHashMap<>();
        for (ConsumerRecord<?, ?> record : records) {
            seeks.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
        }
        seeks.put(lost.partition(), lost.position() + 1);
        log.warn("{}", lost.getMessage());
        seeks.forEach(consumer::seek);
    }

    private static PositionLostException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PositionLostException lost) {
                return lost;
            }
        }
        return null;
    }
}

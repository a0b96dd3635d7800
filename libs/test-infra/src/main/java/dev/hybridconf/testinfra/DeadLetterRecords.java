package dev.hybridconf.testinfra;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Dead letters as Spring's {@code DeadLetterPublishingRecoverer} writes them, for tests that need one written
 * earlier (e.g. an event that was refused then and is valid now): the value and key as they were, and the
 * {@code kafka_dlt-*} headers naming the original topic, partition and offset and the exception.
 */
public final class DeadLetterRecords {

    private DeadLetterRecords() {
    }

    public static ProducerRecord<String, String> deadLetter(String deadLetterTopic, String originalTopic, String key,
            String value, String exceptionClass, String exceptionMessage) {
        List<Header> headers = List.of(
                new RecordHeader("kafka_dlt-original-topic", originalTopic.getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(0).array()),
                new RecordHeader("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(42).array()),
                new RecordHeader("kafka_dlt-exception-fqcn", exceptionClass.getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("kafka_dlt-exception-message", exceptionMessage.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(deadLetterTopic, null, key, value, headers);
    }
}

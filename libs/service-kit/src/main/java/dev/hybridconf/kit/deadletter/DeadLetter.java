package dev.hybridconf.kit.deadletter;

import java.time.Instant;

/**
 * One record of a dead-letter topic, as an operator reads it.
 *
 * @param partition        its partition in the dead-letter topic
 * @param offset           its offset there; with the partition, what a replay names
 * @param originalTopic    the topic it was consumed from (physical name, from Spring's DLT headers)
 * @param originalPartition its partition there (null when the header is missing)
 * @param originalOffset   its offset there (null when the header is missing)
 * @param key              its Kafka key (the aggregate id)
 * @param eventId          the CloudEvents id, when the value is an envelope
 * @param eventType        the CloudEvents type, when the value is an envelope
 * @param reason           why it was dead-lettered: {@code hybridconf-dlt-reason}, else the exception's class and message
 * @param exception        the exception's class name (Spring's {@code kafka_dlt-exception-fqcn}), when known
 * @param deadLetteredAt   when it was written to the dead-letter topic (the record's timestamp)
 * @param replayedAt       when it was replayed, null while it was not
 * @param replayedBy       who replayed it, null while it was not
 * @param value            the value as text (only when reading one record; a preview of at most
 *                         {@value DeadLetters#PREVIEW} characters in lists); null when it is not UTF-8
 * @param valueBase64      the value's bytes in Base64 when it is not UTF-8 text (only when reading one record)
 */
public record DeadLetter(int partition, long offset, String originalTopic, Integer originalPartition,
        Long originalOffset, String key, String eventId, String eventType, String reason, String exception,
        Instant deadLetteredAt, Instant replayedAt, String replayedBy, String value, String valueBase64) {
}

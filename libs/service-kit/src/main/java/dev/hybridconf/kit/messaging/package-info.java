/**
 * Kafka wiring: topic names and their creation, the idempotent {@code acks=all} producer, and
 * consumers that survive poison messages (error-handling deserialiser, bounded retries, dead-letter
 * topic). Services never send to Kafka directly; they emit through the outbox.
 */
package dev.hybridconf.kit.messaging;

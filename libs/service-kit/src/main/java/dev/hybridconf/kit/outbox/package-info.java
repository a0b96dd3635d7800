/**
 * The outbox relay: drains the service's Redis outbox stream into Kafka and acknowledges an entry
 * only after Kafka has acknowledged it; entries left unacknowledged by a dead relay are taken over.
 */
package dev.hybridconf.kit.outbox;

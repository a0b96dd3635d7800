/**
 * The platform's event contracts: the CloudEvents envelope, the logical event types with their
 * payload records, and the topic names. Every service depends on this module; it has no Spring and
 * no storage, only the shapes that cross Kafka. Each event type has a JSON Schema under
 * {@code schemas/<type>.json} on the classpath.
 */
package dev.hybridconf.contracts;

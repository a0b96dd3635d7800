/**
 * The service kit: mechanisms every service shares (Redis store and outbox, Kafka wiring, dead letters, problem
 * details, security, metrics). It holds no business rules; a service adds it as a dependency and
 * gets the wiring through auto-configuration, configured under the {@code platform} prefix.
 */
package dev.hybridconf.kit;

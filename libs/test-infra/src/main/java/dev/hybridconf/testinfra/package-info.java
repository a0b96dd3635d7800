/**
 * Real infrastructure for integration tests without Docker: one Kafka broker (embedded KRaft) and
 * one Redis server per test JVM, each test class isolated by its own namespace (topic and key
 * prefix). With {@code -Dplatform.test.infrastructure=testcontainers} (Maven profile
 * {@code testcontainers}) the same tests run against Kafka and Redis containers instead.
 */
package dev.hybridconf.testinfra;

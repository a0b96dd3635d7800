/**
 * The local launcher: the platform on one machine without Docker. {@link dev.hybridconf.launcher.LocalStack}
 * runs a real Kafka broker, a real Redis server, the services and the gateway as child processes;
 * {@link dev.hybridconf.launcher.LocalLauncher} is the command around it. No Spring here, on purpose:
 * the launcher must start fast and must not share a classpath with what it launches.
 */
package dev.hybridconf.launcher;

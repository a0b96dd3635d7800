/**
 * Dead letters an operator can see, understand and replay: for each topic the service consumes, the records of its
 * dead-letter topic ({@code <topic>.dlt}) with their reason, a replay of chosen ones (or all) to the original topic
 * through the service's outbox, at most once per dead letter, and the gauge {@code dead.letters.depth} of those
 * not replayed yet. Runbook: {@code docs/runbooks/dead-letters.md}.
 */
package dev.hybridconf.kit.deadletter;

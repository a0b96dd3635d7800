/**
 * The day's trends, kept up to date: {@link dev.hybridconf.rapporteur.trends.TrendWorker} analyses every day marked
 * in {@code analysis:dirty} (by the inputs on each effective corpus change, by the thesaurus on each change) under a
 * kit lease, and stores the result only if the corpus and thesaurus versions it read are still current, in the same
 * step as it removes the mark and announces it on the live stream; readers get the stored analysis with labels in
 * their language and {@code pending} when it is behind. Keys {@code analysis:<conferenceId>:<day>},
 * {@code analysis:dirty}.
 */
package dev.hybridconf.rapporteur.trends;

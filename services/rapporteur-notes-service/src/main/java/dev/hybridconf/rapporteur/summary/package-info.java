/**
 * A day's trend summary: drafts generated from the stored trends in a language, edited by the day's rapporteurs
 * (every revision kept), marked stale when the text they were written from changed, and published as numbered
 * versions with {@code rapporteur.summary-published.v1} in the same atomic step. Readers get published versions only,
 * through {@link dev.hybridconf.rapporteur.summary.PublishedSummaries}. Keys {@code rapporteur:summary:*}.
 */
package dev.hybridconf.rapporteur.summary;

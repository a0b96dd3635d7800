package dev.hybridconf.rapporteur.trends;

import java.time.Instant;

import dev.hybridconf.rapporteur.analysis.DayTrends;

/**
 * An analysis as stored.
 *
 * @param corpusVersion    the day's corpus version it was computed from
 * @param thesaurusVersion the thesaurus version it used
 * @param pending          the corpus or thesaurus moved since: a newer analysis is on its way
 */
public record StoredTrends(DayTrends trends, long corpusVersion, long thesaurusVersion, Instant analysedAt,
        boolean pending) {
}

package dev.hybridconf.rapporteur.analysis;

import java.util.List;
import java.util.Map;

/**
 * A key phrase or a concept of the day.
 *
 * @param key        {@code c:<conceptId>} or {@code p:<lang>:<analysed tokens>}
 * @param kind       {@code CONCEPT} or {@code PHRASE}
 * @param labels     display label per language (a phrase: its own language only)
 * @param rank       1-based among the top trends, 0 for recurring terms beyond them
 * @param breakouts  distinct breakouts raising it today
 * @param languages  languages it was raised in, sorted
 * @param sessionIds breakouts raising it, sorted
 * @param recurring  raised by at least {@code minBreakouts} breakouts
 * @param isNew      recurring today and raised on no earlier day
 * @param emerging   raised significantly more often than on earlier days
 * @param emergence  the figures behind {@code emerging}; null on the first day with conclusions
 * @param salience   TextRank salience in [0, 1]
 * @param words      per language, the surfaces seen
 */
public record Trend(String key, String kind, Map<String, String> labels, int rank, double score, int breakouts,
        List<String> languages, List<String> sessionIds, boolean recurring, boolean isNew, boolean emerging,
        Emergence emergence, double salience, Map<String, List<String>> words, List<Evidence> evidence) {
}

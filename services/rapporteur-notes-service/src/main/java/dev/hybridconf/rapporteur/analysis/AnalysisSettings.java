package dev.hybridconf.rapporteur.analysis;

/**
 * The method's parameters (ADR 0020).
 *
 * @param top             trends listed by rank
 * @param minBreakouts    breakouts raising a term for it to be recurring
 * @param priorStrength   α of the informative Dirichlet prior of the log-odds
 * @param zEmerging       z-score from which a term is emerging
 * @param emergenceWeight how much emergence moves the score: exp(w · clamp(z, −2, 4)); 0.1 by default, tuned on
 *                        the planted-trends benchmark (ADR 0020: at 0.35 two-breakout coincidences new today
 *                        outranked themes carried over from the day before)
 * @param window          co-occurrence window of TextRank, in tokens
 * @param evidence        sentences quoted per trend
 */
public record AnalysisSettings(int top, int minBreakouts, double priorStrength, double zEmerging,
        double emergenceWeight, int window, int evidence) {

    public static final AnalysisSettings DEFAULTS = new AnalysisSettings(10, 2, 10.0, 1.96, 0.1, 3, 3);
}

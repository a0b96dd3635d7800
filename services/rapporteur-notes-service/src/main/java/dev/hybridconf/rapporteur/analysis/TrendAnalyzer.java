package dev.hybridconf.rapporteur.analysis;

/**
 * What recurs in a day's conclusions, what is new and what is emerging, with its evidence (ADR 0020). Pure and
 * deterministic: the same input gives the same result, byte for byte, whatever the order conclusions arrived in.
 */
public interface TrendAnalyzer {

    DayTrends analyse(AnalysisInput input);
}

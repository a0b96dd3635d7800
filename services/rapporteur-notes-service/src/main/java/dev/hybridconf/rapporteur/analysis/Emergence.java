package dev.hybridconf.rapporteur.analysis;

/** Breakouts raising a term today and earlier, of those reporting, and the log-odds ratio with its z-score. */
public record Emergence(int today, int reportingToday, int earlier, int reportingEarlier, double logOdds, double z) {
}

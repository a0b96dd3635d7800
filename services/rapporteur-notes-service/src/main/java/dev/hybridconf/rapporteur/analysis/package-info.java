/**
 * The trend analysis of a day's breakout conclusions (ADR 0020): what recurs across breakouts, what is new, what is
 * emerging against the earlier days, and the evidence for each, across English, French and Spanish through the
 * conference's thesaurus. Pure Java, no Spring, no Redis: {@link dev.hybridconf.rapporteur.analysis.TrendAnalyzer} is
 * the port, {@link dev.hybridconf.rapporteur.analysis.LuceneTrendAnalyzer} the implementation; the trend worker
 * (package {@code trends}) runs it and stores the results.
 */
package dev.hybridconf.rapporteur.analysis;

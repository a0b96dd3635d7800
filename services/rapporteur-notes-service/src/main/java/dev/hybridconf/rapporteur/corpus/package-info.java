/**
 * The breakouts' conclusions as this service keeps them (every revision, the current one, the lock decision), the
 * listener {@code rapporteur-inputs} that keeps them and the programme copy from {@code session.events}, and the rule
 * that one effective change bumps its day's corpus version, marks the analysis and appends to the live stream in the
 * same step ({@link dev.hybridconf.rapporteur.corpus.CorpusMarks}). Keys {@code corpus:*}; writes {@code live:*} and
 * {@code analysis:dirty}.
 */
package dev.hybridconf.rapporteur.corpus;

package dev.hybridconf.rapporteur.analysis;

/** Characters {@code [start, end)} of a sentence. */
public record Highlight(int start, int end) {
}

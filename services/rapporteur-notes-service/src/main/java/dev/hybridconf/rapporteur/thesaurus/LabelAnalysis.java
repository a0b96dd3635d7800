package dev.hybridconf.rapporteur.thesaurus;

import java.util.List;

/**
 * How a thesaurus label reads once analysed in its language: the tokens the analyser will match it by. The
 * thesaurus refuses a label that keeps no token (only stop words or punctuation) and two concepts whose labels read
 * the same in one language (the analyser could not tell which one a text raises).
 *
 * <p>The service's bean reads labels with the trend analyser's own language chains (stop words, elision, light
 * stemming, folding: {@code trends.AnalyserConfiguration}), so that validation and matching agree.
 */
public interface LabelAnalysis {

    /** The analysed tokens of {@code label} in {@code language} ({@code en}, {@code fr}, {@code es}); empty when none is left. */
    List<String> tokens(String language, String label);
}

package dev.hybridconf.rapporteur.thesaurus;

import java.util.List;

/**
 * How a thesaurus label reads once analysed in its language: the tokens the analyser will match it by. The
 * thesaurus refuses a label that keeps no token (only stop words or punctuation) and two concepts whose labels read
 * the same in one language (the analyser could not tell which one a text raises).
 *
 * <p>The service's bean is {@link PlainLabelAnalysis} (lower case, marks stripped, split at anything that is not a
 * letter or digit) unless another {@code LabelAnalysis} bean exists: the analyser's language chains (stop words,
 * light stemming, folding) are meant to provide one, so that validation and matching agree.
 */
public interface LabelAnalysis {

    /** The analysed tokens of {@code label} in {@code language} ({@code en}, {@code fr}, {@code es}); empty when none is left. */
    List<String> tokens(String language, String label);
}

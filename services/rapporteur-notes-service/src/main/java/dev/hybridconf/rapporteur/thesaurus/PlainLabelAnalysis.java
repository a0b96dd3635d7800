package dev.hybridconf.rapporteur.thesaurus;

import java.util.Arrays;
import java.util.List;

import dev.hybridconf.rapporteur.corpus.ThemeTags;

/**
 * The simplest {@link LabelAnalysis}: the label folded as theme tags are ({@link ThemeTags#key}: NFKC, lower case,
 * marks stripped) and split at every character that is not a letter or a digit. It knows no stop words and no
 * stemming, so it refuses fewer labels than the analyser's chains would (only labels made of punctuation) and
 * finds fewer ambiguities ({@code logement} and {@code logements} are two labels to it).
 */
public final class PlainLabelAnalysis implements LabelAnalysis {

    @Override
    public List<String> tokens(String language, String label) {
        return Arrays.stream(ThemeTags.key(label).split("[^\\p{L}\\p{N}]+")).filter(token -> !token.isEmpty()).toList();
    }
}

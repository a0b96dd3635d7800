package dev.hybridconf.rapporteur.analysis;

import java.util.ArrayList;
import java.util.List;

import dev.hybridconf.rapporteur.analysis.ConceptMatcher.Unit;

/**
 * Key-phrase candidates of a sentence: the 2- and 3-grams of terms inside a run, a run being terms one position
 * apart with no clause punctuation between them. A removed stop word, a comma, a concept match or the end of the
 * sentence ends a run, so no phrase spans two clauses.
 */
final class Candidates {

    /** A phrase occurrence: key {@code p:<language>:<terms>}, its source text and offsets in the sentence. */
    record Gram(String key, String surface, int start, int end) {
    }

    private Candidates() {
    }

    static List<Gram> grams(String language, String sentence, List<Unit> units) {
        List<Gram> grams = new ArrayList<>();
        int runStart = 0;
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            if (unit.concept() || !unit.joined()) {
                runStart = i;
            }
            if (unit.concept()) {
                runStart = i + 1;
                continue;
            }
            for (int n = 2; n <= 3; n++) {
                int first = i - n + 1;
                if (first < runStart) {
                    break;
                }
                StringBuilder key = new StringBuilder("p:").append(language).append(':');
                for (int k = first; k <= i; k++) {
                    key.append(k == first ? "" : " ").append(units.get(k).key());
                }
                int start = units.get(first).start();
                grams.add(new Gram(key.toString(), sentence.substring(start, unit.end()), start, unit.end()));
            }
        }
        return grams;
    }
}

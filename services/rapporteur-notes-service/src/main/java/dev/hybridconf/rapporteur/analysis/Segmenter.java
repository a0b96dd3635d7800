package dev.hybridconf.rapporteur.analysis;

import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * Sentences of a text by ICU4J's UAX #29 sentence rules for the text's language. The ICU version is pinned with
 * Lucene's, so the segmentation of a given text never changes between runs.
 */
final class Segmenter {

    /** Characters {@code [start, end)} of a text, white space trimmed. */
    record Span(int start, int end) {
    }

    private Segmenter() {
    }

    static List<Span> sentences(String language, String text) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(new ULocale(language));
        iterator.setText(text);
        List<Span> spans = new ArrayList<>();
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            int s = start;
            int e = end;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (e > s) {
                spans.add(new Span(s, e));
            }
        }
        return spans;
    }
}

package dev.hybridconf.session.programme;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The platform's languages and texts given in several of them. */
final class Languages {

    /** Every language the platform speaks, in display order. */
    static final List<String> ALL = List.of("en", "fr", "es");

    private Languages() {
    }

    /** The texts in the platform's order (en, fr, es), without blanks. */
    static Map<String, String> ordered(Map<String, String> texts) {
        Map<String, String> ordered = new LinkedHashMap<>();
        if (texts != null) {
            for (String language : ALL) {
                String text = texts.get(language);
                if (text != null && !text.isBlank()) {
                    ordered.put(language, text);
                }
            }
        }
        return java.util.Collections.unmodifiableMap(ordered);
    }

    /** The text in the reader's language, else the first there is (en, fr, es). */
    static String in(Map<String, String> texts, Locale locale) {
        if (texts == null || texts.isEmpty()) {
            return "";
        }
        String wanted = locale == null ? "en" : locale.getLanguage();
        if (texts.containsKey(wanted)) {
            return texts.get(wanted);
        }
        for (String language : ALL) {
            if (texts.containsKey(language)) {
                return texts.get(language);
            }
        }
        return texts.values().iterator().next();
    }
}

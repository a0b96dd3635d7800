package dev.hybridconf.session.export;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.hybridconf.session.programme.Conference;

/**
 * The language an export is written in ({@code ?lang=en|fr|es}; the conference's first working
 * language when absent). A text missing in it falls back to the first there is (en, fr, es).
 */
record ExportLanguage(String code) {

    static final List<String> ALL = List.of("en", "fr", "es");

    /** @throws ExportParameterException naming {@code lang} when it is not en, fr or es */
    static ExportLanguage of(String lang, Conference conference) {
        if (lang == null || lang.isBlank()) {
            List<String> working = conference == null ? List.of() : conference.languages();
            return new ExportLanguage(working.isEmpty() ? "en" : working.get(0));
        }
        String code = lang.trim().toLowerCase(Locale.ROOT);
        if (!ALL.contains(code)) {
            throw new ExportParameterException("lang", "export.field.lang");
        }
        return new ExportLanguage(code);
    }

    Locale locale() {
        return Locale.forLanguageTag(code);
    }

    String in(Map<String, String> texts) {
        if (texts == null || texts.isEmpty()) {
            return "";
        }
        if (texts.containsKey(code)) {
            return texts.get(code);
        }
        for (String language : ALL) {
            if (texts.containsKey(language)) {
                return texts.get(language);
            }
        }
        return texts.values().iterator().next();
    }
}

package dev.hybridconf.session.programme;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.hybridconf.contracts.interpretation.LanguageCatalogue;

/**
 * The names, in the platform's three languages, of the languages sessions are held and interpreted in: those of the
 * interpretation contract's {@link LanguageCatalogue}; another code is named by the JDK's locale data when it knows
 * it, else by the code itself.
 */
final class LanguageNames {

    private LanguageNames() {
    }

    /** The language's name by reader's language ({@code en}, {@code fr}, {@code es}), in that order. */
    static Map<String, String> of(String code) {
        Optional<LanguageCatalogue.Language> known = LanguageCatalogue.find(code);
        if (known.isPresent()) {
            return known.get().names();
        }
        Map<String, String> names = new LinkedHashMap<>();
        Locale language = Locale.forLanguageTag(code);
        for (String reader : Languages.ALL) {
            String name = language.getDisplayLanguage(Locale.forLanguageTag(reader));
            names.put(reader, name == null || name.isBlank() ? code : name);
        }
        return java.util.Collections.unmodifiableMap(names);
    }
}

package dev.hybridconf.session.programme;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The names, in the platform's three languages, of the languages sessions are held and interpreted in: the
 * codes the interpretation plan uses (ISO 639: two letters for spoken languages, three for sign languages).
 * Another code is named by the JDK's locale data when it knows it, else by the code itself.
 */
final class LanguageNames {

    private static final Map<String, Map<String, String>> KNOWN = Map.ofEntries(
            names("en", "English", "anglais", "inglés"),
            names("fr", "French", "français", "francés"),
            names("es", "Spanish", "espagnol", "español"),
            names("ar", "Arabic", "arabe", "árabe"),
            names("pt", "Portuguese", "portugais", "portugués"),
            names("de", "German", "allemand", "alemán"),
            names("it", "Italian", "italien", "italiano"),
            names("ru", "Russian", "russe", "ruso"),
            names("zh", "Chinese", "chinois", "chino"),
            names("ja", "Japanese", "japonais", "japonés"),
            names("ko", "Korean", "coréen", "coreano"),
            names("ca", "Catalan", "catalan", "catalán"),
            names("tr", "Turkish", "turc", "turco"),
            names("sw", "Swahili", "swahili", "suajili"),
            names("ils", "International Sign", "signes internationaux", "signos internacionales"),
            names("ssp", "Spanish Sign Language (LSE)", "langue des signes espagnole (LSE)",
                    "lengua de signos española (LSE)"),
            names("fsl", "French Sign Language (LSF)", "langue des signes française (LSF)",
                    "lengua de señas francesa (LSF)"),
            names("bfi", "British Sign Language (BSL)", "langue des signes britannique (BSL)",
                    "lengua de señas británica (BSL)"),
            names("ase", "American Sign Language (ASL)", "langue des signes américaine (ASL)",
                    "lengua de señas americana (ASL)"),
            names("csc", "Catalan Sign Language (LSC)", "langue des signes catalane (LSC)",
                    "lengua de signos catalana (LSC)"));

    private LanguageNames() {
    }

    /** The language's name by reader's language ({@code en}, {@code fr}, {@code es}), in that order. */
    static Map<String, String> of(String code) {
        Map<String, String> known = KNOWN.get(code);
        if (known != null) {
            return known;
        }
        Map<String, String> names = new LinkedHashMap<>();
        Locale language = Locale.forLanguageTag(code);
        for (String reader : Languages.ALL) {
            String name = language.getDisplayLanguage(Locale.forLanguageTag(reader));
            names.put(reader, name == null || name.isBlank() ? code : name);
        }
        return java.util.Collections.unmodifiableMap(names);
    }

    private static Map.Entry<String, Map<String, String>> names(String code, String en, String fr, String es) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("en", en);
        names.put("fr", fr);
        names.put("es", es);
        return Map.entry(code, java.util.Collections.unmodifiableMap(names));
    }
}

package dev.hybridconf.contracts.interpretation;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The languages sessions are held and interpreted in, as the interpretation events carry them: ISO 639 codes (two letters for spoken languages, three for
 * sign languages, which have no two-letter code), whether each is a sign language, and its name in the
 * platform's three languages. A conference's working languages are the platform's ({@code en fr es});
 * extras (Arabic, Portuguese, International Sign ...) are declared per conference from this list.
 */
public final class LanguageCatalogue {

    /** A known language: its code, whether it is signed, and its name by reader's language. */
    public record Language(String code, boolean sign, Map<String, String> names) {

        public String name(String readerLanguage) {
            return names.getOrDefault(readerLanguage, names.get("en"));
        }
    }

    private static final Map<String, Language> KNOWN = Map.ofEntries(
            spoken("en", "English", "anglais", "inglés"),
            spoken("fr", "French", "français", "francés"),
            spoken("es", "Spanish", "espagnol", "español"),
            spoken("ar", "Arabic", "arabe", "árabe"),
            spoken("pt", "Portuguese", "portugais", "portugués"),
            spoken("de", "German", "allemand", "alemán"),
            spoken("it", "Italian", "italien", "italiano"),
            spoken("ru", "Russian", "russe", "ruso"),
            spoken("zh", "Chinese", "chinois", "chino"),
            spoken("ja", "Japanese", "japonais", "japonés"),
            spoken("ko", "Korean", "coréen", "coreano"),
            spoken("ca", "Catalan", "catalan", "catalán"),
            spoken("tr", "Turkish", "turc", "turco"),
            spoken("sw", "Swahili", "swahili", "suajili"),
            signed("ils", "International Sign", "signes internationaux", "signos internacionales"),
            signed("ssp", "Spanish Sign Language (LSE)", "langue des signes espagnole (LSE)",
                    "lengua de signos española (LSE)"),
            signed("fsl", "French Sign Language (LSF)", "langue des signes française (LSF)",
                    "lengua de señas francesa (LSF)"),
            signed("bfi", "British Sign Language (BSL)", "langue des signes britannique (BSL)",
                    "lengua de señas británica (BSL)"),
            signed("ase", "American Sign Language (ASL)", "langue des signes américaine (ASL)",
                    "lengua de señas americana (ASL)"),
            signed("csc", "Catalan Sign Language (LSC)", "langue des signes catalane (LSC)",
                    "lengua de signos catalana (LSC)"));

    /** The platform's working languages: what registrations and the programme use. */
    public static final Set<String> PLATFORM = Set.of("en", "fr", "es");

    private LanguageCatalogue() {
    }

    /** The language of a code, case-insensitive and trimmed; empty for an unknown or blank code. */
    public static Optional<Language> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(KNOWN.get(code.trim().toLowerCase(Locale.ROOT)));
    }

    public static boolean isKnown(String code) {
        return find(code).isPresent();
    }

    public static boolean isSign(String code) {
        return find(code).map(Language::sign).orElse(false);
    }

    public static Map<String, Language> all() {
        return KNOWN;
    }

    private static Map.Entry<String, Language> spoken(String code, String en, String fr, String es) {
        return Map.entry(code, new Language(code, false, names(en, fr, es)));
    }

    private static Map.Entry<String, Language> signed(String code, String en, String fr, String es) {
        return Map.entry(code, new Language(code, true, names(en, fr, es)));
    }

    /** Names in the readers' order: en, fr, es. */
    private static Map<String, String> names(String en, String fr, String es) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        names.put("en", en);
        names.put("fr", fr);
        names.put("es", es);
        return java.util.Collections.unmodifiableMap(names);
    }
}

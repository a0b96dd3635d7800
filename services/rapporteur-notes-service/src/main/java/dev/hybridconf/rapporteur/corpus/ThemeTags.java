package dev.hybridconf.rapporteur.corpus;

import java.text.Normalizer;
import java.util.Locale;

/** One key per theme tag however moderators spell it: "Logement ", "logement" and "LOGEMENT" are one theme. */
public final class ThemeTags {

    private ThemeTags() {
    }

    /** NFKC, case-folded, marks stripped, inner white space collapsed, trimmed. */
    public static String key(String tag) {
        String compatible = Normalizer.normalize(tag, Normalizer.Form.NFKC);
        String decomposed = Normalizer.normalize(compatible, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }
}

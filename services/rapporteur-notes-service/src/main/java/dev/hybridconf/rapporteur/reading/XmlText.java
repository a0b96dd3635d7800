package dev.hybridconf.rapporteur.reading;

/**
 * Text that people wrote (theme tags, titles, notes) made safe to put into XML, SVG or HTML written by hand: every
 * markup character escaped and every character XML 1.0 cannot carry (controls, unpaired surrogates, U+FFFE/U+FFFF)
 * dropped, so the document stays well formed whatever the text holds.
 */
final class XmlText {

    private XmlText() {
    }

    /** Escaped for element content and for attribute values in double or single quotes. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        String clean = clean(text);
        StringBuilder out = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Only the characters XML 1.0 allows (tab, line feed and carriage return are kept). */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD
                    || cp >= 0x20 && cp <= 0xD7FF
                    || cp >= 0xE000 && cp <= 0xFFFD
                    || cp >= 0x10000 && cp <= 0x10FFFF;
            // A lone surrogate comes back from codePointAt as itself (0xD800-0xDFFF): not allowed above.
            if (allowed) {
                out.appendCodePoint(cp);
            }
            i += width;
        }
        return out.toString();
    }

    /** At most {@code max} code points, the cut marked with an ellipsis; never splits a surrogate pair. */
    static String shorten(String text, int max) {
        String clean = clean(text).strip().replaceAll("\\s+", " ");
        if (clean.codePointCount(0, clean.length()) <= max) {
            return clean;
        }
        int end = clean.offsetByCodePoints(0, max - 1);
        return clean.substring(0, end).stripTrailing() + "…";
    }
}

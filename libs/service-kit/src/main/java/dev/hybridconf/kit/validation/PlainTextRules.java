package dev.hybridconf.kit.validation;

/**
 * The rule behind {@link PlainText}, for code that validates outside Bean Validation (a programme
 * file read as a tree). Refused, because a person reading the text would not see them or they would
 * break what shows it (a badge, a CSV file, a Zoom meeting title, a terminal):
 * <ul>
 * <li>control characters (U+0000–U+001F, U+007F–U+009F), NUL included; a multi-line text may hold
 * line feeds, carriage returns and tabs;</li>
 * <li>the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
 * reorder what others see around the text ("Trojan Source");</li>
 * <li>the line and paragraph separators (U+2028, U+2029) in single-line text;</li>
 * <li>a lone surrogate (a JSON {@code "\ud800"}), which is not a character and cannot be stored as UTF-8;</li>
 * <li>Unicode noncharacters (U+FDD0–U+FDEF, U+xxFFFE, U+xxFFFF).</li>
 * </ul>
 * Everything else is allowed: every script, accents, emoji, the ordinary right-to-left text of Arabic
 * or Hebrew (which needs no override characters), and the left-to-right and right-to-left marks.
 */
public final class PlainTextRules {

    private PlainTextRules() {
    }

    public static boolean isPlain(CharSequence text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
                if ((codePoint & 0xFFFE) == 0xFFFE) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            } else if (!allowed(c, multiline)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowed(char c, boolean multiline) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return multiline;
        }
        if (Character.getType(c) == Character.CONTROL) {
            return false;
        }
        if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
            return false;
        }
        if (c == '\u2028' || c == '\u2029') {
            return multiline;
        }
        return !(c >= '\uFDD0' && c <= '\uFDEF') && c != '\uFFFE' && c != '\uFFFF';
    }
}

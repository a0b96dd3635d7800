package dev.hybridconf.streaming.zoom;

/**
 * One sign language interpreter of a meeting ({@code settings.sign_language_interpretation.interpreters[]}): their
 * Zoom e-mail and the sign language as Zoom names it ({@code sign_language}), one of the names the host's account
 * lists in its user settings ({@code sign_language_interpretation.languages}, e.g. {@code American},
 * {@code French}, {@code Spanish}, or a custom language added in Zoom's web portal such as
 * {@code International Sign}).
 */
public record SignInterpreter(String email, String signLanguage) {

    /** Leaves the e-mail (personal data) out of logs. */
    @Override
    public String toString() {
        return "SignInterpreter[email=" + (email == null ? "null" : "[redacted]") + ", signLanguage=" + signLanguage
                + "]";
    }
}

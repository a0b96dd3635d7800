package dev.hybridconf.streaming.zoom;

/**
 * One interpreter of a meeting. {@code languages} is Zoom's form: two of its language ids separated
 * by a comma, e.g. {@code "US,FR"} for English and French.
 */
public record Interpreter(String email, String languages) {

    public static Interpreter between(String email, ZoomLanguage one, ZoomLanguage other) {
        if (one == other) {
            throw new IllegalArgumentException("an interpreter works between two different languages");
        }
        return new Interpreter(email, one.zoomId() + "," + other.zoomId());
    }

    /** Leaves the e-mail (personal data) out of logs. */
    @Override
    public String toString() {
        return "Interpreter[email=" + (email == null ? "null" : "[redacted]") + ", languages=" + languages + "]";
    }
}

package dev.hybridconf.streaming.zoom;

import java.util.List;

/**
 * {@code settings.sign_language_interpretation}: Zoom's sign language interpretation, each interpreter with the
 * one sign language they give (Zoom shows their video to those who pick that language). Like spoken
 * interpretation, at most {@value LanguageInterpretation#MAX_INTERPRETERS} interpreters, and not inside breakout
 * rooms.
 */
public record SignLanguageInterpretation(Boolean enable, List<SignInterpreter> interpreters) {

    public SignLanguageInterpretation {
        interpreters = interpreters == null ? null : List.copyOf(interpreters);
        if (interpreters != null && interpreters.size() > LanguageInterpretation.MAX_INTERPRETERS) {
            throw new IllegalArgumentException("Zoom allows at most " + LanguageInterpretation.MAX_INTERPRETERS
                    + " sign language interpreters, not " + interpreters.size());
        }
    }

    public static SignLanguageInterpretation of(List<SignInterpreter> interpreters) {
        return new SignLanguageInterpretation(true, interpreters);
    }

    public static SignLanguageInterpretation off() {
        return new SignLanguageInterpretation(false, List.of());
    }
}

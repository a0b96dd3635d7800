package dev.hybridconf.streaming.zoom;

import java.util.List;

/**
 * {@code settings.language_interpretation}: Zoom's simultaneous interpretation, up to 20
 * interpreters a meeting, each between two languages of Zoom's fixed list. Does not work in
 * breakout rooms; an interpreted breakout needs a meeting of its own.
 */
public record LanguageInterpretation(Boolean enable, List<Interpreter> interpreters) {

    public static final int MAX_INTERPRETERS = 20;

    public LanguageInterpretation {
        interpreters = interpreters == null ? null : List.copyOf(interpreters);
        if (interpreters != null && interpreters.size() > MAX_INTERPRETERS) {
            throw new IllegalArgumentException("Zoom allows at most " + MAX_INTERPRETERS + " interpreters, not "
                    + interpreters.size());
        }
    }

    public static LanguageInterpretation of(List<Interpreter> interpreters) {
        return new LanguageInterpretation(true, interpreters);
    }

    public static LanguageInterpretation off() {
        return new LanguageInterpretation(false, List.of());
    }
}

package dev.hybridconf.session.programme;

import java.time.LocalDate;
import java.util.Map;

/**
 * One day of a conference.
 *
 * @param theme the day's theme by language code, in every working language, or empty
 */
public record ProgrammeDay(LocalDate date, Map<String, String> theme) {

    public ProgrammeDay {
        theme = Languages.ordered(theme);
    }
}

package dev.hybridconf.contracts.session;

import java.time.LocalDate;
import java.util.Map;

/**
 * One day of a conference in its events.
 *
 * @param theme the day's theme by language code ({@code en}, {@code fr}, {@code es}); empty when the day has none
 */
public record ConferenceDay(LocalDate date, Map<String, String> theme) {

    public ConferenceDay {
        theme = theme == null ? Map.of() : Map.copyOf(theme);
    }
}

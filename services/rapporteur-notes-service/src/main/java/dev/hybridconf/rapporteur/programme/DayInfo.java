package dev.hybridconf.rapporteur.programme;

import java.time.LocalDate;
import java.util.Map;

/** A conference day and its theme per language (empty when the programme names none). */
public record DayInfo(LocalDate date, Map<String, String> theme) {

    public DayInfo {
        theme = Map.copyOf(theme);
    }
}

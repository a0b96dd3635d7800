package dev.hybridconf.rapporteur.assignments;

import java.time.LocalDate;
import java.util.List;

/**
 * The rapporteurs of one conference day, as organisers set them.
 *
 * @param rapporteurs registration ids of the day's rapporteurs
 * @param themes      rapporteurs of a theme of the day (they are assigned to the day too)
 */
public record DayAssignment(LocalDate day, List<String> rapporteurs, List<ThemeAssignment> themes) {

    public DayAssignment {
        rapporteurs = List.copyOf(rapporteurs);
        themes = List.copyOf(themes);
    }

    /**
     * @param theme the theme as the organiser wrote it
     * @param key   its {@code ThemeTags.key}: one theme however it is spelled
     */
    public record ThemeAssignment(String theme, String key, List<String> rapporteurs) {

        public ThemeAssignment {
            rapporteurs = List.copyOf(rapporteurs);
        }
    }

    boolean names(String subject) {
        return rapporteurs.contains(subject) || themes.stream().anyMatch(t -> t.rapporteurs().contains(subject));
    }
}

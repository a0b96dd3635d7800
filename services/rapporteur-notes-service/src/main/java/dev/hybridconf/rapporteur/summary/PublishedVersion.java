package dev.hybridconf.rapporteur.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One publication of a day's summary.
 *
 * @param version 1 for the first, later ones are corrections
 * @param texts   per language published in it
 * @param missing working languages not published in it
 * @param notes   per changed language, what the correction changed (empty for version 1)
 */
public record PublishedVersion(String conferenceId, LocalDate day, int version, Instant publishedAt,
        Map<String, PublishedText> texts, List<String> missing, Map<String, String> notes) {
}

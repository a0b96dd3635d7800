package dev.hybridconf.rapporteur.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * @param method              names the method and its version, e.g. {@code lucene-9.12.3/textrank-w3/logodds-a10/1}
 * @param reporting           breakouts with a conclusion today
 * @param reportingByLanguage of which, per language
 * @param complete            every breakout of the day has reported and is locked
 * @param trends              the top trends by rank, then every other recurring term
 */
public record DayTrends(String conferenceId, LocalDate day, String method, int reporting,
        Map<String, Integer> reportingByLanguage, boolean complete, List<Trend> trends, List<SdgCount> sdgs,
        List<ThemeCount> themes) {
}

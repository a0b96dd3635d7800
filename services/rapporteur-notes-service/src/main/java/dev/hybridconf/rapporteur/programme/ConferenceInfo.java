package dev.hybridconf.rapporteur.programme;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A conference as the programme published it.
 *
 * @param name      per language (en, fr, es)
 * @param zone      where it takes place; times are answered in it
 * @param languages working languages, in the conference's order
 * @param days      its days with their theme per language, by date
 */
public record ConferenceInfo(String id, Map<String, String> name, ZoneId zone, List<String> languages,
        List<DayInfo> days) {

    public ConferenceInfo {
        name = Map.copyOf(name);
        languages = List.copyOf(languages);
        days = List.copyOf(days);
    }
}

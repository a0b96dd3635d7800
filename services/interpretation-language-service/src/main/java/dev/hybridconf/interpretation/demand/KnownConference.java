package dev.hybridconf.interpretation.demand;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A conference as the session service last published it (its newest snapshot by programme version).
 *
 * @param name             the conference's name by language code
 * @param timeZone         its IANA zone
 * @param languages        its working languages (what registrations and the programme use)
 * @param days             its days, in order
 * @param programmeVersion the programme version of the snapshot held
 */
public record KnownConference(String id, Map<String, String> name, ZoneId timeZone, List<String> languages,
        LocalDate startDate, LocalDate endDate, List<LocalDate> days, long programmeVersion) {

    public KnownConference {
        name = Map.copyOf(name);
        languages = List.copyOf(languages);
        days = List.copyOf(days);
    }
}

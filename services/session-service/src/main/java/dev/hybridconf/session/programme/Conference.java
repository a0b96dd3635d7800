package dev.hybridconf.session.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.hybridconf.contracts.session.RegistrationTerms;
import tools.jackson.core.type.TypeReference;

/**
 * A conference as stored: its details, its days, and two versions. {@code version} counts changes of
 * the conference itself; {@code programmeVersion} counts every published change of the programme
 * (conference, days or sessions) and guards every write, so that two changes decided on the same
 * programme can never both be stored.
 *
 * @param id           the conference's slug, e.g. {@code local-action-2024}; never changes
 * @param timeZone     the zone in which the programme's local times are given and days are counted
 * @param registration how the conference takes registrations (places per mode, window); the registration
 *                     service admits people by it
 */
public record Conference(
        String id,
        long version,
        long programmeVersion,
        Map<String, String> name,
        ZoneId timeZone,
        List<String> languages,
        LocalDate startDate,
        LocalDate endDate,
        boolean invitationOnly,
        RegistrationTerms registration,
        List<ProgrammeDay> days,
        Instant updatedAt) {

    public Conference {
        name = Languages.ordered(name);
        languages = List.copyOf(languages);
        days = days.stream().sorted(Comparator.comparing(ProgrammeDay::date)).toList();
        registration = registration == null ? RegistrationTerms.UNSTATED : registration;
    }

    public Optional<ProgrammeDay> day(LocalDate date) {
        return days.stream().filter(d -> d.date().equals(date)).findFirst();
    }

    Map<String, String> toHash() {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("id", id);
        hash.put("version", Long.toString(version));
        hash.put("programmeVersion", Long.toString(programmeVersion));
        hash.put("name", HashCodec.texts(name));
        hash.put("timeZone", timeZone.getId());
        hash.put("languages", HashCodec.codes(languages));
        hash.put("startDate", startDate.toString());
        hash.put("endDate", endDate.toString());
        hash.put("invitationOnly", Boolean.toString(invitationOnly));
        hash.put("registration", HashCodec.JSON.writeValueAsString(registration));
        hash.put("days", HashCodec.JSON.writeValueAsString(days.stream()
                .map(d -> new StoredDay(d.date().toString(), d.theme())).toList()));
        hash.put("updatedAt", updatedAt.toString());
        return hash;
    }

    static Conference fromHash(Map<String, String> hash) {
        List<StoredDay> stored = HashCodec.JSON.readValue(hash.getOrDefault("days", "[]"),
                new TypeReference<List<StoredDay>>() {
                });
        return new Conference(hash.get("id"), Long.parseLong(hash.get("version")),
                Long.parseLong(hash.get("programmeVersion")), HashCodec.texts(hash.get("name")),
                ZoneId.of(hash.get("timeZone")), HashCodec.codes(hash.get("languages")),
                LocalDate.parse(hash.get("startDate")), LocalDate.parse(hash.get("endDate")),
                Boolean.parseBoolean(hash.get("invitationOnly")),
                // A conference stored before it stated its registration terms has none: defaults, always open.
                hash.containsKey("registration")
                        ? HashCodec.JSON.readValue(hash.get("registration"), RegistrationTerms.class)
                        : RegistrationTerms.UNSTATED,
                stored.stream().map(d -> new ProgrammeDay(LocalDate.parse(d.date()), d.theme())).toList(),
                Instant.parse(hash.get("updatedAt")));
    }

    /** A day as kept in the conference hash. */
    record StoredDay(String date, Map<String, String> theme) {
    }
}

package dev.hybridconf.rapporteur.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.hybridconf.rapporteur.programme.ConferenceInfo;
import dev.hybridconf.rapporteur.programme.DayInfo;
import dev.hybridconf.rapporteur.programme.SessionInfo;
import dev.hybridconf.rapporteur.testing.InMemoryProgramme;

/** A programme the summaries' tests write by hand (the real one is kept from Kafka by the inputs). */
public class FakeProgramme extends InMemoryProgramme {

    /** A conference in Barcelona's zone, working in en, fr and es, with these days. */
    public ConferenceInfo conference(String conferenceId, LocalDate... days) {
        ConferenceInfo conference = new ConferenceInfo(conferenceId, Map.of("en", "Seminar " + conferenceId),
                ZoneId.of("Europe/Madrid"), List.of("en", "fr", "es"),
                java.util.Arrays.stream(days).map(d -> new DayInfo(d, Map.of("en", "Housing and the right to the city",
                        "fr", "Logement et droit à la ville", "es", "Vivienda y derecho a la ciudad"))).toList());
        return put(conference);
    }

    public SessionInfo breakout(String conferenceId, String sessionId, LocalDate day, String titleEn, String titleFr) {
        SessionInfo session = new SessionInfo(sessionId, conferenceId, "BREAKOUT", day,
                Instant.parse(day + "T09:00:00Z"), Instant.parse(day + "T10:30:00Z"),
                Map.of("en", titleEn, "fr", titleFr), "Housing", "A", List.of("0b1c2d3e-0000-4000-8000-000000000001"),
                null, false);
        return put(session);
    }

    public SessionInfo wrapUp(String conferenceId, String sessionId, LocalDate day, String rapporteurId) {
        SessionInfo session = new SessionInfo(sessionId, conferenceId, "WRAP_UP", day,
                Instant.parse(day + "T16:00:00Z"), Instant.parse(day + "T17:00:00Z"),
                Map.of("en", "Wrap-up", "fr", "Restitution des rapporteurs"), null, null, List.of(), rapporteurId,
                false);
        return put(session);
    }
}

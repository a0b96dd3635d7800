package dev.hybridconf.rapporteur.trends;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.hybridconf.rapporteur.programme.ConferenceInfo;
import dev.hybridconf.rapporteur.programme.DayInfo;
import dev.hybridconf.rapporteur.programme.SessionInfo;
import dev.hybridconf.rapporteur.testing.InMemoryProgramme;

/** A programme the tests write directly (the inputs' copy of {@code session.events} is another helper's work). */
public class FakeProgramme extends InMemoryProgramme {

    /** A conference in Buenos Aires with en, fr, es and these days, each with a theme in the three languages. */
    public ConferenceInfo conference(String id, LocalDate... days) {
        List<DayInfo> infos = new ArrayList<>();
        for (LocalDate day : days) {
            infos.add(new DayInfo(day, Map.of("en", "Housing " + day, "fr", "Logement " + day, "es", "Vivienda " + day)));
        }
        ConferenceInfo conference = new ConferenceInfo(id, Map.of("en", id), ZoneId.of("America/Argentina/Buenos_Aires"),
                List.of("en", "fr", "es"), infos);
        return put(conference);
    }

    public SessionInfo breakout(String conferenceId, String sessionId, LocalDate day) {
        SessionInfo session = new SessionInfo(sessionId, conferenceId, "BREAKOUT", day,
                day.atTime(14, 0).toInstant(java.time.ZoneOffset.ofHours(-3)),
                day.atTime(15, 30).toInstant(java.time.ZoneOffset.ofHours(-3)), Map.of("en", "Breakout " + sessionId),
                "housing", "A", List.of(), null, false);
        return put(session);
    }
}

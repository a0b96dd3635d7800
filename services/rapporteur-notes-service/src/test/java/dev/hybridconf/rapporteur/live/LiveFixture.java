package dev.hybridconf.rapporteur.live;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hybridconf.rapporteur.analysis.TrendsMother;
import dev.hybridconf.rapporteur.corpus.Conclusion;
import dev.hybridconf.rapporteur.corpus.LockState;
import dev.hybridconf.rapporteur.programme.ConferenceInfo;
import dev.hybridconf.rapporteur.programme.DayInfo;
import dev.hybridconf.rapporteur.programme.SessionInfo;
import dev.hybridconf.rapporteur.testing.InMemoryProgramme;

/**
 * A seminar day in Madrid as the live view's tests need it: a plenary, five breakouts (one cancelled), a wrap-up,
 * and conclusions from {@link TrendsMother} re-addressed to this conference. Each test class builds its own with a
 * conference id of its own.
 */
final class LiveFixture {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final LocalDate DAY = TrendsMother.DAY;
    static final LocalDate NEXT_DAY = DAY.plusDays(1);

    final String conferenceId;
    final String housing = UUID.randomUUID().toString();
    final String climate = UUID.randomUUID().toString();
    final String finance = UUID.randomUUID().toString();
    final String untagged = UUID.randomUUID().toString();
    final String silent = UUID.randomUUID().toString();
    final String cancelled = UUID.randomUUID().toString();
    final String plenary = UUID.randomUUID().toString();
    final String wrapUp = UUID.randomUUID().toString();
    final String tomorrow = UUID.randomUUID().toString();

    LiveFixture(String prefix) {
        this.conferenceId = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    ConferenceInfo conference() {
        return new ConferenceInfo(conferenceId, Map.of("en", "Seminar", "fr", "Séminaire", "es", "Seminario"), MADRID,
                List.of("en", "fr", "es"),
                List.of(new DayInfo(DAY, Map.of("en", "Housing for all", "fr", "Le logement pour tous",
                                "es", "Vivienda para todos")),
                        new DayInfo(NEXT_DAY, Map.of())));
    }

    List<SessionInfo> sessions() {
        return List.of(
                session(plenary, "PLENARY", DAY, 9, "Opening", "Ouverture", "Apertura", null, false),
                session(housing, "BREAKOUT", DAY, 10, "Homes first", "Le logement d'abord", "Primero la vivienda",
                        "Housing", false),
                session(climate, "BREAKOUT", DAY, 11, "Cool cities", "Villes fraîches", "Ciudades frescas",
                        "Climate", false),
                session(finance, "BREAKOUT", DAY, 11, "Paying for it", "Qui paie ?", "¿Quién paga?", "Finance", false),
                session(untagged, "BREAKOUT", DAY, 11, "Open floor", "Tribune libre", "Tribuna libre", null, false),
                session(silent, "BREAKOUT", DAY, 12, "Quiet room", "Salle calme", "Sala tranquila", "Mobility", false),
                session(cancelled, "BREAKOUT", DAY, 12, "Called off", "Annulée", "Cancelada", "Mobility", true),
                session(wrapUp, "WRAP_UP", DAY, 16, "Wrap-up", "Synthèse", "Síntesis", null, false),
                session(tomorrow, "BREAKOUT", NEXT_DAY, 10, "Tomorrow", "Demain", "Mañana", "Housing", false));
    }

    /** Housing and affordable housing (a thesaurus label), revision 2; climate under "housing " and "Climate". */
    List<Conclusion> conclusions() {
        return List.of(
                conclusion(housing, 2, "en", "Affordable housing must lead recovery plans.",
                        List.of("Housing", "logement abordable"), List.of(11), LockState.OPEN),
                conclusion(climate, 1, "fr", "Les villes doivent se rafraîchir.", List.of("housing ", "Climate"),
                        List.of(11, 13), new LockState(Instant.parse("2021-02-16T15:00:00Z"), "WRAP_UP", null)),
                conclusion(finance, 1, "es", "Las ciudades necesitan financiación.", List.of(), List.of(17),
                        LockState.OPEN),
                conclusion(untagged, 1, "en", "Everyone spoke.", List.of(), List.of(), LockState.OPEN),
                // a cancelled breakout's conclusion never shows
                conclusion(cancelled, 1, "en", "Should not show.", List.of("Housing"), List.of(), LockState.OPEN));
    }

    void install(InMemoryProgramme programme, LiveTestPorts.TestCorpus corpus) {
        programme.put(conference());
        sessions().forEach(programme::put);
        conclusions().forEach(corpus::post);
    }

    Conclusion conclusion(String sessionId, long revision, String language, String summary, List<String> themes,
            List<Integer> sdgs, LockState lock) {
        Conclusion mother = TrendsMother.conclusion(sessionId, revision, language, summary, themes, sdgs);
        return new Conclusion(sessionId, conferenceId, DAY, revision, language, summary, mother.keyPoints(),
                mother.recommendations(), themes, sdgs, mother.postedBy(), mother.postedAt(), lock);
    }

    private SessionInfo session(String id, String kind, LocalDate day, int hour, String en, String fr, String es,
            String track, boolean cancelled) {
        Instant start = day.atTime(hour, 0).atZone(MADRID).toInstant();
        return new SessionInfo(id, conferenceId, kind, day, start, start.plusSeconds(3_600),
                Map.of("en", en, "fr", fr, "es", es), track, null, List.of("moderator-" + id.substring(0, 4)), null,
                cancelled);
    }
}

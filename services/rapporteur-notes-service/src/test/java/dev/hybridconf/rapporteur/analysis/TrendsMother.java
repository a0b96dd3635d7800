package dev.hybridconf.rapporteur.analysis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.hybridconf.rapporteur.corpus.Conclusion;
import dev.hybridconf.rapporteur.corpus.LockState;

/**
 * Ready-made conclusions and analyses for tests of what reads them (views, drafts, charts), so those do not depend
 * on the analyser's ranking. Every value is plausible for a UCLG seminar day.
 */
public final class TrendsMother {

    public static final String CONFERENCE = "mother-seminar-2021";
    public static final LocalDate DAY = LocalDate.of(2021, 2, 16);

    private TrendsMother() {
    }

    public static Conclusion conclusion(String sessionId, long revision, String language, String summary,
            List<String> themes, List<Integer> sdgs) {
        return new Conclusion(sessionId, CONFERENCE, DAY, revision, language, summary,
                List.of(summary), List.of("Cities should act together."), themes, sdgs,
                "5b0f7c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e", Instant.parse("2021-02-16T11:30:00Z"), LockState.OPEN);
    }

    /** Affordable housing raised by two breakouts in two languages, new today; and a plain phrase. */
    public static DayTrends dayTrends(String sessionA, String sessionB) {
        Trend housing = new Trend("c:affordable-housing", "CONCEPT",
                Map.of("en", "affordable housing", "fr", "logement abordable", "es", "vivienda asequible"), 1, 3.2, 2,
                List.of("en", "fr"), List.of(sessionA, sessionB), true, true, false, null, 0.9,
                Map.of("en", List.of("affordable housing"), "fr", List.of("logements abordables")),
                List.of(new Evidence(sessionA, 1, "en", "summary",
                                "Affordable housing must be at the heart of recovery plans.", List.of(new Highlight(0, 18))),
                        new Evidence(sessionB, 2, "fr", "keyPoints[0]",
                                "Les logements abordables manquent dans les métropoles.", List.of(new Highlight(4, 24)))));
        Trend transport = new Trend("p:en:public transport", "PHRASE", Map.of("en", "public transport"), 2, 1.1, 1,
                List.of("en"), List.of(sessionA), false, false, false, null, 0.6,
                Map.of("en", List.of("public transport")),
                List.of(new Evidence(sessionA, 1, "en", "keyPoints[0]", "Public transport is a right.",
                        List.of(new Highlight(0, 16)))));
        return new DayTrends(CONFERENCE, DAY, "lucene-9.12.3/textrank-w3/logodds-a10/1", 2,
                Map.of("en", 1, "fr", 1), false, List.of(housing, transport),
                List.of(new SdgCount(11, 2, List.of(sessionA, sessionB))),
                List.of(new ThemeCount("housing", Map.of("en", "Housing", "fr", "Logement", "es", "Vivienda"), 2,
                        List.of(sessionA, sessionB))));
    }
}

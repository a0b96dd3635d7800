package dev.hybridconf.rapporteur.analysis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.hybridconf.rapporteur.corpus.Conclusion;
import dev.hybridconf.rapporteur.corpus.LockState;

/** Conclusions and thesauri for the analyser's unit tests (conference {@code analysis-tests-2021}). */
final class AnalysisFixtures {

    static final String CONFERENCE = "analysis-tests-2021";
    static final LocalDate DAY1 = LocalDate.of(2021, 2, 15);
    static final LocalDate DAY2 = LocalDate.of(2021, 2, 16);

    private AnalysisFixtures() {
    }

    static Conclusion conclusion(String session, LocalDate day, String language, String summary, String... keyPoints) {
        return new Conclusion(session, CONFERENCE, day, 1, language, summary, List.of(keyPoints), List.of(),
                List.of(), List.of(), "moderator-" + session, Instant.parse("2021-02-16T11:00:00Z"), LockState.OPEN);
    }

    static Concept concept(String id, String en, String fr, String es) {
        Map<String, List<String>> labels = new TreeMap<>();
        if (en != null) {
            labels.put("en", List.of(en));
        }
        if (fr != null) {
            labels.put("fr", List.of(fr));
        }
        if (es != null) {
            labels.put("es", List.of(es));
        }
        return new Concept(id, labels, false);
    }

    static DayTrends analyse(List<Conclusion> today, Thesaurus thesaurus) {
        return new LuceneTrendAnalyzer().analyse(new AnalysisInput(CONFERENCE, DAY2, today, new TreeMap<>(),
                thesaurus, AnalysisSettings.DEFAULTS, today.size()));
    }

    static Trend trend(DayTrends trends, String key) {
        return trends.trends().stream().filter(t -> t.key().equals(key)).findFirst().orElse(null);
    }
}

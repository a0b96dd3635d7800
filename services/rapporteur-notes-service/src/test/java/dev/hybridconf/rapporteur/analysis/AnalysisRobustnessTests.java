package dev.hybridconf.rapporteur.analysis;

import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.DAY2;
import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.analyse;
import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.concept;
import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.conclusion;
import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.trend;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.hybridconf.rapporteur.corpus.Conclusion;

/** Whatever moderators and organisers wrote, the analysis answers: odd text, odd languages, odd labels, no input. */
class AnalysisRobustnessTests {

    @Test
    void oddTextIsAnalysedNotFailed() {
        String control = "Green\u0000 bonds\u0007 matter.\u202E Green bonds again \uD83C\uDF0D.";
        String huge = "Green bonds finance parks. ".repeat(8_000);
        DayTrends trends = analyse(List.of(
                conclusion("s1", DAY2, "en", control),
                conclusion("s2", DAY2, "en", huge),
                conclusion("s3", DAY2, "", "Grüne Anleihen, green bonds."),
                conclusion("s4", DAY2, "de", "Bezahlbare Wohnungen. Bezahlbare Wohnungen."),
                conclusion("s5", DAY2, "fr", "...;;;,,,« »  —  ''"),
                conclusion("s6", DAY2, "es", "")), Thesaurus.EMPTY);
        assertThat(trends.reporting()).isEqualTo(6);
        assertThat(trends.reportingByLanguage()).containsEntry("und", 1).containsEntry("de", 1);
        Trend bonds = trend(trends, "p:en:green bond");
        assertThat(bonds.sessionIds()).containsExactly("s1", "s2");
        assertThat(bonds.evidence()).allSatisfy(e -> assertThat(e.sentence().length()).isLessThan(200));
        assertThat(trend(trends, "p:de:bezahlbare wohnungen").breakouts()).isEqualTo(1);
    }

    @Test
    void labelsThatAnalyseToNothingOrRepeatAreHarmless() {
        Thesaurus thesaurus = new Thesaurus(2, List.of(
                concept("only-stop-words", "of the", "de la", "de la"),
                concept("housing-a", "affordable housing", null, null),
                concept("housing-b", "Affordable Housing", null, null),
                new Concept("empty", Map.of("en", List.of()), false)));
        DayTrends trends = analyse(List.of(
                conclusion("s1", DAY2, "en", "Affordable housing of the poor."),
                conclusion("s2", DAY2, "en", "affordable housing first")), thesaurus);
        // one analysed label in two concepts: the first by id takes it (the thesaurus refuses such labels on upload)
        assertThat(trend(trends, "c:housing-a").breakouts()).isEqualTo(2);
        assertThat(trend(trends, "c:housing-b")).isNull();
        assertThat(new LuceneTrendAnalyzer().labelKey("fr", "de la")).isEmpty();
        assertThat(new LuceneTrendAnalyzer().labelKey("fr", "Logements abordables"))
                .isEqualTo(new LuceneTrendAnalyzer().labelKey("fr", "logement abordable"));
    }

    @Test
    void aDayWithoutConclusionsIsEmptyAndNeverComplete() {
        DayTrends trends = new LuceneTrendAnalyzer().analyse(new AnalysisInput(AnalysisFixtures.CONFERENCE, DAY2,
                List.of(), new TreeMap<>(), null, null, 0, Instant.parse("2030-01-01T00:00:00Z")));
        assertThat(trends.reporting()).isZero();
        assertThat(trends.trends()).isEmpty();
        assertThat(trends.complete()).isFalse();
        assertThat(trends.method()).isEqualTo("lucene-9.12.3/textrank-w3/logodds-a10/1");
    }

    @Test
    void aLaterRevisionReplacesTheEarlierOne() {
        Conclusion first = conclusion("s1", DAY2, "en", "Green bonds matter.");
        Conclusion second = new Conclusion("s1", AnalysisFixtures.CONFERENCE, DAY2, 2, "en", "Heat waves matter.",
                List.of(), List.of(), List.of(), List.of(), "m", Instant.EPOCH, null);
        DayTrends trends = analyse(List.of(second, first), Thesaurus.EMPTY);
        assertThat(trend(trends, "p:en:green bond")).isNull();
        assertThat(trend(trends, "p:en:heat wave matter").evidence().get(0).revision()).isEqualTo(2);
    }
}

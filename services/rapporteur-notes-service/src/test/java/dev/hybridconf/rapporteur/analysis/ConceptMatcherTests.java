package dev.hybridconf.rapporteur.analysis;

import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.DAY2;
import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.analyse;
import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.concept;
import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.conclusion;
import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.trend;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** One idea counts once per breakout, whatever the language, label or spelling a moderator used. */
class ConceptMatcherTests {

    private final Thesaurus thesaurus = new Thesaurus(3, List.of(
            concept("affordable-housing", "affordable housing", "logement abordable", "vivienda asequible"),
            concept("right-to-the-city", "right to the city", "droit à la ville", "derecho a la ciudad"),
            new Concept("local-governments", Map.of("en", List.of("local governments"),
                    "fr", List.of("gouvernements locaux")), true)));

    @Test
    void oneConceptCountsOncePerBreakoutWhateverTheLanguageOrLabel() {
        DayTrends trends = analyse(List.of(
                conclusion("s1", DAY2, "en", "Affordable housing is scarce.", "Affordable housing again."),
                conclusion("s2", DAY2, "fr", "Les logements abordables manquent.", "L'accès au logement abordable."),
                conclusion("s3", DAY2, "es", "Faltan viviendas asequibles en los barrios.")), thesaurus);

        Trend housing = trend(trends, "c:affordable-housing");
        assertThat(housing.kind()).isEqualTo("CONCEPT");
        assertThat(housing.breakouts()).isEqualTo(3);
        assertThat(housing.sessionIds()).containsExactly("s1", "s2", "s3");
        assertThat(housing.languages()).containsExactly("en", "es", "fr");
        assertThat(housing.labels()).containsEntry("fr", "logement abordable");
        assertThat(housing.words().get("fr")).containsExactly("logement abordable", "logements abordables");
        // the words of a concept match form no phrase of their own
        assertThat(trends.trends()).extracting(Trend::key)
                .filteredOn(k -> k.startsWith("p:")).noneMatch(k -> k.contains("abordabl") || k.contains("asequibl") || k.contains("affordabl"));
    }

    @Test
    void aLabelMatchesAcrossTheSameStopWordGap() {
        DayTrends trends = analyse(List.of(
                conclusion("s1", DAY2, "fr", "Le droit à la ville reste central."),
                conclusion("s2", DAY2, "es", "El derecho a la ciudad, otra vez."),
                conclusion("s3", DAY2, "fr", "Le droit de la ville change.")), thesaurus);
        Trend right = trend(trends, "c:right-to-the-city");
        assertThat(right.sessionIds()).containsExactly("s1", "s2", "s3");
    }

    @Test
    void aLabelDoesNotMatchAcrossAComma() {
        DayTrends trends = analyse(List.of(
                conclusion("s1", DAY2, "en", "Affordable, housing first.")), thesaurus);
        assertThat(trend(trends, "c:affordable-housing")).isNull();
    }

    @Test
    void ignoredConceptsLeaveNoTrace() {
        DayTrends trends = analyse(List.of(
                conclusion("s1", DAY2, "en", "Local governments lead green bonds."),
                conclusion("s2", DAY2, "en", "Local governments want green bonds."),
                conclusion("s3", DAY2, "fr", "Les gouvernements locaux agissent.")), thesaurus);
        assertThat(trends.trends()).extracting(Trend::key)
                .noneMatch(k -> k.contains("local-governments") || k.contains("govern") || k.contains("local"))
                .contains("p:en:green bond");
    }

    @Test
    void themeTagsNamingALabelAreTheConceptsTheme() {
        var a = new dev.hybridconf.rapporteur.corpus.Conclusion("s1", AnalysisFixtures.CONFERENCE, DAY2, 1, "fr",
                "Texte.", List.of(), List.of(), List.of("Logements abordables", "Mobilité"), List.of(11, 1),
                "m", java.time.Instant.EPOCH, null);
        var b = new dev.hybridconf.rapporteur.corpus.Conclusion("s2", AnalysisFixtures.CONFERENCE, DAY2, 1, "en",
                "Text.", List.of(), List.of(), List.of("affordable housing", " MOBILITÉ "), List.of(11, 99),
                "m", java.time.Instant.EPOCH, null);
        DayTrends trends = analyse(List.of(a, b), thesaurus);
        assertThat(trends.themes()).hasSize(2);
        ThemeCount housing = trends.themes().get(0);
        assertThat(housing.key()).isEqualTo("affordable housing");
        assertThat(housing.breakouts()).isEqualTo(2);
        assertThat(housing.labels()).containsEntry("es", "vivienda asequible");
        ThemeCount mobility = trends.themes().get(1);
        assertThat(mobility.key()).isEqualTo("mobilite");
        assertThat(mobility.sessionIds()).containsExactly("s1", "s2");
        assertThat(trends.sdgs()).extracting(SdgCount::sdg).containsExactly(1, 11);
        assertThat(trends.sdgs().get(1).breakouts()).isEqualTo(2);
    }
}

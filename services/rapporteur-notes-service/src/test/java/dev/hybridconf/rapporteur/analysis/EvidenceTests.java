package dev.hybridconf.rapporteur.analysis;

import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.DAY2;
import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.analyse;
import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.concept;
import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.conclusion;
import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.trend;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The quoted sentences show a trend in as many breakouts and languages as possible, with its words highlighted. */
class EvidenceTests {

    private final Thesaurus thesaurus = new Thesaurus(1, List.of(
            concept("circular-economy", "circular economy", "économie circulaire", "economía circular")));

    @Test
    void quotesDifferentBreakoutsThenDifferentLanguages() {
        DayTrends trends = analyse(List.of(
                conclusion("a", DAY2, "en", "The circular economy creates jobs. Circular economy again.",
                        "Circular economy in ports."),
                conclusion("b", DAY2, "en", "A circular economy for textiles."),
                conclusion("c", DAY2, "fr", "L'économie circulaire crée des emplois."),
                conclusion("d", DAY2, "es", "La economía circular llega a los mercados.")), thesaurus);
        Trend circular = trend(trends, "c:circular-economy");
        assertThat(circular.breakouts()).isEqualTo(4);
        List<Evidence> evidence = circular.evidence();
        assertThat(evidence).hasSize(AnalysisSettings.DEFAULTS.evidence());
        assertThat(evidence).extracting(Evidence::sessionId).doesNotHaveDuplicates();
        // after the first quote, a breakout in a language not yet shown comes before a second English breakout
        assertThat(evidence).extracting(Evidence::language).doesNotHaveDuplicates();
    }

    @Test
    void highlightsAreTheMatchedWords() {
        DayTrends trends = analyse(List.of(
                conclusion("a", DAY2, "fr", "Enfin, l'économie circulaire et les économies circulaires."),
                conclusion("b", DAY2, "es", "Economía circular, sí.")), thesaurus);
        Trend circular = trend(trends, "c:circular-economy");
        Evidence french = circular.evidence().stream().filter(e -> e.language().equals("fr")).findFirst().orElseThrow();
        assertThat(french.field()).isEqualTo("summary");
        assertThat(french.highlights()).hasSize(2);
        assertThat(french.highlights()).extracting(h -> french.sentence().substring(h.start(), h.end()))
                .containsExactly("économie circulaire", "économies circulaires");
        assertThat(circular.words().get("fr")).containsExactly("économie circulaire", "économies circulaires");
        assertThat(circular.words().get("es")).containsExactly("Economía circular");
    }

    @Test
    void fieldsAreNamedAndEachSentenceQuotedAlone() {
        DayTrends trends = analyse(List.of(
                conclusion("a", DAY2, "en", "Nothing here. Really nothing.", "First point.", "Green bonds now. Later."),
                conclusion("b", DAY2, "en", "Green bonds work.")), thesaurus);
        Trend bonds = trend(trends, "p:en:green bond");
        assertThat(bonds.evidence()).extracting(Evidence::field).containsExactlyInAnyOrder("keyPoints[1]", "summary");
        assertThat(bonds.evidence()).extracting(Evidence::sentence)
                .containsExactlyInAnyOrder("Green bonds now.", "Green bonds work.");
        assertThat(bonds.labels()).containsEntry("en", "Green bonds");
    }
}

package dev.hybridconf.rapporteur.analysis;

import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.DAY2;
import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.conclusion;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hybridconf.rapporteur.analysis.Candidates.Gram;

/** Phrases never join words a reader would not read together: across a stop word, a comma or a sentence end. */
class CandidatesTests {

    private final LanguageChains chains = new LanguageChains();
    private final ConceptMatcher matcher = new ConceptMatcher(chains, Thesaurus.EMPTY);

    private List<String> keys(String language, String sentence) {
        return Candidates.grams(language, sentence, matcher.units(language, sentence, chains.tokens(language, sentence)))
                .stream().map(Gram::key).toList();
    }

    @Test
    void twoAndThreeGramsInsideARun() {
        assertThat(keys("en", "green bonds finance"))
                .containsExactly("p:en:green bond", "p:en:bond finance", "p:en:green bond finance");
    }

    @Test
    void noPhraseAcrossAStopWord() {
        assertThat(keys("en", "affordable housing for the poor")).containsExactly("p:en:affordable housing");
        assertThat(keys("fr", "budget participatif de la ville")).containsExactly("p:fr:budget participatif");
    }

    @Test
    void noPhraseAcrossClausePunctuation() {
        assertThat(keys("en", "green bonds, heat waves")).containsExactly("p:en:green bond", "p:en:heat wave");
        assertThat(keys("fr", "jardins partagés (quartiers) mobilité douce"))
                .containsExactly("p:fr:jardin partag", "p:fr:mobilit douc");
    }

    @Test
    void surfaceIsTheSourceText() {
        String sentence = "Les logements abordables manquent";
        Gram gram = Candidates.grams("fr", sentence, matcher.units("fr", sentence, chains.tokens("fr", sentence)))
                .get(0);
        assertThat(gram.surface()).isEqualTo("logements abordables");
        assertThat(sentence.substring(gram.start(), gram.end())).isEqualTo(gram.surface());
    }

    @Test
    void noPhraseAcrossSentences() {
        DayTrends trends = AnalysisFixtures.analyse(List.of(
                conclusion("s1", DAY2, "en", "Cities want green. Bonds matter."),
                conclusion("s2", DAY2, "en", "Cities want green. Bonds matter.")), Thesaurus.EMPTY);
        assertThat(trends.trends()).extracting(Trend::key)
                .contains("p:en:city want green", "p:en:bond matter")
                .doesNotContain("p:en:green bond", "p:en:want green bond");
        // "city want" is folded into "city want green": same breakouts
        assertThat(trends.trends()).extracting(Trend::key).doesNotContain("p:en:city want");
    }
}

package dev.hybridconf.rapporteur.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hybridconf.rapporteur.analysis.LanguageChains.Token;

/** The chains make one term of the spellings a moderator uses for one thing, and keep offsets into the text. */
class LanguageChainsTests {

    private final LanguageChains chains = new LanguageChains();

    private List<String> terms(String language, String text) {
        return chains.tokens(language, text).stream().map(Token::term).toList();
    }

    @Test
    void frenchElisionsGoWithEitherApostrophe() {
        assertThat(terms("fr", "l'habitat")).containsExactly("habitat");
        assertThat(terms("fr", "L’habitat")).containsExactly("habitat");
        List<String> access = terms("fr", "d’accès");
        assertThat(access).hasSize(1);
        assertThat(access.get(0)).startsWith("acce");
        assertThat(terms("fr", "d'accès")).isEqualTo(access);
    }

    @Test
    void pluralsAndAccentsAreOneTerm() {
        assertThat(chains.key("fr", "logements abordables")).isEqualTo(chains.key("fr", "logement abordable"));
        assertThat(chains.key("es", "viviendas asequibles")).isEqualTo(chains.key("es", "vivienda asequible"));
        assertThat(chains.key("fr", "Économie")).isEqualTo(chains.key("fr", "economie"));
        assertThat(chains.key("es", "Economía circular")).isEqualTo(chains.key("es", "economia circular"));
        assertThat(chains.key("en", "Green bonds")).isEqualTo(chains.key("en", "green bond"));
        assertThat(chains.key("en", "the city's budget")).isEqualTo(chains.key("en", "city budget"));
    }

    @Test
    void stopWordsLeaveAGapInPositions() {
        List<Token> tokens = chains.tokens("fr", "droit à la ville");
        assertThat(tokens).extracting(Token::increment).containsExactly(1, 3);
        assertThat(chains.key("fr", "droit à la ville")).isEqualTo("droit _ _ vile");
    }

    @Test
    void discourseWordsOfTheExtraListsAreStopWords() {
        assertThat(terms("en", "We need to ensure it is important")).isEmpty();
        assertThat(terms("fr", "Il faut que ce soit nécessaire")).isEmpty();
        assertThat(terms("es", "Es necesario que deben")).isEmpty();
        assertThat(LanguageChains.extraStopWords("fr")).contains("nécessaire").doesNotContain("#");
    }

    @Test
    void offsetsPointIntoTheSourceText() {
        String text = "Les logements abordables manquent.";
        Token first = chains.tokens("fr", text).get(0);
        assertThat(text.substring(first.start(), first.end())).isEqualTo("logements");
        assertThat(first.increment()).isEqualTo(2);
    }

    @Test
    void anotherLanguageIsFoldedButNotStemmed() {
        assertThat(terms("de", "Bezahlbare Wohnungen für Städte"))
                .containsExactly("bezahlbare", "wohnungen", "fur", "stadte");
    }
}

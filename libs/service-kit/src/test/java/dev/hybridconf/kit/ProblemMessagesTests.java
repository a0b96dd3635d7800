package dev.hybridconf.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.hybridconf.kit.errors.ProblemMessages;
import dev.hybridconf.testinfra.TranslationAssertions;

class ProblemMessagesTests {

    private final ProblemMessages messages = new ProblemMessages();

    @Test
    void everyProblemSentenceExistsInEnglishFrenchAndSpanish() {
        TranslationAssertions.assertCompleteInEnglishFrenchAndSpanish("i18n/problems");
    }

    @Test
    void regionalVariantsGetTheirLanguageAndOtherLanguagesGetEnglish() {
        assertThat(messages.text("problem.forbidden", Locale.CANADA_FRENCH)).isEqualTo("Votre rôle ne permet pas cette requête.");
        assertThat(messages.text("problem.forbidden", Locale.forLanguageTag("es-CO"))).isEqualTo("Su rol no permite esta solicitud.");
        assertThat(messages.text("problem.forbidden", Locale.GERMAN)).isEqualTo("Your role does not allow this request.");
        assertThat(messages.text("problem.payload-too-large", Locale.FRENCH, 1024)).contains("1024 octets");
        assertThat(messages.text("problem.unauthenticated", Locale.FRENCH)).isEqualTo("Cette requête exige un jeton d'accès valide.");
    }
}

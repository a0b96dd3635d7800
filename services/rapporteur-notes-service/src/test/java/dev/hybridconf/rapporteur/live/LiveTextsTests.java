package dev.hybridconf.rapporteur.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.testinfra.TranslationAssertions;

/** The live view's words exist in English, French and Spanish, and so do its problem details. */
class LiveTextsTests {

    @Test
    void theViewsWordsAreCompleteInEnglishFrenchAndSpanish() {
        TranslationAssertions.assertCompleteInEnglishFrenchAndSpanish("i18n/live");
        LiveTexts texts = new LiveTexts();
        assertThat(texts.text("live.group.other", Locale.FRENCH)).isEqualTo("Autres");
        assertThat(texts.text("live.group.other", Locale.forLanguageTag("es"))).isEqualTo("Otros");
    }

    @Test
    void everyProblemOfTheLiveViewIsWrittenInTheThreeLanguages() {
        ResourceBundle english = ResourceBundle.getBundle("i18n/messages", Locale.ROOT);
        for (String language : new String[] {"fr", "es"}) {
            ResourceBundle messages = ResourceBundle.getBundle("i18n/messages", Locale.forLanguageTag(language));
            for (String key : new String[] {"live.conference.not-found", "live.day.not-found", "live.field.day",
                    "live.field.theme", "live.field.lang", "live.field.last-event-id", "live.stream.accept",
                    "live.busy"}) {
                assertThat(english.getString(key)).as("en " + key).isNotBlank();
                assertThat(messages.getString(key)).as(language + " " + key).isNotBlank()
                        .isNotEqualTo(english.getString(key));
            }
        }
    }

    @Test
    void aLanguageOtherThanTheThreeIsRefused() {
        assertThat(LiveTexts.reader(" FR ")).isEqualTo(Locale.FRENCH);
        assertThatThrownBy(() -> LiveTexts.reader("de")).isInstanceOf(InvalidFieldsException.class);
    }
}

package dev.hybridconf.streaming.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The session title in the caller's language, falling back to English, then to whatever the programme has. */
class JoinTitleTests {

    static final String TITLES = "{\"en\":\"Opening plenary\",\"fr\":\"Plénière d'ouverture\",\"es\":\"\"}";

    @Test
    void theCallersLanguageWinsThenEnglishThenAnyLanguage() {
        assertThat(JoinLinks.title(TITLES, Locale.FRANCE)).isEqualTo("Plénière d'ouverture");
        assertThat(JoinLinks.title(TITLES, Locale.forLanguageTag("es-CO"))).as("blank Spanish").isEqualTo(
                "Opening plenary");
        assertThat(JoinLinks.title(TITLES, Locale.GERMAN)).isEqualTo("Opening plenary");
        assertThat(JoinLinks.title("{\"fr\":\"Atelier B3\"}", Locale.ENGLISH)).isEqualTo("Atelier B3");
        assertThat(JoinLinks.title("{}", Locale.ENGLISH)).isEmpty();
    }
}

package dev.hybridconf.streaming.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The session title in the caller's language, falling back to English, then to whatever the programme has. */
class SessionTitleTests {

    static final String TITLES = "{\"en\":\"Opening plenary\",\"fr\":\"Plénière d'ouverture\",\"es\":\"\"}";

    @Test
    void theCallersLanguageWinsThenEnglishThenAnyLanguage() {
        assertThat(SessionView.title(TITLES, Locale.FRANCE)).isEqualTo("Plénière d'ouverture");
        assertThat(SessionView.title(TITLES, Locale.forLanguageTag("es-CO"))).as("blank Spanish").isEqualTo(
                "Opening plenary");
        assertThat(SessionView.title(TITLES, Locale.GERMAN)).isEqualTo("Opening plenary");
        assertThat(SessionView.title("{\"fr\":\"Atelier B3\"}", Locale.ENGLISH)).isEqualTo("Atelier B3");
        assertThat(SessionView.title("{}", Locale.ENGLISH)).isEmpty();
    }
}

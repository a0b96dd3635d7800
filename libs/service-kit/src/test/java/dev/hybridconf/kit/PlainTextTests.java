package dev.hybridconf.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.hybridconf.kit.validation.PlainTextRules;
import dev.hybridconf.testinfra.TranslationAssertions;

/** What counts as plain text a person reads: every script and emoji, never control or direction-override characters. */
class PlainTextTests {

    @ParameterizedTest
    @ValueSource(strings = {"Amina Diallo", "Alcaldía de Bogotá", "Ville de Saint-Louis (Sénégal)", "서울특별시",
            "بلدية دبي", "עיריית תל אביב", "Salle 101 😀", "O'Brien; DROP TABLE x; --", "<b>bold</b>",
            "\u200Fmark", ""})
    void ordinaryTextInAnyScriptIsPlain(String text) {
        assertThat(PlainTextRules.isPlain(text, false)).isTrue();
        assertThat(PlainTextRules.isPlain(text, true)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "bell\u0007", "esc\u001b[31m", "del\u007f", "c1\u0085", "\u202Egnp.exe",
            "x\u2066y\u2069", "x\ud800y", "\udc00", "x\uFFFF", "x\uFDD0", "x\uD83F\uDFFF"})
    void controlAndInvisibleCharactersAreNot(String text) {
        assertThat(PlainTextRules.isPlain(text, false)).isFalse();
        assertThat(PlainTextRules.isPlain(text, true)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"one\ntwo", "one\r\ntwo", "a\tb", "para\u2029graph"})
    void lineBreaksAndTabsOnlyInMultiLineText(String text) {
        assertThat(PlainTextRules.isPlain(text, false)).isFalse();
        assertThat(PlainTextRules.isPlain(text, true)).isTrue();
    }

    @org.junit.jupiter.api.Test
    void theMessageExistsInEnglishFrenchAndSpanish() {
        TranslationAssertions.assertCompleteInEnglishFrenchAndSpanish("ContributorValidationMessages");
    }
}

package dev.hybridconf.interpretation.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.hybridconf.interpretation.planning.StaffingSolution.HiringSuggestion;
import dev.hybridconf.interpretation.roster.LanguageClass;
import dev.hybridconf.interpretation.roster.LanguageSkill;
import dev.hybridconf.interpretation.roster.WorkMode;
import dev.hybridconf.testinfra.TranslationAssertions;

/** Everything the plan says exists in English, French and Spanish, and reads as a sentence. */
class PlanTextsTests {

    private final PlanTexts texts = new PlanTexts();

    @Test
    void everyTextIsInEnglishFrenchAndSpanish() {
        TranslationAssertions.assertCompleteInEnglishFrenchAndSpanish("i18n/plan");
        TranslationAssertions.assertCompleteInEnglishFrenchAndSpanish("i18n/messages");
    }

    @Test
    void everyRuleThePlannerNamesHasWordsAndAnUnknownOneIsNamedByItsCode() {
        for (String rule : List.of("competence", "availability", "overlap", "daily-blocks", "daily-hours",
                "block-length", "rest", "room-change", "remote-in-room", "relay-givers", "declined", "busy")) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"))) {
                assertThat(texts.rule(rule, locale)).as(rule + " in " + locale)
                        .isNotEqualTo(texts.text("plan.rule.other", locale, rule));
            }
        }
        assertThat(texts.rule("moon-phase", Locale.FRENCH)).isEqualTo("écarté·e par la règle moon-phase");
    }

    @Test
    void aHiringSuggestionReadsAsTheIssueSaysInEachLanguage() {
        HiringSuggestion suggestion = new HiringSuggestion(List.of(new LanguageSkill("es", LanguageClass.A, false),
                new LanguageSkill("en", LanguageClass.B, true)), LocalDate.of(2021, 2, 16), LocalTime.of(14, 0),
                LocalTime.of(17, 30), WorkMode.ON_SITE, "Room C", 2, List.of());

        assertThat(texts.hiring(suggestion, Locale.ENGLISH)).isEqualTo(
                "2 interpreters with Spanish A and English B (retour), Tuesday 16 February 14:00–17:30, on site, Room C");
        assertThat(texts.hiring(suggestion, Locale.FRENCH)).isEqualTo(
                "2 interprètes avec espagnol A et anglais B (retour), mardi 16 février 14:00–17:30, sur place, Room C");
        assertThat(texts.hiring(suggestion, Locale.forLanguageTag("es"))).isEqualTo(
                "2 intérpretes con español A y inglés B (retour), martes 16 de febrero 14:00–17:30, presencial, Room C");
    }

    @Test
    void csvIsAskedForByNameOnly() {
        assertThat(PlanController.wantsCsv("text/csv")).isTrue();
        assertThat(PlanController.wantsCsv("text/csv, */*")).isTrue();
        assertThat(PlanController.wantsCsv("application/json, text/csv")).isFalse();
        assertThat(PlanController.wantsCsv("application/json;q=0.5, text/csv")).isTrue();
        assertThat(PlanController.wantsCsv("*/*")).isFalse();
        assertThat(PlanController.wantsCsv(null)).isFalse();
        assertThat(PlanController.wantsCsv("Bogotá;;;")).isFalse();
    }
}

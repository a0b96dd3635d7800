package dev.hybridconf.rapporteur.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hybridconf.rapporteur.analysis.TrendsMother;
import dev.hybridconf.rapporteur.corpus.Conclusion;
import dev.hybridconf.rapporteur.programme.ConferenceInfo;
import dev.hybridconf.testinfra.TranslationAssertions;

/**
 * Drafts without a server: the same trends give the same Markdown; a day not analysed yet still gets the structure
 * and says so; moderators' words cannot turn into Markdown (a heading, a link, HTML); texts exist in en, fr and es.
 */
class DraftComposerTests {

    private static final String A = "1a2b3c4d-0000-4000-8000-00000000000a";
    private static final String B = "1a2b3c4d-0000-4000-8000-00000000000b";

    private final FakeProgramme programme = new FakeProgramme();
    private final DraftComposer composer = new DraftComposer(new SummaryTexts(), programme);
    private final ConferenceInfo conference = programme.conference(TrendsMother.CONFERENCE, TrendsMother.DAY);

    @Test
    void theSameTrendsGiveTheSameDraftAndADayWithoutAnalysisStillHasItsStructure() {
        programme.breakout(conference.id(), A, TrendsMother.DAY, "Housing for all", "Un logement pour tous");
        String once = composer.compose(conference, TrendsMother.DAY, "en", TrendsMother.dayTrends(A, B), List.of());
        String twice = composer.compose(conference, TrendsMother.DAY, "en", TrendsMother.dayTrends(A, B), List.of());
        assertThat(once).isEqualTo(twice).startsWith("# Trends of the day: February 16, 2021\n\n"
                + "*Theme of the day: Housing and the right to the city*");

        String empty = composer.compose(conference, TrendsMother.DAY, "es", null, List.of());
        assertThat(empty).contains("Todavía no se ha analizado ninguna conclusión de este día.", "## Nuevo hoy",
                "## Próximos pasos", "Nada que señalar por ahora.");
    }

    @Test
    void moderatorsWordsStayWordsInTheDraft() {
        programme.breakout(conference.id(), A, TrendsMother.DAY, "<script>alert(1)</script>", "x");
        Conclusion hostile = TrendsMother.conclusion(A, 1, "en", "# Heading [link](javascript:alert(1))",
                List.of(), List.of());
        Conclusion withRecommendation = new Conclusion(hostile.sessionId(), hostile.conferenceId(), hostile.day(), 1,
                "en", hostile.summary(), hostile.keyPoints(), List.of("**Bold** <b>html</b>\n# not a heading"),
                hostile.themes(), hostile.sdgs(), hostile.postedBy(), hostile.postedAt(), hostile.lock());
        String draft = composer.compose(conference, TrendsMother.DAY, "en", null, List.of(withRecommendation));
        assertThat(draft).contains("- \\*\\*Bold\\*\\* \\<b\\>html\\</b\\> \\# not a heading — "
                + "*\\<script\\>alert(1)\\</script\\>*");
        assertThat(draft.lines().filter(l -> l.startsWith("#")).toList()).allMatch(l -> l.startsWith("# Trends")
                || l.startsWith("## "));
    }

    @Test
    void draftTextsAndProblemTextsExistInEnglishFrenchAndSpanish() {
        TranslationAssertions.assertCompleteInEnglishFrenchAndSpanish("i18n/summary");
        TranslationAssertions.assertCompleteInEnglishFrenchAndSpanish("i18n/messages");
    }
}

package dev.hybridconf.rapporteur.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The trends as rapporteurs and organisers read them over HTTP: labels in the reader's language (a concept's own
 * label, a phrase in the language it was raised in, said so), times in the conference's zone, {@code pending}
 * while the corpus moved since the analysis, the conference's days with their top five and theme counts; unknown
 * conferences and days are 404, other roles 403, a language we do not write 400.
 */
class TrendsApiTests extends TrendsIntegrationTest {

    @Autowired
    TrendWorker worker;

    private static String day(String conference, LocalDate day) {
        return "/api/rapporteur/conferences/" + conference + "/days/" + day + "/trends";
    }

    private String analysedConference(String prefix) {
        String conference = TrendsApi.conference(prefix);
        programme.conference(conference, DAY1, DAY2);
        programme.breakout(conference, "s-a", DAY1);
        programme.breakout(conference, "s-b", DAY1);
        corpus.post(conference, "s-a", DAY1, 1, "en", "Affordable housing must be at the heart of recovery plans.");
        await().atMost(Duration.ofSeconds(20)).until(() -> trends.day(conference, DAY1)
                .filter(s -> !s.pending() && s.corpusVersion() == 1).isPresent());
        return conference;
    }

    @Test
    void aDaysTrendsAreInTheReadersLanguageWithPhrasesInTheirOwn() {
        String conference = analysedConference("api-lang");

        HttpResponse<String> french = api.get(day(conference, DAY1) + "?lang=fr", TrendsApi.RAPPORTEUR);
        assertThat(french.statusCode()).as(french.body()).isEqualTo(200);
        JsonNode body = api.read(french);
        assertThat(body.path("language").asString()).isEqualTo("fr");
        assertThat(body.path("analysed").asBoolean()).isTrue();
        assertThat(body.path("pending").asBoolean()).isFalse();
        assertThat(body.path("corpusVersion").asLong()).isEqualTo(1);
        assertThat(body.path("analysedAt").asString()).endsWith("-03:00");
        JsonNode housing = body.path("trends").get(0);
        assertThat(housing.path("label").asString()).isEqualTo("logement abordable");
        assertThat(housing.path("labelLanguage").asString()).isEqualTo("fr");
        assertThat(housing.path("labelInReaderLanguage").asBoolean()).isTrue();
        assertThat(housing.path("breakouts").asInt()).isEqualTo(2);
        assertThat(housing.path("isNew").asBoolean()).isTrue();
        assertThat(housing.path("evidence").get(1).path("sentence").asString())
                .isEqualTo("Les logements abordables manquent dans les métropoles.");
        JsonNode transport = body.path("trends").get(1);
        assertThat(transport.path("label").asString()).isEqualTo("public transport");
        assertThat(transport.path("labelLanguage").asString()).isEqualTo("en");
        assertThat(transport.path("labelInReaderLanguage").asBoolean()).isFalse();
        assertThat(body.path("themes").get(0).path("label").asString()).isEqualTo("Logement");

        JsonNode spanish = api.read(api.get(day(conference, DAY1), TrendsApi.ORGANISER, "es-AR,es;q=0.9"));
        assertThat(spanish.path("trends").get(0).path("label").asString()).isEqualTo("vivienda asequible");
        JsonNode english = api.read(api.get(day(conference, DAY1), TrendsApi.RAPPORTEUR, "de"));
        assertThat(english.path("language").asString()).isEqualTo("en");
        assertThat(english.path("trends").get(0).path("label").asString()).isEqualTo("affordable housing");
    }

    @Test
    void anAnalysisBehindTheCorpusIsPendingUntilTheNextOneIsStored() {
        String conference = analysedConference("api-pending");
        worker.stop();
        try {
            corpus.post(conference, "s-a", DAY1, 2, "en", "Affordable housing, revised.");
            JsonNode behind = api.read(api.get(day(conference, DAY1), TrendsApi.RAPPORTEUR));
            assertThat(behind.path("pending").asBoolean()).isTrue();
            assertThat(behind.path("corpusVersion").asLong()).isEqualTo(1);
        } finally {
            worker.start();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode now = api.read(api.get(day(conference, DAY1), TrendsApi.RAPPORTEUR));
            return !now.path("pending").asBoolean() && now.path("corpusVersion").asLong() == 2;
        });
    }

    @Test
    void aDayNotAnalysedYetSaysSo() {
        String conference = analysedConference("api-none");
        JsonNode none = api.read(api.get(day(conference, DAY2), TrendsApi.RAPPORTEUR));
        assertThat(none.path("analysed").asBoolean()).isFalse();
        assertThat(none.path("pending").asBoolean()).isFalse();
        assertThat(none.path("trends").size()).isZero();
    }

    @Test
    void theConferenceViewGivesEachDayItsTopFiveAndThemeCounts() {
        String conference = analysedConference("api-conference");
        HttpResponse<String> response = api.get("/api/rapporteur/conferences/" + conference + "/trends?lang=es",
                TrendsApi.ORGANISER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode days = api.read(response).path("days");
        assertThat(days.size()).isEqualTo(2);
        JsonNode first = days.get(0);
        assertThat(first.path("day").asString()).isEqualTo(DAY1.toString());
        assertThat(first.path("theme").asString()).isEqualTo("Vivienda " + DAY1);
        assertThat(first.path("analysed").asBoolean()).isTrue();
        assertThat(first.path("top").size()).isBetween(1, 5);
        assertThat(first.path("top").get(0).path("label").asString()).isEqualTo("vivienda asequible");
        assertThat(first.path("top").get(0).path("rank").asInt()).isEqualTo(1);
        assertThat(first.path("themes").get(0).path("label").asString()).isEqualTo("Vivienda");
        assertThat(first.path("themes").get(0).path("breakouts").asInt()).isEqualTo(2);
        assertThat(days.get(1).path("analysed").asBoolean()).isFalse();
        assertThat(days.get(1).path("top").size()).isZero();
    }

    @Test
    void unknownConferencesAndDaysAre404AndOtherRolesAreRefused() {
        String conference = analysedConference("api-refusals");
        HttpResponse<String> unknown = api.get(day("no-such-conference-2021", DAY1), TrendsApi.RAPPORTEUR, "fr");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(api.read(unknown).path("detail").asString()).contains("conférence");
        assertThat(api.get("/api/rapporteur/conferences/no-such-conference-2021/trends", TrendsApi.RAPPORTEUR)
                .statusCode()).isEqualTo(404);
        HttpResponse<String> otherDay = api.get(day(conference, LocalDate.of(2021, 3, 1)), TrendsApi.RAPPORTEUR, "es");
        assertThat(otherDay.statusCode()).isEqualTo(404);
        assertThat(api.read(otherDay).path("detail").asString()).contains("2021-03-01");
        for (String bad : new String[] {"2021-13-45", "yesterday", "2021-02-16T00:00", "%00"}) {
            HttpResponse<String> malformed = api.get("/api/rapporteur/conferences/" + conference + "/days/" + bad
                    + "/trends", TrendsApi.RAPPORTEUR);
            assertThat(malformed.statusCode()).as(bad).isIn(400, 404);
            assertThat(malformed.headers().firstValue("Content-Type")).as(bad)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        HttpResponse<String> german = api.get(day(conference, DAY1) + "?lang=de", TrendsApi.RAPPORTEUR);
        assertThat(german.statusCode()).isEqualTo(400);
        assertThat(api.read(german).path("errors").get(0).path("field").asString()).isEqualTo("lang");
        assertThat(api.get(day(conference, DAY1), TrendsApi.PARTICIPANT).statusCode()).isEqualTo(403);
        assertThat(api.get(day(conference, DAY1), TrendsApi.MODERATOR).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/rapporteur/conferences/" + conference + "/trends", TrendsApi.PARTICIPANT)
                .statusCode()).isEqualTo(403);
        assertThat(api.get(day(conference, DAY1), null).statusCode()).isEqualTo(401);
    }
}

package dev.hybridconf.rapporteur.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hybridconf.rapporteur.analysis.ThemeCount;
import dev.hybridconf.rapporteur.programme.ConferenceInfo;
import dev.hybridconf.rapporteur.summary.PublishedText;
import dev.hybridconf.rapporteur.summary.PublishedVersion;
import dev.hybridconf.testinfra.TranslationAssertions;
import tools.jackson.databind.JsonNode;

/**
 * Readers get the published summary in their language, or another one with a notice in theirs; versions and
 * corrections; stale texts say so; only published days exist for them; bad addresses are problem details.
 */
class ReadingTests extends ReadingServiceTest {

    private static final Map<String, String> THREE = Map.of(
            "en", "## Key emerging issues\n\nAffordable housing was raised by **4 breakouts**.",
            "fr", "## Enjeux émergents\n\nLe logement abordable a été soulevé par **4 ateliers**.",
            "es", "## Temas emergentes\n\nLa vivienda asequible fue planteada por **4 talleres**.");

    private String published(ConferenceInfo conference, java.time.LocalDate day, String query) {
        return base(conference) + "/days/" + day + "/summary/published" + query;
    }

    @Test
    void readersGetTheSummaryInTheLanguageTheyAskFor() {
        ConferenceInfo conference = conference("rd-lang", "en", "fr", "es");
        publish(conference, DAY1, 1, PUBLISHED, THREE, Map.of());

        JsonNode fr = ok(get(published(conference, DAY1, "?lang=fr")));
        assertThat(fr.path("language").asText()).isEqualTo("fr");
        assertThat(fr.path("requested").asText()).isEqualTo("fr");
        assertThat(fr.path("fallback").asBoolean()).isFalse();
        assertThat(fr.path("notice").isNull()).isTrue();
        assertThat(fr.path("html").asText()).contains("<h2>Enjeux émergents</h2>").contains("<strong>4 ateliers</strong>");
        assertThat(fr.path("version").asInt()).isEqualTo(1);
        assertThat(fr.path("languages")).extracting(JsonNode::asText).containsExactly("en", "fr", "es");
        // The conference's clock: Madrid in February is one hour ahead of UTC.
        assertThat(fr.path("publishedAt").asText()).isEqualTo("2021-02-16T18:05:00+01:00");

        JsonNode es = ok(get(published(conference, DAY1, ""), "Accept-Language", "es-ES,es;q=0.9"));
        assertThat(es.path("language").asText()).isEqualTo("es");
        assertThat(es.path("html").asText()).contains("vivienda asequible");
    }

    @Test
    void aMissingLanguageFallsBackWithANoticeInTheReadersLanguage() {
        ConferenceInfo conference = conference("rd-fallback", "en", "fr", "es");
        publish(conference, DAY1, 1, PUBLISHED, Map.of("en", THREE.get("en")), Map.of());

        JsonNode fr = ok(get(published(conference, DAY1, "?lang=fr")));
        assertThat(fr.path("language").asText()).isEqualTo("en");
        assertThat(fr.path("requested").asText()).isEqualTo("fr");
        assertThat(fr.path("fallback").asBoolean()).isTrue();
        assertThat(fr.path("notice").asText())
                .isEqualTo("Ce résumé n'existe pas encore en français ; voici la version anglaise.");
        assertThat(fr.path("html").asText()).contains("Affordable housing");
        assertThat(fr.path("missing")).extracting(JsonNode::asText).containsExactly("fr", "es");

        JsonNode es = ok(get(published(conference, DAY1, "?lang=es")));
        assertThat(es.path("notice").asText())
                .isEqualTo("Este resumen aún no existe en español; aquí tiene la versión en inglés.");

        ConferenceInfo french = conference("rd-fallback-fr", "fr", "es", "en");
        publish(french, DAY1, 1, PUBLISHED, Map.of("fr", THREE.get("fr")), Map.of());
        JsonNode en = ok(get(published(french, DAY1, "?lang=en")));
        assertThat(en.path("language").asText()).isEqualTo("fr");
        assertThat(en.path("notice").asText())
                .isEqualTo("This summary does not exist in English yet; here is the French version.");
    }

    @Test
    void theFallbackFollowsTheConferencesWorkingLanguagesInOrder() {
        ConferenceInfo conference = conference("rd-order", "en", "es", "fr");
        publish(conference, DAY1, 1, PUBLISHED, Map.of("fr", THREE.get("fr"), "es", THREE.get("es")), Map.of());

        JsonNode en = ok(get(published(conference, DAY1, "?lang=en")));
        assertThat(en.path("language").asText()).isEqualTo("es");
        assertThat(en.path("notice").asText())
                .isEqualTo("This summary does not exist in English yet; here is the Spanish version.");
    }

    @Test
    void aCorrectionIsANewVersionAndEarlierVersionsStayReadable() {
        ConferenceInfo conference = conference("rd-versions", "en", "fr", "es");
        publish(conference, DAY1, 1, PUBLISHED, THREE, Map.of());
        publish(conference, DAY1, 2, PUBLISHED.plusSeconds(3600),
                Map.of("en", "## Key emerging issues\n\nAffordable housing was raised by **5 breakouts**.",
                        "fr", THREE.get("fr"), "es", THREE.get("es")),
                Map.of("en", "Five breakouts, not four: breakout 7 reported late."));

        JsonNode latest = ok(get(published(conference, DAY1, "?lang=en")));
        assertThat(latest.path("version").asInt()).isEqualTo(2);
        assertThat(latest.path("latestVersion").asInt()).isEqualTo(2);
        assertThat(latest.path("html").asText()).contains("5 breakouts");
        assertThat(latest.path("corrections")).hasSize(1);
        assertThat(latest.path("corrections").get(0).path("version").asInt()).isEqualTo(2);
        assertThat(latest.path("corrections").get(0).path("note").asText())
                .isEqualTo("Five breakouts, not four: breakout 7 reported late.");

        JsonNode first = ok(get(published(conference, DAY1, "?lang=en&version=1")));
        assertThat(first.path("version").asInt()).isEqualTo(1);
        assertThat(first.path("latestVersion").asInt()).isEqualTo(2);
        assertThat(first.path("html").asText()).contains("4 breakouts");
        assertThat(first.path("corrections")).isEmpty();

        problem(get(published(conference, DAY1, "?lang=en&version=3")), 404, "not-found");
        JsonNode zero = problem(get(published(conference, DAY1, "?version=0")), 400, "validation");
        assertThat(zero.path("errors").get(0).path("field").asText()).isEqualTo("version");
        problem(get(published(conference, DAY1, "?version=two")), 400, "validation");
        problem(get(published(conference, DAY1, "?version=99999999999")), 400, "validation");
    }

    @Test
    void aStaleTextSaysItsSourceWasCorrectedSince() {
        ConferenceInfo conference = conference("rd-stale", "en", "fr", "es");
        publish(new PublishedVersion(conference.id(), DAY1, 1, PUBLISHED,
                Map.of("en", new PublishedText("en", 3, THREE.get("en"), false, null),
                        "fr", new PublishedText("fr", 1, THREE.get("fr"), true, "en")),
                List.of("es"), Map.of()));

        JsonNode fr = ok(get(published(conference, DAY1, "?lang=fr")));
        assertThat(fr.path("stale").asBoolean()).isTrue();
        assertThat(fr.path("writtenFrom").asText()).isEqualTo("en");
        assertThat(fr.path("staleNotice").asText())
                .isEqualTo("Ce texte a été écrit à partir de la version anglaise, corrigée depuis.");
        JsonNode en = ok(get(published(conference, DAY1, "?lang=en")));
        assertThat(en.path("stale").asBoolean()).isFalse();
        assertThat(en.path("staleNotice").isNull()).isTrue();
    }

    @Test
    void aDayWithOnlyDraftsDoesNotExistForReaders() {
        ConferenceInfo conference = conference("rd-drafts", "en", "fr", "es");
        publish(conference, DAY1, 1, PUBLISHED, THREE, Map.of());
        // Day 2 has conclusions, an analysis and (in the summary part) drafts, but nothing published.
        analyse(conference, DAY2, List.of(new ThemeCount("secret-theme", Map.of("en", "Secret theme"), 3,
                List.of("s1", "s2", "s3"))));
        analyse(conference, DAY1, List.of(new ThemeCount("housing", Map.of("en", "Housing"), 2, List.of("s1", "s2"))));

        problem(get(published(conference, DAY2, "?lang=en")), 404, "not-found");
        problem(get(published(conference, DAY2, "?lang=en"), "Accept", "text/html"), 404, "not-found");
        problem(get(base(conference) + "/days/" + DAY2 + "/themes.svg"), 404, "not-found");

        JsonNode list = ok(get(base(conference) + "/summaries?lang=en"));
        assertThat(list.path("days")).extracting(d -> d.path("day").asText()).containsExactly(DAY1.toString());
        assertThat(get(base(conference) + "/themes.svg?lang=en").body()).contains("Housing")
                .doesNotContain("Secret theme");
        assertThat(get(base(conference) + "/summaries.atom?lang=en").body()).doesNotContain(DAY2.toString());
    }

    @Test
    void unknownConferencesAndDaysAreNotFoundAndBadAddressesAreRefused() {
        ConferenceInfo conference = conference("rd-unknown", "en", "fr", "es");
        publish(conference, DAY1, 1, PUBLISHED, THREE, Map.of());

        for (String path : List.of("/summaries", "/summaries.atom", "/themes.svg",
                "/days/" + DAY1 + "/summary/published", "/days/" + DAY1 + "/themes.svg")) {
            JsonNode missing = problem(get("/api/rapporteur/conferences/no-such-conference-2021" + path), 404,
                    "not-found");
            assertThat(missing.path("detail").asText()).isEqualTo("There is no conference with this id.");
        }
        JsonNode day = problem(get(published(conference, DAY3, "?lang=es")), 404, "not-found");
        assertThat(day.path("detail").asText()).isEqualTo("No summary of this day has been published.");

        JsonNode badDay = problem(get(base(conference) + "/days/2021-02-30/summary/published"), 400, "validation");
        assertThat(badDay.path("errors").get(0).path("field").asText()).isEqualTo("day");
        problem(get(base(conference) + "/days/tuesday/themes.svg"), 400, "validation");
        JsonNode badLang = problem(get(published(conference, DAY1, "?lang=de"), "Accept-Language", "fr"), 400,
                "validation");
        assertThat(badLang.path("errors").get(0).path("field").asText()).isEqualTo("lang");
        assertThat(badLang.path("errors").get(0).path("message").asText()).isEqualTo("doit être en, fr ou es");
        problem(get(base(conference) + "/summaries?lang=xx"), 400, "validation");
        problem(get(base(conference) + "/summaries.atom?lang=%00"), 400, "validation");
    }

    @Test
    void theConferenceListsItsPublishedDaysWithTheirLatestVersion() {
        ConferenceInfo conference = conference("rd-list", "en", "fr", "es");
        publish(conference, DAY1, 1, PUBLISHED, THREE, Map.of());
        publish(conference, DAY1, 2, PUBLISHED.plusSeconds(600), THREE, Map.of("en", "Typo.", "fr", "Coquille.",
                "es", "Errata."));
        publish(conference, DAY2, 1, PUBLISHED.plusSeconds(86_400), Map.of("en", THREE.get("en")), Map.of());

        JsonNode list = ok(get(base(conference) + "/summaries?lang=fr"));
        assertThat(list.path("name").asText()).isEqualTo("Séminaire Campus 2021");
        JsonNode days = list.path("days");
        assertThat(days).hasSize(2);
        assertThat(days.get(0).path("day").asText()).isEqualTo("2021-02-16");
        assertThat(days.get(0).path("version").asInt()).isEqualTo(2);
        assertThat(days.get(0).path("theme").asText()).isEqualTo("Logement");
        assertThat(days.get(0).path("language").asText()).isEqualTo("fr");
        assertThat(days.get(1).path("languages")).extracting(JsonNode::asText).containsExactly("en");
        assertThat(days.get(1).path("missing")).extracting(JsonNode::asText).containsExactly("fr", "es");
        assertThat(days.get(1).path("fallback").asBoolean()).isTrue();
        assertThat(days.get(1).path("href").asText()).isEqualTo(PUBLIC_BASE + base(conference)
                + "/days/2021-02-17/summary/published?lang=fr");
        assertThat(list.path("feed").asText()).startsWith(PUBLIC_BASE + "/api/rapporteur/");

        JsonNode empty = ok(get(base(conference("rd-empty", "en")) + "/summaries"));
        assertThat(empty.path("days")).isEmpty();
    }

    @Test
    void aBrowserGetsAPageWithTheChartTheNoticesAndTheCorrections() {
        ConferenceInfo conference = conference("rd-page", "en", "fr", "es");
        publish(conference, DAY1, 1, PUBLISHED, Map.of("en", THREE.get("en")), Map.of());
        publish(conference, DAY1, 2, PUBLISHED.plusSeconds(3600),
                Map.of("en", THREE.get("en") + "\n\n| Theme | Breakouts |\n|---|---|\n| Housing | 4 |"),
                Map.of("en", "A table of the themes was added."));
        analyse(conference, DAY1, List.of(new ThemeCount("housing", Map.of("en", "Housing", "fr", "Logement"), 4,
                List.of("s1", "s2", "s3", "s4"))));

        HttpResponse<String> page = get(published(conference, DAY1, "?lang=fr"),
                "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .startsWith("default-src 'none'; style-src 'unsafe-inline'; img-src data:"));
        String html = page.body();
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"fr\">")
                .contains("<p class=\"notice\" role=\"note\">Ce résumé n&#39;existe pas encore en français ; voici la"
                        + " version anglaise.</p>")
                .contains("<h1>Résumé du mardi 16 février 2021</h1>")
                .contains("<article lang=\"en\">")
                .contains("<table>")
                .contains("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("Logement")
                .contains("<h2 id=\"corrections-heading\">Corrections</h2>")
                .contains("A table of the themes was added.")
                .doesNotContain("<script");

        // Anything else than a browser gets JSON: no preference, JSON preferred, or an unreadable header.
        for (String accept : List.of("*/*", "application/json, text/html;q=0.9", "application/json", "text/html;q=0, application/json",
                "Bogotá")) {
            assertThat(get(published(conference, DAY1, "?lang=fr"), "Accept", accept).headers()
                    .firstValue("Content-Type")).as(accept)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        }
    }

    @Test
    void everyReaderTextAndProblemIsWrittenInEnglishFrenchAndSpanish() throws java.io.IOException {
        TranslationAssertions.assertCompleteInEnglishFrenchAndSpanish("i18n/reading");
        java.util.Properties english = properties("i18n/messages.properties");
        for (String language : List.of("fr", "es")) {
            java.util.Properties translated = properties("i18n/messages_" + language + ".properties");
            english.stringPropertyNames().stream().filter(key -> key.startsWith("reading."))
                    .forEach(key -> assertThat(translated.getProperty(key)).as(language + " " + key).isNotBlank());
        }
        assertThat(english.stringPropertyNames()).filteredOn(key -> key.startsWith("reading.")).hasSize(6);
    }

    private static java.util.Properties properties(String resource) throws java.io.IOException {
        java.util.Properties properties = new java.util.Properties();
        try (var in = new java.io.InputStreamReader(ReadingTests.class.getClassLoader().getResourceAsStream(resource),
                java.nio.charset.StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void publishedTimesUseTheConferenceClock() {
        ConferenceInfo conference = conference("rd-zone", "en");
        publish(conference, DAY1, 1, Instant.parse("2021-02-16T23:30:00Z"), Map.of("en", THREE.get("en")), Map.of());

        JsonNode en = ok(get(published(conference, DAY1, "?lang=en")));
        assertThat(en.path("publishedAt").asText()).isEqualTo("2021-02-17T00:30:00+01:00");
    }
}

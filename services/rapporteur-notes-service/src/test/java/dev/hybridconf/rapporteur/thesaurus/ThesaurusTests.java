package dev.hybridconf.rapporteur.thesaurus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hybridconf.rapporteur.trends.StoredTrends;
import dev.hybridconf.rapporteur.trends.TrendsApi;
import dev.hybridconf.rapporteur.trends.TrendsIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The conference thesaurus through its HTTP API on a real Redis: organisers replace it as a whole in JSON or CSV
 * with versions and {@code If-Match}; every invalid field is named at once and nothing is kept of a refused
 * upload; one label in two concepts is refused naming both; the CSV export round-trips and guards formula cells; a
 * change has every day with conclusions analysed again, once; a demo thesaurus is there from the first read.
 */
class ThesaurusTests extends TrendsIntegrationTest {

    private String conference(String prefix) {
        String conference = TrendsApi.conference(prefix);
        programme.conference(conference, DAY1, DAY2);
        return conference;
    }

    private HttpResponse<String> putJson(String conference, String body, String ifMatch) {
        return api.put(TrendsApi.thesaurus(conference), TrendsApi.ORGANISER, "application/json", body, ifMatch);
    }

    @Test
    void organisersReplaceTheWholeThesaurusWithVersionsAndRapporteursReadIt() {
        String conference = conference("thes-crud");
        HttpResponse<String> empty = api.get(TrendsApi.thesaurus(conference), TrendsApi.RAPPORTEUR);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.headers().firstValue("ETag")).contains("\"0\"");
        assertThat(api.read(empty).path("concepts").size()).isZero();

        HttpResponse<String> put = putJson(conference, TrendsApi.housingThesaurus(), "\"0\"");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.headers().firstValue("ETag")).contains("\"1\"");

        HttpResponse<String> read = api.get(TrendsApi.thesaurus(conference), TrendsApi.RAPPORTEUR);
        JsonNode body = api.read(read);
        assertThat(read.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(body.path("version").asLong()).isEqualTo(1);
        assertThat(body.path("updatedAt").asString()).endsWith("-03:00");
        assertThat(body.path("concepts").get(0).path("id").asString()).isEqualTo("affordable-housing");
        assertThat(body.path("concepts").get(0).path("labels").path("fr").get(1).asString())
                .isEqualTo("logement accessible");
        assertThat(body.path("concepts").get(1).path("ignore").asBoolean()).isTrue();

        // The same thesaurus again is no change: no new version.
        assertThat(putJson(conference, TrendsApi.housingThesaurus(), "\"1\"").headers().firstValue("ETag"))
                .contains("\"1\"");

        String changed = TrendsApi.housingThesaurus().replace("la ville", "la métropole");
        HttpResponse<String> stale = api.put(TrendsApi.thesaurus(conference), TrendsApi.ORGANISER, "application/json",
                changed.getBytes(StandardCharsets.UTF_8), "\"0\"", "fr");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.read(stale).path("detail").asString()).contains("version 1");
        assertThat(api.read(stale).path("detail").asString()).contains("Rechargez");

        HttpResponse<String> second = putJson(conference, changed, "\"1\"");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(api.read(second).path("version").asLong()).isEqualTo(2);
        assertThat(api.read(second).path("concepts").get(1).path("labels").path("fr").get(0).asString())
                .isEqualTo("la métropole");
    }

    @Test
    void theCsvExportGuardsFormulasAndReadsBackAsTheSameThesaurus() {
        String conference = conference("thes-csv");
        String csv = "\uFEFF# A French spreadsheet: semicolons\n"
                + "id;en;fr;es;ignore\n"
                + "affordable-housing;affordable housing|housing affordability;\"logement abordable, accessible\";vivienda asequible;non\n"
                + "formula;\"=HYPERLINK(\"\"http://evil.example\"\";\"\"x\"\")\";;;\n"
                + "generic-city;the city;la ville;;oui\n";
        HttpResponse<String> put = api.put(TrendsApi.thesaurus(conference), TrendsApi.ORGANISER, "text/csv", csv, null);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode stored = api.read(put);
        assertThat(stored.path("concepts").get(0).path("labels").path("en").get(1).asString())
                .isEqualTo("housing affordability");
        assertThat(stored.path("concepts").get(0).path("labels").path("fr").get(0).asString())
                .isEqualTo("logement abordable, accessible");
        assertThat(stored.path("concepts").get(2).path("ignore").asBoolean()).isTrue();

        HttpResponse<String> export = api.get(TrendsApi.thesaurus(conference) + ".csv", TrendsApi.ORGANISER);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(export.body()).startsWith("\uFEFFid,en,fr,es,ignore\r\n");
        assertThat(export.body()).contains("formula,\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"x\"\")\",,,false");
        assertThat(export.body().lines()).noneMatch(line -> line.contains(",=") || line.startsWith("="));

        HttpResponse<String> back = api.put(TrendsApi.thesaurus(conference), TrendsApi.ORGANISER, "text/csv",
                export.body(), "\"1\"");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(back.headers().firstValue("ETag")).as("same thesaurus, no new version").contains("\"1\"");
        assertThat(api.read(back).path("concepts")).isEqualTo(stored.path("concepts"));
    }

    @Test
    void everyInvalidFieldIsNamedAndNothingOfARefusedUploadIsKept() {
        String conference = conference("thes-invalid");
        putJson(conference, TrendsApi.housingThesaurus(), null);
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("\"label " + i + "\"");
        }
        String invalid = """
                {"concepts": [
                  {"id": "Affordable Housing", "labels": {"en": ["affordable housing"]}},
                  {"id": "dup", "labels": {"en": ["%s"]}},
                  {"id": "dup", "labels": {"fr": ["bell \\u0007 ring"], "es": ["a|b"]}},
                  {"id": "empty", "labels": {"en": ["... — !"]}},
                  {"id": "many", "labels": {"en": [%s], "de": ["Wohnen"]}},
                  {"id": "none", "labels": {}, "ignore": "yes"}
                ]}""".formatted("x".repeat(101), String.join(",", eleven));
        HttpResponse<String> refused = putJson(conference, invalid, null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = api.read(refused);
        assertThat(problem.path("type").asString()).endsWith("/validation");
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).contains("concepts[0].id", "concepts[1].labels.en[0]", "concepts[2].id",
                "concepts[2].labels.fr[0]", "concepts[2].labels.es[0]", "concepts[3].labels.en[0]",
                "concepts[4].labels.en", "concepts[4].labels", "concepts[5].labels", "concepts[5].ignore");
        assertThat(problem.path("errors").toString()).contains("... — !");

        JsonNode kept = api.read(api.get(TrendsApi.thesaurus(conference), TrendsApi.ORGANISER));
        assertThat(kept.path("version").asLong()).isEqualTo(1);
        assertThat(kept.path("concepts").size()).isEqualTo(2);
    }

    @Test
    void oneLabelInTwoConceptsIsRefusedNamingBoth() {
        String conference = conference("thes-ambiguous");
        String ambiguous = """
                {"concepts": [
                  {"id": "housing", "labels": {"en": ["Affordable housing"]}},
                  {"id": "shelter", "labels": {"en": ["shelter", "affordable   HOUSING"], "fr": ["affordable housing"]}}
                ]}""";
        for (String language : List.of("en", "fr", "es")) {
            HttpResponse<String> refused = api.put(TrendsApi.thesaurus(conference), TrendsApi.ORGANISER,
                    "application/json", ambiguous.getBytes(StandardCharsets.UTF_8), null, language);
            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode problem = api.read(refused);
            assertThat(problem.path("type").asString()).endsWith("/thesaurus-label-ambiguous");
            assertThat(problem.path("detail").asString()).contains("housing", "shelter", "affordable   HOUSING",
                    "Affordable housing");
            assertThat(problem.path("detail").asString()).contains(switch (language) {
                case "fr" -> "concept";
                case "es" -> "concepto";
                default -> "concept";
            });
        }
        // The same words in two languages are two labels, not an ambiguity.
        assertThat(putJson(conference, ambiguous.replace("\"shelter\", \"affordable   HOUSING\"", "\"shelter\""), null)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aThesaurusHasAtMostTwoThousandConcepts() {
        String conference = conference("thes-limits");
        HttpResponse<String> full = putJson(conference, concepts(2000), null);
        assertThat(full.statusCode()).as(full.body()).isEqualTo(200);
        assertThat(api.read(full).path("concepts").size()).isEqualTo(2000);
        HttpResponse<String> over = putJson(conference, concepts(2001), null);
        assertThat(over.statusCode()).isEqualTo(400);
        assertThat(api.read(over).path("errors").get(0).path("field").asString()).isEqualTo("concepts");
    }

    private static String concepts(int count) {
        StringBuilder json = new StringBuilder("{\"concepts\":[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"c").append(i).append("\",\"labels\":{\"en\":[\"term ")
                    .append(i).append("\"],\"fr\":[\"terme ").append(i).append("\"]}}");
        }
        return json.append("]}").toString();
    }

    @Test
    void brokenUploadsAreProblemDetails() {
        String conference = conference("thes-broken");
        assertThat(putJson(conference, "{\"concepts\": [", null).statusCode()).isEqualTo(400);
        assertThat(api.read(putJson(conference, "{\"concepts\": [", null)).path("type").asString())
                .endsWith("/malformed-body");
        HttpResponse<String> unclosed = api.put(TrendsApi.thesaurus(conference), TrendsApi.ORGANISER, "text/csv",
                "id,en\nhousing,\"affordable housing\n", null);
        assertThat(unclosed.statusCode()).isEqualTo(400);
        assertThat(api.read(unclosed).path("type").asString()).endsWith("/csv-invalid");
        HttpResponse<String> column = api.put(TrendsApi.thesaurus(conference), TrendsApi.ORGANISER, "text/csv",
                "id,en,de\nhousing,housing,Wohnen\n", null);
        assertThat(api.read(column).path("detail").asString()).contains("\"de\"");
        HttpResponse<String> notUtf8 = api.put(TrendsApi.thesaurus(conference), TrendsApi.ORGANISER, "text/csv",
                new byte[] {'i', 'd', ',', 'e', 'n', '\n', 'a', ',', (byte) 0xE9, '\n'}, null, null);
        assertThat(api.read(notUtf8).path("type").asString()).endsWith("/csv-invalid");
        HttpResponse<String> xml = api.put(TrendsApi.thesaurus(conference), TrendsApi.ORGANISER, "application/xml",
                "<concepts/>", null);
        assertThat(xml.statusCode()).isEqualTo(415);
        assertThat(api.read(api.get(TrendsApi.thesaurus(conference), TrendsApi.ORGANISER)).path("version").asLong())
                .isZero();
    }

    @Test
    void onlyOrganisersChangeItAndOnlyRapporteursAndOrganisersReadIt() {
        String conference = conference("thes-roles");
        assertThat(api.put(TrendsApi.thesaurus(conference), TrendsApi.RAPPORTEUR, "application/json",
                TrendsApi.housingThesaurus(), null).statusCode()).isEqualTo(403);
        assertThat(api.get(TrendsApi.thesaurus(conference), TrendsApi.PARTICIPANT).statusCode()).isEqualTo(403);
        assertThat(api.get(TrendsApi.thesaurus(conference) + ".csv", TrendsApi.MODERATOR).statusCode()).isEqualTo(403);
        assertThat(api.get(TrendsApi.thesaurus(conference), null).statusCode()).isEqualTo(401);
        HttpResponse<String> unknown = api.get(TrendsApi.thesaurus("no-such-conference-2021"), TrendsApi.ORGANISER, "es");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(api.read(unknown).path("detail").asString()).contains("no-such-conference-2021", "conferencia");
        assertThat(putJson("no-such-conference-2021", TrendsApi.housingThesaurus(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void aChangeHasEveryDayWithConclusionsAnalysedAgainOnce() {
        String conference = conference("thes-reanalyse");
        corpus.post(conference, "s-1", DAY1, 1, "en", "Affordable housing.");
        corpus.post(conference, "s-2", DAY2, 1, "fr", "Logement abordable.");
        await().atMost(Duration.ofSeconds(20)).until(() -> analysedWith(conference, DAY1, 0)
                && analysedWith(conference, DAY2, 0));
        int day1 = analyzer.runs(conference, DAY1);
        int day2 = analyzer.runs(conference, DAY2);

        assertThat(putJson(conference, TrendsApi.housingThesaurus(), null).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> analysedWith(conference, DAY1, 1)
                && analysedWith(conference, DAY2, 1));
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> analyzer.runs(conference, DAY1) == day1 + 1 && analyzer.runs(conference, DAY2) == day2 + 1);
        assertThat(trends.day(conference, DAY2)).get().extracting(s -> s.trends().method())
                .isEqualTo("fake/s-2@1;earlier=1;t1");
    }

    private boolean analysedWith(String conference, LocalDate day, long thesaurusVersion) {
        return trends.day(conference, day).filter(s -> !s.pending())
                .map(StoredTrends::thesaurusVersion).orElse(-1L) == thesaurusVersion;
    }

    @Test
    void aConferenceWithADemoThesaurusHasItFromTheFirstRead() {
        String conference = "thesaurus-demo-2021";
        programme.conference(conference, DAY1);
        JsonNode demo = api.read(api.get(TrendsApi.thesaurus(conference), TrendsApi.RAPPORTEUR));
        assertThat(demo.path("version").asLong()).isEqualTo(1);
        List<String> ids = new ArrayList<>();
        demo.path("concepts").forEach(concept -> ids.add(concept.path("id").asString()));
        assertThat(ids).containsExactly("affordable-housing", "generic-city", "right-to-the-city");
        assertThat(demo.path("concepts").get(2).path("labels").path("fr").get(0).asString())
                .isEqualTo("droit à la ville");
        // Read again: loaded once.
        assertThat(api.read(api.get(TrendsApi.thesaurus(conference), TrendsApi.RAPPORTEUR)).path("version").asLong())
                .isEqualTo(1);
    }
}

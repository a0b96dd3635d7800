package dev.hybridconf.interpretation.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import tools.jackson.databind.JsonNode;

/**
 * The organisers' views of the draft on a real Redis: every gap with each candidate's reason (rule code and words in
 * the reader's language), hiring suggestions that add up to the gaps, what the needs changed since the solve, the
 * coverage matrix per day as JSON and as formula-guarded CSV, and the load per interpreter.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PlanViewsTests extends PlanServiceTest {

    @BeforeEach
    void solved() {
        newConference("views");
    }

    @Test
    void beforeAnySolveTheDraftIsEveryNeededBoothUnplanned() {
        JsonNode plan = api.ok(api.get(PlanApi.plan(fixture.conferenceId), api.organiser));

        assertThat(plan.get("solvedAt").isNull()).isTrue();
        assertThat(plan.get("booths")).isEmpty();
        assertThat(plan.get("unplanned")).hasSize(5);
        assertThat(plan.get("emptySeats").asInt()).isEqualTo(10);
        assertThat(plan.get("solve").get("status").asString()).isEqualTo("IDLE");
    }

    @Test
    void gapsSayWhyEveryCandidateWasKeptOutInTheReadersLanguageAndHiringAddsUp() {
        api.solve(fixture.conferenceId);

        JsonNode french = api.ok(api.get(PlanApi.plan(fixture.conferenceId), api.organiser, "Accept-Language", "fr"));
        JsonNode spanish = api.ok(api.get(PlanApi.plan(fixture.conferenceId) + "?lang=es", api.organiser,
                "Accept-Language", "fr"));

        assertThat(french.get("score").get("hard").asLong()).isZero();
        assertThat(french.get("score").get("medium").asLong()).isEqualTo(-1);
        assertThat(french.get("hardViolations").asInt()).isZero();
        assertThat(french.get("needsChanged").asBoolean()).isFalse();
        assertThat(french.get("seats").asInt()).isEqualTo(10);
        assertThat(french.get("emptySeats").asInt()).isEqualTo(1);
        assertThat(french.get("booths")).hasSize(5);
        assertThat(french.get("booths").get(0).get("seats").get(0).get("name").asString()).isEqualTo("Amélie Martin");
        JsonNode gap = french.get("gaps").get(0);
        assertThat(gap.get("sessionId").asString()).isEqualTo(fixture.online);
        assertThat(gap.get("language").asString()).isEqualTo("en");
        assertThat(gap.get("languageName").asString()).isEqualTo("anglais");
        assertThat(gap.get("seat").asInt()).isEqualTo(1);
        assertThat(gap.get("candidates")).hasSize(7);
        assertThat(gap.get("candidates")).extracting(c -> c.get("name").asString() + ": " + c.get("rule").asString())
                .contains("Carmen Ruiz: competence", "Emma Brown: busy", "Finn O'Neill: competence");
        assertThat(gap.get("candidates").get(0).get("reason").asString())
                .isEqualTo("ne peut pas interpréter vers cette langue depuis les langues de la séance");
        assertThat(spanish.get("gaps").get(0).get("candidates").get(0).get("reason").asString())
                .isEqualTo("no puede interpretar hacia este idioma desde los idiomas de la sesión");

        JsonNode hiring = french.get("hiring");
        assertThat(hiring).hasSize(1);
        assertThat(hiring.get(0).get("gaps").asInt()).isEqualTo(french.get("gaps").size());
        assertThat(hiring.get(0).get("interpreters").asInt()).isEqualTo(1);
        assertThat(hiring.get(0).get("text").asString())
                .isEqualTo("1 interprète avec anglais A et espagnol B, mardi 16 février 11:00–12:30, à distance");
        assertThat(spanish.get("hiring").get(0).get("text").asString())
                .isEqualTo("1 intérprete con inglés A y español B, martes 16 de febrero 11:00–12:30, a distancia");
        assertThat(api.ok(api.get(PlanApi.plan(fixture.conferenceId) + "?lang=en", api.organiser)).get("hiring").get(0)
                .get("text").asString())
                .isEqualTo("1 interpreter with English A and Spanish B, Tuesday 16 February 11:00–12:30, remote");
    }

    @Test
    void theDraftShowsNeedsThatMovedSinceItWasSolved() {
        api.solve(fixture.conferenceId);
        // Spanish is now wanted in Room C; French in the online session no longer.
        needs.replace(fixture.conferenceId, List.of(fixture.sessions().get(0),
                fixture.onlineSession(List.of(PlanFixture.channel("en", Delivery.ZOOM))),
                fixture.roomCSession(List.of(PlanFixture.channel("en", Delivery.ROOM),
                        PlanFixture.channel("es", Delivery.ROOM)))));

        JsonNode plan = api.ok(api.get(PlanApi.plan(fixture.conferenceId) + "?lang=es", api.organiser));

        assertThat(plan.get("needsChanged").asBoolean()).isTrue();
        assertThat(plan.get("unplanned")).hasSize(1);
        JsonNode unplanned = plan.get("unplanned").get(0);
        assertThat(unplanned.get("sessionId").asString()).isEqualTo(fixture.roomC);
        assertThat(unplanned.get("language").asString()).isEqualTo("es");
        assertThat(unplanned.get("teamSize").asInt()).isEqualTo(2);
        assertThat(unplanned.get("reason").asString()).startsWith("necesaria desde que se calculó");
        assertThat(plan.get("booths")).filteredOn(b -> b.get("sessionId").asString().equals(fixture.online)
                && b.get("language").asString().equals("fr"))
                .extracting(b -> b.get("status").asString()).containsExactly("NO_LONGER_NEEDED");
        assertThat(plan.get("emptySeats").asInt()).isEqualTo(1 + 2);
        JsonNode coverage = api.ok(api.get(PlanApi.plan(fixture.conferenceId) + "/coverage", api.organiser));
        JsonNode roomC = row(coverage, fixture.roomC);
        assertThat(roomC.get("cells").get("es").get("state").asString()).isEqualTo("GAP");
        assertThat(roomC.get("cells").get("es").get("filled").asInt()).isZero();
        assertThat(row(coverage, fixture.online).get("cells").has("fr")).as("not needed, not shown").isFalse();
    }

    @Test
    void theCoverageMatrixPerDayAsJsonAndAsGuardedCsv() throws Exception {
        needs.replace(fixture.conferenceId, List.of(fixture.plenary(LocalTime.of(9, 0), LocalTime.of(10, 30),
                "=HYPERLINK(\"http://evil.example\",\"Financing\")"), fixture.sessions().get(1),
                fixture.sessions().get(2)));
        api.solve(fixture.conferenceId);

        JsonNode coverage = api.ok(api.get(PlanApi.plan(fixture.conferenceId) + "/coverage?day=2021-02-16&lang=fr",
                api.organiser));

        assertThat(coverage.get("plan").asString()).isEqualTo("draft");
        assertThat(coverage.get("languages")).extracting(l -> l.get("language").asString())
                .containsExactly("en", "fr", "es");
        assertThat(coverage.get("rows")).hasSize(3);
        JsonNode plenary = coverage.get("rows").get(0);
        assertThat(plenary.get("cells").get("en").get("state").asString()).isEqualTo("FLOOR");
        assertThat(plenary.get("cells").get("fr").get("state").asString()).isEqualTo("COVERED");
        assertThat(plenary.get("cells").get("es").get("state").asString()).isEqualTo("COVERED");
        JsonNode online = row(coverage, fixture.online);
        assertThat(online.get("cells").get("en").get("state").asString()).isEqualTo("GAP");
        assertThat(online.get("cells").get("en").get("text").asString())
                .isEqualTo("manque (1 place(s) vide(s) sur 2)");
        assertThat(online.get("cells").get("es").get("state").asString()).isEqualTo("FLOOR");
        assertThat(api.ok(api.get(PlanApi.plan(fixture.conferenceId) + "/coverage?day=2021-02-17", api.organiser))
                .get("rows")).isEmpty();
        assertThat(api.ok(api.get(PlanApi.plan(fixture.conferenceId) + "/coverage?plan=published", api.organiser))
                .get("rows").get(0).get("cells").get("fr").get("state").asString())
                .as("nothing published yet").isEqualTo("GAP");

        HttpResponse<String> csv = api.get(PlanApi.plan(fixture.conferenceId) + "/coverage.csv?day=2021-02-16&lang=es",
                api.organiser);
        HttpResponse<String> negotiated = api.get(PlanApi.plan(fixture.conferenceId) + "/coverage?lang=es",
                api.organiser, "Accept", "text/csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("coverage-" + fixture.conferenceId + "-2021-02-16.csv");
        assertThat(csv.body()).startsWith("\uFEFF");
        assertThat(negotiated.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(negotiated.body()).isEqualTo(csv.body());
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv.body().substring(1))).getRecords();
        assertThat(records.get(0).toList()).containsExactly("Día", "Inicio", "Fin", "Sesión", "Sala", "inglés",
                "francés", "español");
        assertThat(records.get(1).get(3)).as("a formula is shown as text").startsWith("'=HYPERLINK");
        assertThat(records.get(1).toList().subList(0, 3)).containsExactly("2021-02-16", "09:00", "10:30");
        assertThat(records.get(1).toList().subList(5, 8)).containsExactly("idioma de la sala", "cubierto", "cubierto");
        assertThat(records).extracting(r -> r.get(5)).contains("falta (1 de 2 puestos vacíos)");
    }

    @Test
    void theLoadPerInterpreterInHoursBlocksAndDays() {
        api.solve(fixture.conferenceId);

        JsonNode load = api.ok(api.get(PlanApi.plan(fixture.conferenceId) + "/load", api.organiser));

        assertThat(load.get("interpreters")).hasSize(7);
        JsonNode amelie = load.get("interpreters").get(0);
        assertThat(amelie.get("name").asString()).isEqualTo("Amélie Martin");
        assertThat(amelie.get("sessions").asInt()).isEqualTo(2);
        assertThat(amelie.get("hours").asDouble()).isEqualTo(3.0);
        assertThat(amelie.get("blocks").asInt()).as("10:30 and 11:00 are not less than 30 minutes apart: two blocks")
                .isEqualTo(2);
        assertThat(amelie.get("days").asInt()).isEqualTo(1);
        assertThat(amelie.get("perDay").get(0).get("day").asString()).isEqualTo("2021-02-16");
        JsonNode diego = load.get("interpreters").get(3);
        assertThat(diego.get("hours").asDouble()).isEqualTo(1.5);
        assertThat(load.get("interpreters")).filteredOn(i -> i.get("sessions").asInt() == 0).isEmpty();
    }

    @Test
    void badParametersAreRefusedInTheReadersLanguageAndOthersThanOrganisersCannotRead() {
        HttpResponse<String> day = api.get(PlanApi.plan(fixture.conferenceId) + "/coverage?day=2021-13-01",
                api.organiser, "Accept-Language", "fr");
        HttpResponse<String> plan = api.get(PlanApi.plan(fixture.conferenceId) + "/load?plan=final", api.organiser,
                "Accept-Language", "es");
        HttpResponse<String> lang = api.get(PlanApi.plan(fixture.conferenceId) + "?lang=de", api.organiser);
        HttpResponse<String> interpreter = api.get(PlanApi.plan(fixture.conferenceId),
                api.interpreter(fixture, "amelie"));
        HttpResponse<String> unknown = api.get(PlanApi.plan("no-such-conference") + "/coverage", api.organiser);
        HttpResponse<String> badId = api.get("/api/interpretation/conferences/NOT_AN_ID/plan", api.organiser);

        assertThat(day.statusCode()).isEqualTo(400);
        assertThat(api.read(day).get("errors").get(0).get("field").asString()).isEqualTo("day");
        assertThat(api.read(day).get("errors").get(0).get("message").asString()).startsWith("doit être une date");
        assertThat(plan.statusCode()).isEqualTo(400);
        assertThat(api.read(plan).get("errors").get(0).get("message").asString()).isEqualTo("debe ser draft o published");
        assertThat(lang.statusCode()).isEqualTo(400);
        assertThat(interpreter.statusCode()).isEqualTo(403);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(badId.statusCode()).isEqualTo(404);
    }

    private static JsonNode row(JsonNode coverage, String sessionId) {
        for (JsonNode row : coverage.get("rows")) {
            if (row.get("sessionId").asString().equals(sessionId)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + sessionId + " in " + coverage);
    }
}

package dev.hybridconf.rapporteur.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.hybridconf.rapporteur.summary.SummaryApi;
import dev.hybridconf.rapporteur.summary.SummaryServiceTest;
import tools.jackson.databind.JsonNode;

/**
 * Who reports a day: by default the wrap-up's rapporteur; once organisers assign the day, its rapporteurs and its
 * themes' rapporteurs, and nobody else. Only organisers assign; a stale {@code If-Match} is refused; a day outside the
 * conference or a malformed id is named in the refusal.
 */
class AssignmentsTests extends SummaryServiceTest {

    @Override
    protected String prefix() {
        return "assignments";
    }

    @Test
    void withoutAssignmentsTheWrapUpsRapporteurReportsTheDayAndNobodyElseWrites() {
        JsonNode read = api.ok(api.get(SummaryApi.assignments(conferenceId), otherRapporteur));
        assertThat(read.get("version").asLong()).isZero();
        assertThat(read.get("days")).hasSize(2);
        assertThat(read.get("days").get(0).get("source").asString()).isEqualTo("WRAP_UP");
        assertThat(read.get("days").get(0).get("rapporteurs").get(0).asString()).isEqualTo(rapporteurId);
        assertThat(read.get("days").get(1).get("source").asString()).isEqualTo("NONE");

        assertThat(api.draft(conferenceId, DAY, "en", rapporteur).statusCode()).isEqualTo(201);
        JsonNode refused = api.problem(api.send("POST", SummaryApi.summary(conferenceId, DAY) + "/draft?lang=en",
                otherRapporteur, null, "Accept-Language", "fr"), 403);
        assertThat(refused.get("type").asString()).endsWith("/not-assigned");
        assertThat(refused.get("detail").asString()).startsWith("Vous n'êtes pas chargé(e) du rapport du 2021-02-16");
        api.problem(api.draft(conferenceId, DAY_TWO, "en", rapporteur), 403);
    }

    @Test
    void organisersAssignDaysAndThemesAndTheAssignmentReplacesTheWrapUpDefault() {
        String themeRapporteurId = UUID.randomUUID().toString();
        String body = """
                {"days":[{"day":"%s","rapporteurs":["%s"],"themes":[{"theme":" Logement ","rapporteurs":["%s"]}]},
                         {"day":"%s","rapporteurs":["%s"]}]}""".formatted(DAY, otherRapporteurId.toUpperCase(),
                themeRapporteurId, DAY_TWO, rapporteurId);
        HttpResponse<String> put = api.send("PUT", SummaryApi.assignments(conferenceId), organiser, body);
        JsonNode saved = api.ok(put);
        assertThat(put.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(saved.get("days").get(0).get("source").asString()).isEqualTo("ASSIGNED");
        assertThat(saved.get("days").get(0).get("rapporteurs").get(0).asString()).isEqualTo(otherRapporteurId);
        assertThat(saved.get("days").get(0).get("themes").get(0).get("key").asString()).isEqualTo("logement");

        assertThat(api.draft(conferenceId, DAY, "fr", otherRapporteur).statusCode()).isEqualTo(201);
        assertThat(api.draft(conferenceId, DAY, "es", tokens.token(themeRapporteurId, "rapporteur")).statusCode())
                .as("a theme's rapporteur reports the day too").isEqualTo(201);
        api.problem(api.draft(conferenceId, DAY, "en", rapporteur), 403);
        assertThat(api.draft(conferenceId, DAY_TWO, "en", rapporteur).statusCode()).isEqualTo(201);

        JsonNode stale = api.problem(api.send("PUT", SummaryApi.assignments(conferenceId), organiser,
                "{\"days\":[]}", "If-Match", "\"0\""), 412);
        assertThat(stale.get("type").asString()).endsWith("/precondition-failed");
        api.ok(api.send("PUT", SummaryApi.assignments(conferenceId), organiser, "{\"days\":[]}", "If-Match", "\"1\""));
        assertThat(api.ok(api.get(SummaryApi.assignments(conferenceId), organiser)).get("days").get(0).get("source")
                .asString()).as("back to the wrap-up's rapporteur").isEqualTo("WRAP_UP");
    }

    @Test
    void onlyOrganisersAssignAndABadAssignmentIsRefusedWithEveryPlaceNamed() {
        String valid = "{\"days\":[{\"day\":\"" + DAY + "\",\"rapporteurs\":[\"" + rapporteurId + "\"]}]}";
        api.problem(api.send("PUT", SummaryApi.assignments(conferenceId), rapporteur, valid), 403);
        api.problem(api.get(SummaryApi.assignments(conferenceId), tokens.token(rapporteurId, "participant")), 403);
        api.problem(api.get(SummaryApi.assignments("no-such-conference"), organiser), 404);

        JsonNode refused = api.problem(api.send("PUT", SummaryApi.assignments(conferenceId), organiser,
                "{\"days\":[{\"day\":\"2030-01-01\",\"rapporteurs\":[\"not-a-uuid\"]},"
                        + "{\"day\":\"" + DAY + "\",\"themes\":[{\"theme\":\"\\u202Eevil\"}]},{\"day\":\"" + DAY + "\"}],"
                        + "\"extra\":1}", "Accept-Language", "es"), 400);
        assertThat(refused.get("errors").toString()).contains("days[0].day", "days[0].rapporteurs[0]",
                "days[1].themes[0].theme", "days[2].day", "extra");
        assertThat(refused.get("errors").toString()).contains("no es un día de la conferencia");
        assertThat(api.ok(api.get(SummaryApi.assignments(conferenceId), organiser)).get("version").asLong())
                .as("nothing written").isZero();
    }
}

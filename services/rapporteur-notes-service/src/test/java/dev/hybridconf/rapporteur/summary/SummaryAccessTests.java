package dev.hybridconf.rapporteur.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The acceptance line on access: only rapporteurs and organisers see drafts (participants see only what is
 * published, through the reading endpoints); moderators cannot edit summaries; a rapporteur not assigned to the day
 * reads but gets 403 {@code not-assigned} on every write; organisers read but do not publish.
 */
class SummaryAccessTests extends SummaryServiceTest {

    @Override
    protected String prefix() {
        return "summary-access";
    }

    @Test
    void participantsAndModeratorsSeeNoDraftAndWriteNothing() {
        api.ok(api.edit(conferenceId, DAY, "en", rapporteur, "# Draft", null, null));
        String base = SummaryApi.summary(conferenceId, DAY);
        for (String role : new String[] {"participant", "moderator"}) {
            String token = tokens.token(rapporteurId, role);
            api.problem(api.get(base, token), 403);
            api.problem(api.get(base + "/en/revisions", token), 403);
            api.problem(api.get(base + "/en/revisions/1", token), 403);
            api.problem(api.draft(conferenceId, DAY, "en", token), 403);
            api.problem(api.edit(conferenceId, DAY, "en", token, "# Mine now", null, null), 403);
            api.problem(api.publish(conferenceId, DAY, token, "{\"languages\":[\"en\"]}"), 403);
        }
        api.problem(api.get(base, null), 401);
        JsonNode revisions = api.ok(api.get(base + "/en/revisions", organiser));
        assertThat(revisions.get("current").asLong()).as("nothing written by them").isEqualTo(1);
    }

    @Test
    void anUnassignedRapporteurReadsEverythingButEachWriteIs403NotAssigned() {
        api.ok(api.edit(conferenceId, DAY, "en", rapporteur, "# Draft", null, null));
        String base = SummaryApi.summary(conferenceId, DAY);
        assertThat(api.ok(api.get(base, otherRapporteur)).get("texts")).hasSize(1);
        assertThat(api.ok(api.get(base + "/en/revisions", otherRapporteur)).get("revisions")).hasSize(1);

        for (JsonNode refused : new JsonNode[] {
                api.problem(api.draft(conferenceId, DAY, "fr", otherRapporteur), 403),
                api.problem(api.edit(conferenceId, DAY, "en", otherRapporteur, "# Mine", null, "\"1\""), 403),
                api.problem(api.publish(conferenceId, DAY, otherRapporteur, "{\"languages\":[\"en\"]}"), 403)}) {
            assertThat(refused.get("type").asString()).endsWith("/not-assigned");
        }
        JsonNode es = api.problem(api.send("POST", base + "/draft?lang=es", otherRapporteur, null,
                "Accept-Language", "es"), 403);
        assertThat(es.get("detail").asString()).startsWith("No tiene asignado el informe del 2021-02-16");
    }

    @Test
    void organisersReadDraftsButDoNotPublishOrEdit() {
        api.ok(api.edit(conferenceId, DAY, "en", rapporteur, "# Draft", null, null));
        assertThat(api.ok(api.get(SummaryApi.summary(conferenceId, DAY), organiser)).get("texts")).hasSize(1);
        api.problem(api.publish(conferenceId, DAY, organiser, "{\"languages\":[\"en\"]}"), 403);
        api.problem(api.edit(conferenceId, DAY, "en", organiser, "# Organiser", null, null), 403);
    }

    @Test
    void unknownConferencesDaysAndLanguagesAre404AndBadBodiesAre400() {
        api.problem(api.get(SummaryApi.summary("no-such-conference", DAY), rapporteur), 404);
        api.problem(api.get(SummaryApi.summary(conferenceId, DAY.plusDays(10)), rapporteur), 404);
        api.problem(api.get("/api/rapporteur/conferences/" + conferenceId + "/days/2021-02-30/summary", rapporteur),
                404);
        api.problem(api.edit(conferenceId, DAY, "de", rapporteur, "# Hallo", null, null), 404);
        api.problem(api.draft(conferenceId, DAY, "de", rapporteur), 400);
        api.problem(api.edit(conferenceId, DAY, "fr", rapporteur, "# Texte", "fr", null), 400);
        api.problem(api.edit(conferenceId, DAY, "fr", rapporteur, "# Texte", "es", null), 400);
        api.problem(api.edit(conferenceId, DAY, "en", rapporteur, "x".repeat(50_001), null, null), 400);
        api.problem(api.publish(conferenceId, DAY, rapporteur, "{\"languages\":[\"en\",\"en\"]}"), 400);
        JsonNode noText = api.problem(api.publish(conferenceId, DAY, rapporteur, "{\"languages\":[\"en\"]}"), 400);
        assertThat(noText.get("errors").toString()).contains("languages");
        api.problem(api.publish(conferenceId, DAY, rapporteur, "{\"languages\":\"en\",\"allowStale\":\"yes\"}"), 400);
        assertThat(api.ok(api.get(SummaryApi.summary(conferenceId, DAY), rapporteur)).get("published")).isEmpty();
    }
}

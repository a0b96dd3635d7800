package dev.hybridconf.rapporteur.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import dev.hybridconf.rapporteur.summary.SummaryApi;
import dev.hybridconf.rapporteur.summary.SummaryServiceTest;
import tools.jackson.databind.JsonNode;

/**
 * Rapporteurs' notes: private to rapporteurs and organisers, written by the day's rapporteurs, edited and deleted by
 * their author only (anyone else: 404), every edit a revision, plain text of at most 4,000 characters, never in a
 * generated draft.
 */
class NotesTests extends SummaryServiceTest {

    @Override
    protected String prefix() {
        return "notes";
    }

    private String note(String text) {
        return "{\"text\":\"" + text + "\",\"language\":\"fr\"}";
    }

    @Test
    void aNoteIsReadByRapporteursAndOrganisersOnlyAndOnlyItsAuthorEditsItEachEditARevision() {
        HttpResponse<String> created = api.send("POST", SummaryApi.notes(breakoutA.id()), rapporteur,
                note("Le groupe insiste sur le foncier public."));
        JsonNode note = api.ok(created);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        String noteId = note.get("noteId").asString();
        assertThat(note.get("createdAt").asString()).as("in the conference's zone").endsWith("+01:00");

        JsonNode seen = api.ok(api.get(SummaryApi.notes(breakoutA.id()), otherRapporteur));
        assertThat(seen.get("notes")).hasSize(1);
        assertThat(seen.get("notes").get(0).get("mine").asBoolean()).isFalse();
        assertThat(api.ok(api.get(SummaryApi.notes(breakoutA.id()), organiser)).get("notes")).hasSize(1);
        api.problem(api.get(SummaryApi.notes(breakoutA.id()), tokens.token(rapporteurId, "participant")), 403);
        api.problem(api.get(SummaryApi.notes(breakoutA.id()), tokens.token(rapporteurId, "moderator")), 403);

        String path = SummaryApi.notes(breakoutA.id()) + "/" + noteId;
        api.problem(api.send("PUT", path, otherRapporteur, note("Pris en main.")), 404);
        api.problem(api.send("DELETE", path, otherRapporteur, null), 404);
        api.problem(api.send("PUT", SummaryApi.notes(breakoutB.id()) + "/" + noteId, rapporteur, note("Ailleurs.")),
                404);

        JsonNode edited = api.ok(api.send("PUT", path, rapporteur, note("Le foncier public, trois fois cité."),
                "If-Match", "\"1\""));
        assertThat(edited.get("revision").asLong()).isEqualTo(2);
        api.problem(api.send("PUT", path, rapporteur, note("Trop tard."), "If-Match", "\"1\""), 412);
        assertThat(api.ok(api.get(SummaryApi.notes(breakoutA.id()), rapporteur)).get("notes").get(0).get("text")
                .asString()).isEqualTo("Le foncier public, trois fois cité.");

        assertThat(api.send("DELETE", path, rapporteur, null).statusCode()).isEqualTo(204);
        assertThat(api.ok(api.get(SummaryApi.notes(breakoutA.id()), rapporteur)).get("notes")).isEmpty();
        api.problem(api.send("PUT", path, rapporteur, note("Revenant.")), 404);
    }

    @Test
    void editsOfOneNoteRevisionAtOnceLetExactlyOneWinAndKeepEveryWinnerAsARevision() throws Exception {
        String noteId = api.ok(api.send("POST", SummaryApi.notes(breakoutA.id()), rapporteur, note("Départ.")))
                .get("noteId").asString();
        String path = SummaryApi.notes(breakoutA.id()) + "/" + noteId;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int round = 0; round < 4; round++) {
            long base = api.ok(api.get(SummaryApi.notes(breakoutA.id()), rapporteur)).get("notes").get(0)
                    .get("revision").asLong();
            int writers = 2 + random.nextInt(6);
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String text = "Tour " + round + ", plume " + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.send("PUT", path, rapporteur, note(text), "If-Match", "\"" + base + "\"").statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            pool.shutdown();
            assertThat(statuses).containsOnly(200, 412);
            assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
            assertThat(api.ok(api.get(SummaryApi.notes(breakoutA.id()), rapporteur)).get("notes").get(0)
                    .get("revision").asLong()).isEqualTo(base + 1);
        }
    }

    @Test
    void aRapporteurNotAssignedToTheDayReadsButDoesNotWrite() {
        assertThat(api.get(SummaryApi.notes(breakoutA.id()), otherRapporteur).statusCode()).isEqualTo(200);
        JsonNode refused = api.problem(api.send("POST", SummaryApi.notes(breakoutA.id()), otherRapporteur,
                note("Je ne devrais pas.")), 403);
        assertThat(refused.get("type").asString()).endsWith("/not-assigned");
        api.problem(api.send("POST", SummaryApi.notes(breakoutA.id()), organiser, note("Organiser.")), 403);
    }

    @Test
    void aNoteIsPlainTextOfAtMostFourThousandCharactersInOneOfTheThreeLanguages() {
        JsonNode tooLong = api.problem(api.send("POST", SummaryApi.notes(breakoutA.id()), rapporteur,
                note("x".repeat(4_001)), "Accept-Language", "fr"), 400);
        assertThat(tooLong.get("errors").get(0).get("field").asString()).isEqualTo("text");
        assertThat(tooLong.get("errors").get(0).get("message").asString()).contains("4");
        api.problem(api.send("POST", SummaryApi.notes(breakoutA.id()), rapporteur, note("bell\\u0007")), 400);
        api.problem(api.send("POST", SummaryApi.notes(breakoutA.id()), rapporteur,
                "{\"text\":\"ok\",\"language\":\"de\"}"), 400);
        api.problem(api.send("POST", SummaryApi.notes(breakoutA.id()), rapporteur, "{\"text\":42}"), 400);
        api.problem(api.send("POST", SummaryApi.notes("no-such-session"), rapporteur, note("x")), 404);
        assertThat(api.send("POST", SummaryApi.notes(breakoutA.id()), rapporteur, note("y".repeat(4_000)))
                .statusCode()).isEqualTo(201);
    }

    @Test
    void notesNeverEnterAGeneratedDraft() {
        api.ok(api.send("POST", SummaryApi.notes(breakoutA.id()), rapporteur,
                "{\"text\":\"Private remark zanzibar-quokka about the moderator.\",\"language\":\"en\"}"));
        for (String language : new String[] {"en", "fr", "es"}) {
            String draft = api.ok(api.draft(conferenceId, DAY, language, rapporteur)).get("markdown").asString();
            assertThat(draft).doesNotContain("zanzibar", "quokka", "Private remark");
        }
    }
}

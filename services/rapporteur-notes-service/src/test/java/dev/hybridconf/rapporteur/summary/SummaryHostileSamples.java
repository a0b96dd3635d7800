package dev.hybridconf.rapporteur.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import dev.hybridconf.testinfra.TestTokens;
import dev.hybridconf.testinfra.hostile.HostileInputContract.Body;

/** What the service's hostile-input sweep needs from assignments, notes and summaries. */
public final class SummaryHostileSamples {

    /** The sweep's caller (every role): assigned to the day here, so its writes reach validation. */
    static final String CALLER = "9d2f4b6a-0c1e-4a3b-8f5d-7e9a1c3b5d7f";

    private static final String CONFERENCE = "/api/rapporteur/conferences/{conferenceId}";
    private static final String SUMMARY = CONFERENCE + "/days/{day}/summary";
    private static final String NOTES = "/api/rapporteur/sessions/{sessionId}/notes";

    private SummaryHostileSamples() {
    }

    /**
     * Prepares real objects for the sweep to aim at and answers path samples for them (by path variable name).
     * Called once before the sweep, in the order inputs, live, trends, summary, reading: the conference, its day and
     * the breakout exist by then. Assigns the sweep's caller to the day, writes a note of theirs on the breakout and
     * a draft revision of the English summary.
     */
    public static Map<String, String> prepare(int port, String conferenceId, String sessionId, LocalDate day) {
        SummaryApi api = new SummaryApi(port);
        TestTokens tokens = TestTokens.shared();
        String caller = tokens.token(CALLER, "rapporteur");
        HttpResponse<String> assigned = api.send("PUT", SummaryApi.assignments(conferenceId), tokens.organiser(),
                assignment(day));
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        HttpResponse<String> note = api.send("POST", SummaryApi.notes(sessionId), caller, note());
        assertThat(note.statusCode()).as(note.body()).isEqualTo(201);
        HttpResponse<String> draft = api.draft(conferenceId, day, "en", caller);
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        return Map.of("noteId", api.read(note).get("noteId").asString(), "revision", "1");
    }

    /** A valid body per endpoint ({@code "PUT /api/rapporteur/..."}), so the sweep can mutate it. */
    public static Map<String, Body> exampleBodies() {
        return Map.of(
                "PUT " + CONFERENCE + "/assignments", Body.json(assignment(LocalDate.of(2021, 2, 16))),
                "POST " + NOTES, Body.json(note()),
                "PUT " + NOTES + "/{noteId}", Body.json("{\"text\":\"Le foncier public revient souvent.\","
                        + "\"language\":\"fr\"}"),
                "PUT " + SUMMARY + "/{lang}", Body.json("{\"markdown\":\"# Trends of the day\\n\\n- Affordable "
                        + "housing, raised by 4 breakouts\",\"writtenFrom\":null}"),
                "POST " + SUMMARY + "/publish", Body.json("{\"languages\":[\"en\"],\"notes\":{},"
                        + "\"allowStale\":false}"));
    }

    /** A valid query string per endpoint. */
    public static Map<String, String> exampleQueries() {
        return Map.of("POST " + SUMMARY + "/draft", "lang=en", "GET " + SUMMARY, "lang=en");
    }

    private static String assignment(LocalDate day) {
        return "{\"days\":[{\"day\":\"" + day + "\",\"rapporteurs\":[\"" + CALLER + "\"],"
                + "\"themes\":[{\"theme\":\"housing\",\"rapporteurs\":[\"" + CALLER + "\"]}]}]}";
    }

    private static String note() {
        return "{\"text\":\"The group keeps coming back to public land.\",\"language\":\"en\"}";
    }
}

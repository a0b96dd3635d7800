package dev.hybridconf.rapporteur.reading;

import java.time.LocalDate;
import java.util.Map;

import dev.hybridconf.testinfra.hostile.HostileInputContract.Body;

/**
 * What the service's hostile-input sweep needs from the published summaries' readers. Their endpoints are GETs over
 * the path samples the sweep already has (conference, day); they take no body. Nothing is prepared here: whether the
 * sample day has a published version depends on the summary part's samples, and the readers answer 404 problem
 * details for a day without one, which the sweep accepts as handled.
 */
public final class ReadingHostileSamples {

    private static final String CONFERENCE = "GET /api/rapporteur/conferences/{conferenceId}";

    private ReadingHostileSamples() {
    }

    /**
     * Prepares real objects for the sweep to aim at and answers path samples for them (by path variable name).
     * Called once before the sweep, in the order inputs, live, trends, summary, reading.
     */
    public static Map<String, String> prepare(int port, String conferenceId, String sessionId, LocalDate day) {
        return Map.of();
    }

    /** A valid body per endpoint ({@code "PUT /api/rapporteur/..."}), so the sweep can mutate it: none, all GETs. */
    public static Map<String, Body> exampleBodies() {
        return Map.of();
    }

    /** A valid query string per endpoint: the reader's language, and a version for a published summary. */
    public static Map<String, String> exampleQueries() {
        return Map.of(
                CONFERENCE + "/summaries", "lang=en",
                CONFERENCE + "/summaries.atom", "lang=fr",
                CONFERENCE + "/themes.svg", "lang=es",
                CONFERENCE + "/days/{day}/summary/published", "lang=fr&version=1",
                CONFERENCE + "/days/{day}/themes.svg", "lang=en");
    }
}

package dev.hybridconf.rapporteur.trends;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.awaitility.Awaitility;

import dev.hybridconf.testinfra.hostile.HostileInputContract.Body;

/** What the service's hostile-input sweep needs from the thesaurus and trends. */
public final class TrendsHostileSamples {

    private TrendsHostileSamples() {
    }

    /**
     * Prepares real objects for the sweep to aim at and answers path samples for them (by path variable name).
     * Called once before the sweep, in the order inputs, live, trends, summary, reading.
     *
     * <p>Loads a thesaurus into the conference the inputs prepared (so the sweep meets a real one, version 1) and
     * waits until the day's analysis is no longer pending, so that the worker's writes do not land during the sweep.
     */
    public static Map<String, String> prepare(int port, String conferenceId, String sessionId, LocalDate day) {
        TrendsApi api = new TrendsApi(port);
        HttpResponse<String> put = api.put(TrendsApi.thesaurus(conferenceId), TrendsApi.ORGANISER, "application/json",
                TrendsApi.housingThesaurus(), null);
        if (put.statusCode() != 200) {
            throw new AssertionError("thesaurus of " + conferenceId + ": " + put.statusCode() + " " + put.body());
        }
        String trends = "/api/rapporteur/conferences/" + conferenceId + "/days/" + day + "/trends";
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    HttpResponse<String> read = api.get(trends, TrendsApi.RAPPORTEUR);
                    return read.statusCode() != 200 || !api.read(read).path("pending").asBoolean(true);
                });
        return Map.of();
    }

    /** A valid body per endpoint ({@code "PUT /api/rapporteur/..."}), so the sweep can mutate it. */
    public static Map<String, Body> exampleBodies() {
        return Map.of("PUT /api/rapporteur/conferences/{conferenceId}/thesaurus",
                Body.json(TrendsApi.housingThesaurus()));
    }

    /** A valid query string per endpoint. */
    public static Map<String, String> exampleQueries() {
        return Map.of("GET /api/rapporteur/conferences/{conferenceId}/days/{day}/trends", "lang=fr",
                "GET /api/rapporteur/conferences/{conferenceId}/trends", "lang=es");
    }
}

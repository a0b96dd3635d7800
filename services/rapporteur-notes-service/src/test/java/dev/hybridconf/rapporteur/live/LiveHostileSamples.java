package dev.hybridconf.rapporteur.live;

import java.time.LocalDate;
import java.util.Map;

import dev.hybridconf.testinfra.hostile.HostileInputContract.Body;

/** What the service's hostile-input sweep needs from the live view. */
public final class LiveHostileSamples {

    private LiveHostileSamples() {
    }

    /**
     * Prepares real objects for the sweep to aim at and answers path samples for them (by path variable name).
     * Called once before the sweep, in the order inputs, live, trends, summary, reading.
     */
    public static Map<String, String> prepare(int port, String conferenceId, String sessionId, LocalDate day) {
        return Map.of();
    }

    /** A valid body per endpoint ({@code "PUT /api/rapporteur/..."}), so the sweep can mutate it. */
    public static Map<String, Body> exampleBodies() {
        return Map.of();
    }

    /** A valid query string per endpoint. */
    public static Map<String, String> exampleQueries() {
        return Map.of();
    }
}

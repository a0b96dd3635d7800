package dev.hybridconf.rapporteur.live;

import java.time.LocalDate;
import java.util.Map;

import dev.hybridconf.testinfra.hostile.HostileInputContract.Body;

/**
 * What the service's hostile-input sweep needs from the live view. The view reads what the inputs' preparation
 * already sent (the conference, its breakout and a conclusion), so it prepares nothing of its own.
 *
 * <p>The stream endpoint never opens a stream for the sweep: it checks the day, {@code ?theme=}, {@code ?lang=} and
 * {@code Last-Event-ID} first (hostile values → 400/404 problem details), and then opens only for a client that
 * asks for {@code Accept: text/event-stream}, which the sweep's requests never send (none of its header values is
 * that media type): every request of the sweep that passes the checks is answered 406 problem details at once
 * instead of holding the sweep's client on an endless stream.
 */
public final class LiveHostileSamples {

    private static final String LIVE = "GET /api/rapporteur/conferences/{conferenceId}/days/{day}/live";

    private LiveHostileSamples() {
    }

    /**
     * Prepares real objects for the sweep to aim at and answers path samples for them (by path variable name).
     * Called once before the sweep, in the order inputs, live, trends, summary, reading.
     */
    public static Map<String, String> prepare(int port, String conferenceId, String sessionId, LocalDate day) {
        return Map.of();
    }

    /** A valid body per endpoint ({@code "PUT /api/rapporteur/..."}), so the sweep can mutate it: none take one. */
    public static Map<String, Body> exampleBodies() {
        return Map.of();
    }

    /** A valid query string per endpoint: a theme-assigned rapporteur's view in French. */
    public static Map<String, String> exampleQueries() {
        return Map.of(LIVE, "theme=housing&lang=fr", LIVE + "/stream", "theme=housing&lang=fr");
    }
}

package dev.hybridconf.interpretation.roster;

import java.util.Map;

import dev.hybridconf.testinfra.hostile.HostileInputContract.Body;

/** What the service's hostile-input sweep needs from the roster: a sample entry, and a valid body per endpoint. */
public final class RosterHostileSamples {

    private RosterHostileSamples() {
    }

    /** Creates an entry linked to {@code registrationId} (so that its interpreter reads it) and answers its id. */
    public static String sampleInterpreter(int port, String conferenceId, String registrationId) {
        return new RosterApi(port).created(conferenceId, RosterApi.body("Lucía Fernández", "hostile-sample@example.org",
                registrationId));
    }

    public static Map<String, Body> exampleBodies() {
        return Map.of(
                "POST /api/interpretation/conferences/{conferenceId}/interpreters",
                Body.json(RosterApi.body("Carlos Gutiérrez", "hostile-new@example.org")),
                "PUT /api/interpretation/conferences/{conferenceId}/interpreters/{interpreterId}",
                Body.json(RosterApi.body("Lucía Fernández Ruiz", "hostile-sample@example.org")),
                "POST /api/interpretation/conferences/{conferenceId}/interpreters/import",
                Body.of("text/csv", "# a comment\nname,email,zoom_email,languages,mode,availability,partners,registration_id\n"
                        + "Ana Ortiz,hostile-import@example.org,,es-A en-B* fr-C,remote,2021-02-16 2021-02-17pm,"
                        + "hostile-sample@example.org,\n"));
    }

    public static Map<String, String> exampleQueries(String conferenceId) {
        return Map.of("GET /api/interpretation/me/interpreter", "conference=" + conferenceId,
                "POST /api/interpretation/conferences/{conferenceId}/interpreters/import", "dryRun=false");
    }
}

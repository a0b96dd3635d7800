package dev.hybridconf.rapporteur.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import dev.hybridconf.rapporteur.testing.RapporteurApi;
import dev.hybridconf.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;

/** Calls the live view as rapporteurs, organisers and the others do. */
final class LiveApi extends RapporteurApi {

    final TestTokens tokens = TestTokens.shared();
    final String organiser = tokens.organiser();
    final String rapporteur = tokens.token("3f1c9a2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b", "rapporteur");
    final String participant = tokens.participant();
    final String moderator = tokens.token("8e7d6c5b-4a39-4281-9f0e-d1c2b3a49586", "moderator", "participant");

    LiveApi(int port) {
        super(port);
    }

    static String live(String conferenceId, Object day) {
        return "/api/rapporteur/conferences/" + conferenceId + "/days/" + day + "/live";
    }

    JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response);
    }

    /** Problem details with this status and type slug. */
    JsonNode problem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = read(response);
        assertThat(problem.get("type").asString()).isEqualTo("https://hybridconf.dev/problems/" + slug);
        return problem;
    }
}

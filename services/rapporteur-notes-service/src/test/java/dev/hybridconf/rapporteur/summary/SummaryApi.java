package dev.hybridconf.rapporteur.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import dev.hybridconf.rapporteur.testing.RapporteurApi;
import tools.jackson.databind.JsonNode;

/** Calls the assignments', notes' and summaries' HTTP API as rapporteurs and organisers do. */
public final class SummaryApi extends RapporteurApi {

    public SummaryApi(int port) {
        super(port);
    }

    /** The answer's JSON, after checking it is a success. */
    public JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return read(response);
    }

    /** The problem's JSON, after checking the status and that it is problem details. */
    public JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        return read(response);
    }

    public static String summary(String conferenceId, LocalDate day) {
        return "/api/rapporteur/conferences/" + conferenceId + "/days/" + day + "/summary";
    }

    public static String assignments(String conferenceId) {
        return "/api/rapporteur/conferences/" + conferenceId + "/assignments";
    }

    public static String notes(String sessionId) {
        return "/api/rapporteur/sessions/" + sessionId + "/notes";
    }

    public HttpResponse<String> draft(String conferenceId, LocalDate day, String language, String token) {
        return send("POST", summary(conferenceId, day) + "/draft?lang=" + language, token, null);
    }

    public HttpResponse<String> edit(String conferenceId, LocalDate day, String language, String token,
            String markdown, String writtenFrom, String ifMatch) {
        String body = mapper().createObjectNode().put("markdown", markdown).put("writtenFrom", writtenFrom).toString();
        return ifMatch == null ? send("PUT", summary(conferenceId, day) + "/" + language, token, body)
                : send("PUT", summary(conferenceId, day) + "/" + language, token, body, "If-Match", ifMatch);
    }

    public HttpResponse<String> publish(String conferenceId, LocalDate day, String token, String body) {
        return send("POST", summary(conferenceId, day) + "/publish", token, body);
    }
}

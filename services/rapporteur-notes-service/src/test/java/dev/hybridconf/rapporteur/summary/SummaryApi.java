package dev.hybridconf.rapporteur.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Calls the assignments', notes' and summaries' HTTP API as rapporteurs and organisers do. */
public final class SummaryApi {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final int port;

    public SummaryApi(int port) {
        this.port = port;
    }

    public HttpResponse<String> send(String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path, String token, String... headers) {
        return send("GET", path, token, null, headers);
    }

    public JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    public JsonNode read(String text) {
        return json.readTree(text);
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
        String body = json.createObjectNode().put("markdown", markdown).put("writtenFrom", writtenFrom).toString();
        return ifMatch == null ? send("PUT", summary(conferenceId, day) + "/" + language, token, body)
                : send("PUT", summary(conferenceId, day) + "/" + language, token, body, "If-Match", ifMatch);
    }

    public HttpResponse<String> publish(String conferenceId, LocalDate day, String token, String body) {
        return send("POST", summary(conferenceId, day) + "/publish", token, body);
    }

    public String json(Object value) {
        return json.writeValueAsString(value);
    }
}

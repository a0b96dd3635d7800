package dev.hybridconf.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hybridconf.registration.identity.TokenIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The organiser endpoints of item 7 as tests call them over real HTTP: the directory (list, counts,
 * export) and CSV imports, plus the JSON form to create people with chosen details.
 */
final class OrganiserApi {

    private final RegistrationHttp http;
    private final TokenIssuer tokens;
    private final ObjectMapper json = new ObjectMapper();

    OrganiserApi(int port, TokenIssuer tokens) {
        this.http = new RegistrationHttp(port, tokens);
        this.tokens = tokens;
    }

    RegistrationHttp http() {
        return http;
    }

    String organiser() {
        return http.organiser();
    }

    String participant() {
        return tokens.issue(UUID.randomUUID().toString(), List.of("participant"), "en");
    }

    /** A form with every required field; {@code overrides} replace or add fields. Returns the new id. */
    String register(Map<String, Object> overrides) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("conferenceId", TestConferences.CONFERENCE);
        form.put("fullName", "Kwame Mensah");
        form.put("email", "p." + UUID.randomUUID() + "@example.org");
        form.put("organisation", "City of Accra");
        form.put("position", "Policy officer");
        form.put("city", "Accra");
        form.put("country", "GH");
        form.put("attendanceMode", "REMOTE");
        form.put("preferredLanguage", "en");
        form.put("privacyConsent", true);
        form.putAll(overrides);
        HttpResponse<String> created = http.postJson("/api/registrations", json.writeValueAsString(form));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return http.json(created).get("id").asString();
    }

    HttpResponse<String> get(String path, String token, String language) {
        var request = http.request(RegistrationHttp.scoped(path), token);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.send(request.GET());
    }

    /** GET as an organiser, expecting 200, as JSON. */
    JsonNode read(String path) {
        HttpResponse<String> response = get(path, organiser(), null);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return http.json(response);
    }

    /** The full names of the registrations a list query returns (one page of up to 500). */
    List<String> names(String query) {
        List<String> names = new ArrayList<>();
        read("/api/registrations?size=500&" + query).get("items").forEach(item -> names.add(item.get("fullName").asString()));
        return names;
    }

    HttpResponse<String> upload(String kind, byte[] csv, String contentType, String token, String language) {
        return upload(kind, TestConferences.CONFERENCE, csv, contentType, token, language);
    }

    HttpResponse<String> upload(String kind, String conference, byte[] csv, String contentType, String token,
            String language) {
        String query = (kind == null ? "" : "kind=" + kind) + (conference == null ? "" : "&conference=" + conference);
        var request = http.request("/api/registrations/imports" + (query.isEmpty() ? "" : "?" + query), token);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.send(request.POST(BodyPublishers.ofByteArray(csv)));
    }

    HttpResponse<String> upload(String kind, String csv, String language) {
        return upload(kind, csv.getBytes(StandardCharsets.UTF_8), "text/csv", organiser(), language);
    }

    /** Starts an import that must be accepted (202) and returns its id. */
    String startImport(String kind, String csv, String language) {
        HttpResponse<String> accepted = upload(kind, csv, language);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return http.json(accepted).get("id").asString();
    }

    /** Polls the import until it is no longer RUNNING (at most {@code deadline}) and returns it. */
    JsonNode awaitFinished(String id, Duration deadline) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(deadline).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = read("/api/registrations/imports/" + id);
            return !"RUNNING".equals(last[0].get("status").asString());
        });
        return last[0];
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

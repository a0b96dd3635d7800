package dev.hybridconf.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.UUID;

import dev.hybridconf.registration.identity.TokenIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The registration API as the tests call it over real HTTP: register, review, read. */
public final class RegistrationHttp {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final int port;
    private final TokenIssuer tokens;

    public RegistrationHttp(int port, TokenIssuer tokens) {
        this.port = port;
        this.tokens = tokens;
    }

    /** Submits a registration for the tests' conference (201 expected) and returns its id. */
    public String register(String email, String fullName, String mode, String language) {
        return register(TestConferences.CONFERENCE, email, fullName, mode, language);
    }

    /** Submits a registration for {@code conference} (201 expected) and returns its id. */
    public String register(String conference, String email, String fullName, String mode, String language) {
        String body = """
                {"conferenceId":"%s","fullName":"%s","email":"%s","organisation":"Ajuntament","position":"Policy officer",
                 "city":"Barcelona","country":"ES","attendanceMode":"%s","preferredLanguage":"%s","privacyConsent":true}"""
                .formatted(conference, fullName, email, mode, language);
        HttpResponse<String> created = postJson("/api/registrations", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    public String register(String mode, String language) {
        return register("p." + UUID.randomUUID() + "@example.org", "Kwame Mensah", mode, language);
    }

    /** A fresh organiser token signed by the service's own issuer. */
    public String organiser() {
        return tokens.issue("organiser-" + UUID.randomUUID(), List.of("organiser"), "en");
    }

    /** A token for the participant of registration {@code id}, as the access-link exchange would issue it. */
    public String participant(String id) {
        return tokens.issue(id, List.of("participant"), "en");
    }

    /** Submits a raw JSON form and returns the response, whatever its status. */
    public HttpResponse<String> submit(String body) {
        return postJson("/api/registrations", body);
    }

    /** A complete valid form for the tests' conference as JSON, with extra fields (raw JSON members) appended. */
    public static String form(String email, String mode, String language, String extra) {
        return form(TestConferences.CONFERENCE, email, mode, language, extra);
    }

    /** A complete valid form for {@code conference} as JSON, with extra fields (raw JSON members) appended. */
    public static String form(String conference, String email, String mode, String language, String extra) {
        return """
                {"conferenceId":"%s","fullName":"Lucía Fernández","email":"%s","organisation":"Ajuntament",
                 "position":"Policy officer","city":"Barcelona","country":"ES","attendanceMode":"%s","preferredLanguage":"%s",
                 "privacyConsent":true%s}""".formatted(conference, email, mode, language,
                extra == null || extra.isEmpty() ? "" : "," + extra);
    }

    public HttpResponse<String> sendJson(String method, String path, String token, String body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> review(String id, String action, String token) {
        return post("/api/registrations/" + id + "/" + action, token);
    }

    public String status(String id) {
        return json(get("/api/registrations/" + id, organiser())).get("status").asString();
    }

    /** GET; an organiser view that names no conference reads the tests' conference (see {@link #scoped}). */
    public HttpResponse<String> get(String path, String token) {
        return send(request(scoped(path), token).GET());
    }

    /**
     * Organiser views (list, counts, export, capacity, settings, the invitation list) are per conference: a path
     * that names none reads the tests' conference. Tests of the parameter itself send their requests directly.
     */
    public static String scoped(String path) {
        if (path.contains("conference=") || !path.matches(
                "/api/registrations(/counts|/export\\.csv|/capacity|/settings|/invitations)?(\\?.*)?")) {
            return path;
        }
        return path + (path.contains("?") ? "&" : "?") + "conference=" + TestConferences.CONFERENCE;
    }

    public HttpResponse<String> post(String path, String token) {
        return send(request(path, token).POST(BodyPublishers.noBody()));
    }

    public HttpResponse<String> postJson(String path, String body) {
        return send(request(path, null).header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)));
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode json(HttpResponse<String> response) {
        return json.readTree(response.body());
    }
}

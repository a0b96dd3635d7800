package dev.hybridconf.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for the end-to-end tests, aimed at one base address (the gateway). */
final class Http {

    /** An answer with its body parsed when it is JSON. */
    record Answer(int status, String contentType, String body) {

        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    Http(URI base) {
        this.base = base;
    }

    Answer get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    Answer post(String path, String json, String token) {
        return post(path, json, token, null);
    }

    /** As {@link #post(String, String, String)}, in the caller's W3C trace {@code traceparent} (null: none). */
    Answer post(String path, String json, String token, String traceparent) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return send(request.build());
    }

    Answer put(String path, String json, String token) {
        return put(path, json, token, null);
    }

    /** As {@link #put(String, String, String)}, on the condition that the object is at {@code ifMatch} (null: any). */
    Answer put(String path, String json, String token, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request.build());
    }

    Answer delete(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).DELETE();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A valid registration request with a fresh e-mail address (the service refuses a second one). */
    static String registration(String attendanceMode, String language) {
        return registration("amina." + UUID.randomUUID() + "@example.org", attendanceMode, language);
    }

    /** A valid registration request for {@code email} for the open demo conference (the rehearsal). */
    static String registration(String email, String attendanceMode, String language) {
        return registration(LocalStack.DEMO_CONFERENCE, email, attendanceMode, language, null);
    }

    /**
     * A valid registration request for {@code conference}, with every field the form asks for.
     *
     * @param invitationCode the code of an invitation, or null
     */
    static String registration(String conference, String email, String attendanceMode, String language,
            String invitationCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conferenceId", conference);
        if (invitationCode != null) {
            body.put("invitationCode", invitationCode);
        }
        body.put("fullName", "Amina Diallo");
        body.put("email", email);
        body.put("organisation", "City of Dakar");
        body.put("position", "Deputy Mayor for International Relations");
        body.put("city", "Dakar");
        body.put("country", "SN");
        body.put("attendanceMode", attendanceMode);
        body.put("preferredLanguage", language);
        body.put("privacyConsent", true);
        return JsonMapper.shared().writeValueAsString(body);
    }
}

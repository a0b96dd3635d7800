package dev.hybridconf.rapporteur.trends;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.hybridconf.rapporteur.testing.RapporteurApi;
import dev.hybridconf.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;

/** The thesaurus and trends API as the tests call it: over real HTTP, with real tokens. */
public final class TrendsApi {

    public static final String ORGANISER = TestTokens.shared().token("organiser-" + UUID.randomUUID(), "organiser");
    public static final String RAPPORTEUR = TestTokens.shared().token(UUID.randomUUID().toString(), "rapporteur");
    public static final String PARTICIPANT = TestTokens.shared().token(UUID.randomUUID().toString(), "participant");
    public static final String MODERATOR = TestTokens.shared().token(UUID.randomUUID().toString(), "moderator");

    private final RapporteurApi http;

    public TrendsApi(int port) {
        this.http = new RapporteurApi(port);
    }

    public static String conference(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String thesaurus(String conferenceId) {
        return "/api/rapporteur/conferences/" + conferenceId + "/thesaurus";
    }

    /** A valid thesaurus: affordable housing in three languages (two French labels), and generic talk ignored. */
    public static String housingThesaurus() {
        return """
                {"concepts": [
                  {"id": "affordable-housing", "labels": {"en": ["affordable housing"],
                   "fr": ["logement abordable", "logement accessible"], "es": ["vivienda asequible"]}, "ignore": false},
                  {"id": "the-city", "labels": {"en": ["the city"], "fr": ["la ville"]}, "ignore": true}
                ]}""";
    }

    public HttpResponse<String> get(String path, String token) {
        return get(path, token, null);
    }

    public HttpResponse<String> get(String path, String token, String language) {
        return http.get(path, token, "Accept-Language", language);
    }

    public HttpResponse<String> put(String path, String token, String contentType, String body, String ifMatch) {
        return put(path, token, contentType, body.getBytes(StandardCharsets.UTF_8), ifMatch, null);
    }

    public HttpResponse<String> put(String path, String token, String contentType, byte[] body, String ifMatch,
            String language) {
        return http.send("PUT", path, token, contentType, body, "If-Match", ifMatch, "Accept-Language", language);
    }

    public JsonNode read(HttpResponse<String> response) {
        return http.read(response);
    }
}

package dev.hybridconf.rapporteur.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's HTTP API as the tests call it: real requests to the running server, with a bearer token (none when
 * {@code null}) and extra headers given as name/value pairs ({@code "If-Match", etag, "Accept-Language", "fr"}; a
 * pair whose value is {@code null} is left out). Answers the response as it came (status, headers, body); its JSON is
 * read with {@link #read}. What a feature's tests assert of an answer stays in their own helpers.
 */
public class RapporteurApi {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = JsonMapper.builder().build();
    private final int port;

    public RapporteurApi(int port) {
        this.port = port;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public HttpResponse<String> get(String path, String token, String... headers) {
        return send("GET", path, token, null, headers);
    }

    public HttpResponse<String> head(String path, String token, String... headers) {
        return send("HEAD", path, token, null, headers);
    }

    public HttpResponse<String> delete(String path, String token, String... headers) {
        return send("DELETE", path, token, null, headers);
    }

    /** A POST with this JSON body ({@code null}: none). */
    public HttpResponse<String> post(String path, String token, String jsonBody, String... headers) {
        return send("POST", path, token, jsonBody, headers);
    }

    /** A PUT with this JSON body ({@code null}: none). */
    public HttpResponse<String> put(String path, String token, String jsonBody, String... headers) {
        return send("PUT", path, token, jsonBody, headers);
    }

    /** Any method, with a JSON body ({@code Content-Type: application/json}) unless it is {@code null}. */
    public HttpResponse<String> send(String method, String path, String token, String jsonBody, String... headers) {
        return jsonBody == null ? send(method, path, token, null, (byte[]) null, headers)
                : send(method, path, token, "application/json", jsonBody.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Any method, with these bytes as the body of this content type (none when {@code body} is {@code null}). */
    public HttpResponse<String> send(String method, String path, String token, String contentType, byte[] body,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                request.header(headers[i], headers[i + 1]);
            }
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer's body as JSON. */
    public JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    public JsonNode read(String text) {
        return json.readTree(text);
    }

    public String json(Object value) {
        return json.writeValueAsString(value);
    }

    /** The mapper the answers are read with, to build request bodies. */
    public ObjectMapper mapper() {
        return json;
    }
}

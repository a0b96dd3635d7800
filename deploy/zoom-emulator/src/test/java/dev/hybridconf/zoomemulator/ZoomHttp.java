package dev.hybridconf.zoomemulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small OkHttp client for the tests, the way the platform's Zoom client will call the emulator: real HTTP, JSON
 * bodies, bearer tokens. Connection failures are not retried, so that a dropped connection shows as it happened.
 */
final class ZoomHttp {

    static final MediaType JSON = MediaType.get("application/json");
    static final String CLIENT_ID = "hybridconf-demo-client";
    static final String CLIENT_SECRET = "hybridconf-demo-secret";
    static final String ACCOUNT_ID = "hybridconf-demo-account";

    /** One answer: status, headers and body. */
    record Answer(int status, Headers headers, String body) {

        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    final String base;
    final OkHttpClient client;

    ZoomHttp(String base) {
        this(base, new OkHttpClient.Builder().retryOnConnectionFailure(false).readTimeout(Duration.ofSeconds(20))
                .build());
    }

    ZoomHttp(String base, OkHttpClient client) {
        this.base = base;
        this.client = client;
    }

    ZoomHttp withClient(OkHttpClient other) {
        return new ZoomHttp(base, other);
    }

    Answer get(String path, String token) {
        return send("GET", path, null, token);
    }

    Answer post(String path, String body, String token) {
        return send("POST", path, body, token);
    }

    Answer patch(String path, String body, String token) {
        return send("PATCH", path, body, token);
    }

    Answer put(String path, String body, String token) {
        return send("PUT", path, body, token);
    }

    Answer delete(String path, String token) {
        return send("DELETE", path, null, token);
    }

    Answer send(String method, String path, String body, String token) {
        return execute(request(method, path, body, token, Map.of()));
    }

    /** Throws the {@link IOException} a call fails with, for tests about dropped connections and timeouts. */
    Answer sendOrThrow(String method, String path, String body, String token) throws IOException {
        try (Response response = client.newCall(request(method, path, body, token, Map.of())).execute()) {
            return new Answer(response.code(), response.headers(), response.body().string());
        }
    }

    /** {@code POST /oauth/token} with the given client credentials and account. */
    Answer token(String clientId, String clientSecret, String accountId) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes());
        return execute(request("POST", "/oauth/token?grant_type=account_credentials&account_id=" + accountId, "",
                null, Map.of("Authorization", basic)));
    }

    /** A token for the demo app. */
    String token() {
        Answer answer = token(CLIENT_ID, CLIENT_SECRET, ACCOUNT_ID);
        if (answer.status() != 200) {
            throw new IllegalStateException("No token: " + answer);
        }
        return answer.json().path("access_token").asString();
    }

    private Request request(String method, String path, String body, String token, Map<String, String> headers) {
        Request.Builder builder = new Request.Builder().url(base + path);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        RequestBody requestBody = body == null ? null : RequestBody.create(body, JSON);
        if (requestBody == null && (method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))) {
            requestBody = RequestBody.create(new byte[0], null);
        }
        return builder.method(method, requestBody).build();
    }

    private Answer execute(Request request) {
        try (Response response = client.newCall(request).execute()) {
            return new Answer(response.code(), response.headers(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.url() + " failed", e);
        }
    }
}

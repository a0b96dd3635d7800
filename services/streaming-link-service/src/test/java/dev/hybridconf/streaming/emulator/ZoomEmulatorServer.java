package dev.hybridconf.streaming.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.hybridconf.zoomemulator.ZoomEmulatorApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real Zoom emulator ({@code deploy/zoom-emulator}) started in the test JVM on a free port, one per
 * test class ({@link OnZoomEmulator}): the service's Zoom client talks to it over HTTP exactly as it would to Zoom. Its six demo
 * hosts ({@code host1..6@hybridconf.example}, the first two with a webinar licence) and demo credentials
 * are those of the local stack. Webhooks go to {@code webhookUrl} when given.
 */
public final class ZoomEmulatorServer implements AutoCloseable {

    public static final String ACCOUNT_ID = "hybridconf-demo-account";
    public static final String CLIENT_ID = "hybridconf-demo-client";
    public static final String CLIENT_SECRET = "hybridconf-demo-secret";
    public static final String WEBHOOK_SECRET = "hybridconf-demo-webhook-secret";

    /** The service's test class path brings security and Kafka; the real emulator runs without them. */
    private static final String[] NOT_THE_EMULATORS = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"};

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ZoomEmulatorServer(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.baseUrl = "http://localhost:" + port;
    }

    /** Starts an emulator; extra arguments are {@code --key=value} settings of its application.yml. */
    public static ZoomEmulatorServer start(String... extraArgs) {
        String[] args = new String[extraArgs.length + 3];
        args[0] = "--server.port=0";
        args[1] = "--spring.main.banner-mode=off";
        args[2] = "--spring.application.admin.enabled=false";
        System.arraycopy(extraArgs, 0, args, 3, extraArgs.length);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ZoomEmulatorApplication.class)
                .properties("spring.config.location=" + emulatorConfig(), "spring.jmx.enabled=false",
                        "spring.autoconfigure.exclude=" + String.join(",", NOT_THE_EMULATORS))
                .run(args);
        return new ZoomEmulatorServer(context);
    }

    /**
     * The emulator's own application.yml: the test class path also holds the service's, which would
     * otherwise win. The emulator comes as a jar or, in a reactor build, as a classes directory.
     */
    private static String emulatorConfig() {
        try {
            URI location = ZoomEmulatorApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI();
            return location.getPath().endsWith(".jar") ? "jar:" + location + "!/application.yml"
                    : "file:" + location.getPath() + (location.getPath().endsWith("/") ? "" : "/") + "application.yml";
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The settings that point the service's Zoom client at this emulator. */
    public Map<String, Object> clientProperties() {
        return Map.of("platform.zoom.oauth-url", baseUrl, "platform.zoom.api-url", baseUrl + "/v2",
                "platform.zoom.account-id", ACCOUNT_ID, "platform.zoom.client-id", CLIENT_ID,
                "platform.zoom.client-secret", CLIENT_SECRET);
    }

    /** GET on the admin API ({@code /emulator/...}), as JSON. */
    public JsonNode admin(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/emulator" + path)).GET().build());
    }

    /** A write on the admin API with a JSON body (or none), as JSON (null for 204). */
    public JsonNode admin(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/emulator" + path))
                .header("Content-Type", "application/json").method(method, publisher).build());
    }

    /** How many calls the emulator answered on one endpoint template, e.g. {@code POST /v2/users/{userId}/meetings}. */
    public long calls(String endpoint) {
        long total = 0;
        for (JsonNode row : admin("/calls").path("endpoints")) {
            if (endpoint.equals(row.path("endpoint").asString())) {
                total += row.path("total").asLong();
            }
        }
        return total;
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}

package dev.hybridconf.zoomemulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The emulator on a random port, shared by the test classes that use these settings, and reset before each test so
 * that no test sees another's meetings, counts, faults or limits. Webhook retries come quickly here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "emulator.webhooks.retry-delays=100ms,200ms,300ms", "emulator.webhooks.timeout=2s" })
abstract class EmulatorTestSupport {

    /** Configured with a webinar licence. */
    static final String WEBINAR_HOST = "host1@hybridconf.example";
    /** Configured without a webinar licence. */
    static final String HOST = "host3@hybridconf.example";
    static final String OTHER_HOST = "host4@hybridconf.example";

    @LocalServerPort
    int port;

    ZoomHttp zoom;
    String token;

    @BeforeEach
    void resetEmulator() {
        zoom = new ZoomHttp("http://localhost:" + port);
        assertThat(zoom.post("/emulator/reset", null, null).status()).isEqualTo(204);
        token = zoom.token();
    }

    /** Creates a scheduled meeting for {@code host} with the given {@code settings} JSON (or none). */
    JsonNode createMeeting(String host, String settings) {
        ZoomHttp.Answer created = zoom.post("/v2/users/" + host + "/meetings", """
                {"topic":"Breakout B3: Local finance","type":2,"start_time":"2026-06-02T14:00:00Z","duration":90,
                 "timezone":"Africa/Dakar"%s}""".formatted(settings == null ? "" : ",\"settings\":" + settings),
                token);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** A meeting that registers people automatically (approval type 0). */
    long meetingWithRegistration() {
        return createMeeting(HOST, "{\"approval_type\":0}").path("id").asLong();
    }

    ZoomHttp.Answer register(long meetingId, String email) {
        return zoom.post("/v2/meetings/" + meetingId + "/registrants", """
                {"email":"%s","first_name":"Amina","last_name":"Diallo","auto_approve":true}""".formatted(email),
                token);
    }

    ZoomHttp.Answer admin(String method, String path, String body) {
        return zoom.send(method, "/emulator" + path, body, null);
    }

    /** How the calls of one endpoint ended, by outcome ({@code "201"}, {@code "dropped"}, ...); empty if none came. */
    JsonNode outcomes(String endpoint) {
        JsonNode endpoints = zoom.get("/emulator/calls?endpoint=" + endpoint.replace("{", "%7B").replace("}", "%7D")
                .replace(" ", "%20"), null).json().path("endpoints");
        return endpoints.isEmpty() ? MissingNode.getInstance() : endpoints.get(0).path("outcomes");
    }
}

package dev.hybridconf.zoomemulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an operator sets when starting the emulator: a regional {@code api_url}, another token lifetime, the host
 * users, how 429s look, and faults from the first request on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "emulator.api-url=https://api-eu.zoom.example", "emulator.token-lifetime=90s",
        "emulator.hosts=chair@uclg.example:webinar, streaming@uclg.example", "emulator.limits.headers=NONE",
        "emulator.faults[0].path=/v2/users/*/webinars", "emulator.faults[0].server-error-rate=1",
        "emulator.faults[0].server-error-status=502" })
class ConfiguredAtStartTests {

    @LocalServerPort
    int port;

    ZoomHttp zoom;

    @BeforeEach
    void reset() {
        zoom = new ZoomHttp("http://localhost:" + port);
        zoom.post("/emulator/reset", null, null);
    }

    @Test
    void tokensNameTheConfiguredRegionalApiUrlAndLifetime() {
        ZoomHttp.Answer answer = zoom.token(ZoomHttp.CLIENT_ID, ZoomHttp.CLIENT_SECRET, ZoomHttp.ACCOUNT_ID);

        assertThat(answer.json().path("api_url").asString()).isEqualTo("https://api-eu.zoom.example");
        assertThat(answer.json().path("expires_in").asLong()).isEqualTo(90);
    }

    @Test
    void theConfiguredHostsAreTheAccountsUsersWithTheirWebinarLicences() {
        String token = zoom.token();

        ZoomHttp.Answer users = zoom.get("/v2/users", token);

        assertThat(users.json().path("users").findValuesAsString("email"))
                .containsExactly("chair@uclg.example", "streaming@uclg.example");
        assertThat(zoom.get("/v2/users/chair@uclg.example/settings", token).json().path("feature").path("webinar")
                .asBoolean()).isTrue();
        assertThat(zoom.get("/v2/users/streaming@uclg.example/settings", token).json().path("feature")
                .path("webinar").asBoolean()).isFalse();
    }

    @Test
    void faultsAndHeaderlessRateLimitsApplyFromTheStartAndComeBackAfterAReset() {
        String token = zoom.token();
        String webinar = """
                {"topic":"Opening plenary","type":5,"start_time":"2026-06-01T09:00:00Z","duration":120}""";

        assertThat(zoom.post("/v2/users/chair@uclg.example/webinars", webinar, token).status()).isEqualTo(502);
        zoom.send("DELETE", "/emulator/faults", null, null);
        assertThat(zoom.post("/v2/users/chair@uclg.example/webinars", webinar, token).status()).isEqualTo(201);
        zoom.post("/emulator/reset", null, null);
        assertThat(zoom.post("/v2/users/chair@uclg.example/webinars", webinar, zoom.token()).status())
                .isEqualTo(502);

        zoom.put("/emulator/faults", "[{\"path\":\"/v2/users/**\",\"tooManyRequestsRate\":1}]", null);
        ZoomHttp.Answer limited = zoom.get("/v2/users", zoom.token());
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().names()).noneMatch(name -> name.toLowerCase().startsWith("x-ratelimit"))
                .doesNotContain("Retry-After");
    }
}

package dev.hybridconf.zoomemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import okhttp3.OkHttpClient;

/** Injected faults as the platform's OkHttp client sees them, on the paths chosen and nowhere else. */
class FaultsTests extends EmulatorTestSupport {

    private static final String CREATE = "{\"type\":2,\"start_time\":\"2026-06-02T14:00:00Z\"}";

    @Test
    void serverErrorsHitOnlyTheChosenPathForTheChosenNumberOfCalls() {
        admin("PUT", "/faults", """
                [{"path":"/v2/users/{userId}/meetings","methods":["POST"],"serverErrorRate":1,"serverErrorStatus":503,
                  "times":2}]""");

        ZoomHttp.Answer first = zoom.post("/v2/users/" + HOST + "/meetings", CREATE, token);
        ZoomHttp.Answer second = zoom.post("/v2/users/" + HOST + "/meetings", CREATE, token);
        assertThat(zoom.get("/v2/users", token).status()).as("another path").isEqualTo(200);
        ZoomHttp.Answer third = zoom.post("/v2/users/" + HOST + "/meetings", CREATE, token);

        assertThat(first.status()).isEqualTo(503);
        assertThat(second.status()).isEqualTo(503);
        assertThat(first.json().path("code").asInt()).isEqualTo(503);
        assertThat(third.status()).isEqualTo(201);
        assertThat(outcomes("POST /v2/users/{userId}/meetings").path("503").asInt()).isEqualTo(2);
        assertThat(outcomes("POST /v2/users/{userId}/meetings").path("201").asInt()).isEqualTo(1);
        assertThat(admin("GET", "/meetings", null).json()).as("failed calls created nothing").hasSize(1);
        assertThat(admin("GET", "/faults", null).json()).as("the rule retired after two calls").isEmpty();
    }

    @Test
    void aBurstOf429sComesWithZoomsBodyAndHeaders() {
        admin("PUT", "/faults", "[{\"path\":\"/v2/meetings/**\",\"tooManyRequestsRate\":1,\"times\":3}]");
        long id = createMeeting(HOST, null).path("id").asLong();

        for (int i = 0; i < 3; i++) {
            ZoomHttp.Answer limited = zoom.post("/v2/meetings/" + id + "/batch_registrants", "{}", token);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.json().path("code").asInt()).isEqualTo(429);
            assertThat(limited.header("X-RateLimit-Category")).isEqualTo("Heavy");
        }
        assertThat(zoom.get("/v2/meetings/" + id, token).status()).isEqualTo(200);
    }

    @Test
    void addedLatencyDelaysTheAnswerAndTripsAShorterClientTimeout() throws IOException {
        admin("PUT", "/faults", "[{\"path\":\"/v2/users/**\",\"latencyMillis\":700}]");

        long started = System.nanoTime();
        assertThat(zoom.get("/v2/users/me", token).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700));

        ZoomHttp impatient = zoom.withClient(new OkHttpClient.Builder().retryOnConnectionFailure(false)
                .readTimeout(Duration.ofMillis(200)).build());
        assertThatThrownBy(() -> impatient.sendOrThrow("GET", "/v2/users/me", null, token))
                .isInstanceOf(InterruptedIOException.class);
    }

    @Test
    void aDroppedConnectionReachesTheClientAsAnIOExceptionWithoutAnyAnswer() throws IOException {
        admin("PUT", "/faults", "[{\"path\":\"/v2/users/*/meetings\",\"dropRate\":1,\"times\":1}]");

        assertThatThrownBy(() -> zoom.sendOrThrow("POST", "/v2/users/" + HOST + "/meetings", CREATE, token))
                .isInstanceOf(IOException.class);

        assertThat(outcomes("POST /v2/users/{userId}/meetings").path("dropped").asInt()).isEqualTo(1);
        assertThat(admin("GET", "/meetings", null).json()).isEmpty();
        assertThat(zoom.sendOrThrow("POST", "/v2/users/" + HOST + "/meetings", CREATE, token).status())
                .as("the next call, the rule spent").isEqualTo(201);
    }

    @Test
    void theTokenEndpointCanFailToo() {
        admin("PUT", "/faults", "[{\"path\":\"/oauth/token\",\"serverErrorRate\":1,\"times\":1}]");

        assertThat(zoom.token(ZoomHttp.CLIENT_ID, ZoomHttp.CLIENT_SECRET, ZoomHttp.ACCOUNT_ID).status())
                .isEqualTo(500);
        assertThat(zoom.token(ZoomHttp.CLIENT_ID, ZoomHttp.CLIENT_SECRET, ZoomHttp.ACCOUNT_ID).status())
                .isEqualTo(200);
    }

    @Test
    void anInvalidRuleIsRefusedAndTheRulesInForceStay() {
        admin("PUT", "/faults", "[{\"path\":\"/v2/**\",\"latencyMillis\":1}]");

        ZoomHttp.Answer refused = admin("PUT", "/faults", "[{\"path\":\"/v2/**\",\"serverErrorRate\":2}]");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asString()).contains("serverErrorRate");
        assertThat(admin("GET", "/faults", null).json()).hasSize(1);
    }
}

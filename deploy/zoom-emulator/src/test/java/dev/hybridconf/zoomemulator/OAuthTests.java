package dev.hybridconf.zoomemulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import okhttp3.FormBody;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Server-to-Server OAuth as the platform's client meets it: tokens, their lifetime, and the 401s around them. */
class OAuthTests extends EmulatorTestSupport {

    @Test
    void theAppsCredentialsGetABearerTokenForAnHourAndTheApiUrlToUse() {
        ZoomHttp.Answer answer = zoom.token(ZoomHttp.CLIENT_ID, ZoomHttp.CLIENT_SECRET, ZoomHttp.ACCOUNT_ID);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.path("access_token").asString()).isNotBlank();
        assertThat(body.path("token_type").asString()).isEqualTo("bearer");
        assertThat(body.path("expires_in").asLong()).isEqualTo(3600);
        assertThat(body.path("scope").asString()).contains("meeting:write:admin");
        assertThat(body.path("api_url").asString()).isEqualTo("http://localhost:" + port);
        assertThat(body.has("refresh_token")).as("no refresh token with account credentials").isFalse();

        ZoomHttp.Answer me = zoom.get("/v2/users/me", body.path("access_token").asString());
        assertThat(me.status()).isEqualTo(200);
    }

    @Test
    void theParametersMayAlsoComeFormEncodedInTheBody() throws Exception {
        String basic = Base64.getEncoder().encodeToString((ZoomHttp.CLIENT_ID + ":" + ZoomHttp.CLIENT_SECRET).getBytes());
        Request request = new Request.Builder().url(zoom.base + "/oauth/token").header("Authorization", "Basic " + basic)
                .post(new FormBody.Builder().add("grant_type", "account_credentials")
                        .add("account_id", ZoomHttp.ACCOUNT_ID).build())
                .build();

        try (Response response = zoom.client.newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(JsonMapper.shared().readTree(response.body().string()).path("access_token").asString())
                    .isNotBlank();
        }
    }

    @Test
    void wrongCredentialsAreRefusedInOAuthsErrorShape() {
        ZoomHttp.Answer wrongSecret = zoom.token(ZoomHttp.CLIENT_ID, "not-the-secret", ZoomHttp.ACCOUNT_ID);
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.json().path("error").asString()).isEqualTo("invalid_client");
        assertThat(wrongSecret.json().path("reason").asString()).isEqualTo("Invalid client_id or client_secret");

        ZoomHttp.Answer wrongAccount = zoom.token(ZoomHttp.CLIENT_ID, ZoomHttp.CLIENT_SECRET, "another-account");
        assertThat(wrongAccount.status()).isEqualTo(400);
        assertThat(wrongAccount.json().path("error").asString()).isEqualTo("invalid_request");

        ZoomHttp.Answer withoutCredentials = zoom.post("/oauth/token?grant_type=account_credentials&account_id="
                + ZoomHttp.ACCOUNT_ID, "", null);
        assertThat(withoutCredentials.status()).isEqualTo(401);
    }

    @Test
    void apiCallsWithoutAValidTokenAre401WithCode124() {
        for (String presented : new String[] { null, "forged-token" }) {
            ZoomHttp.Answer answer = zoom.get("/v2/users/me", presented);

            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.json().path("code").asInt()).isEqualTo(124);
            assertThat(answer.json().path("message").asString()).isEqualTo("Invalid access token.");
        }
    }

    @Test
    void aTokenStopsWorkingAfterItsLifetimeAndAFreshOneWorks() {
        assertThat(zoom.get("/v2/users/me", token).status()).isEqualTo(200);

        admin("POST", "/clock", "{\"advanceSeconds\":3601}");

        ZoomHttp.Answer expired = zoom.get("/v2/users/me", token);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().path("code").asInt()).isEqualTo(124);
        assertThat(expired.json().path("message").asString()).isEqualTo("Access token is expired.");
        assertThat(zoom.get("/v2/users/me", zoom.token()).status()).isEqualTo(200);
    }

    @Test
    void severalTokensWorkAtOnceUntilTheyAreRevoked() {
        String second = zoom.token();
        assertThat(second).isNotEqualTo(token);
        assertThat(zoom.get("/v2/users/me", token).status()).isEqualTo(200);
        assertThat(zoom.get("/v2/users/me", second).status()).isEqualTo(200);

        admin("POST", "/tokens/revoke", null);

        assertThat(zoom.get("/v2/users/me", token).status()).isEqualTo(401);
        assertThat(zoom.get("/v2/users/me", second).status()).isEqualTo(401);
        assertThat(zoom.get("/v2/users/me", zoom.token()).status()).as("a new token after revocation").isEqualTo(200);
    }
}

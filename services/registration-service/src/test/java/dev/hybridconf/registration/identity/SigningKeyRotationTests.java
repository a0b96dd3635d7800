package dev.hybridconf.registration.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.nimbusds.jwt.SignedJWT;

import dev.hybridconf.registration.TestConferences;
import dev.hybridconf.kit.PlatformProperties;
import dev.hybridconf.registration.RegistrationHttp;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * An organiser rotates the signing key over real HTTP (real Redis and Kafka): tokens signed before
 * and after are both accepted, by this service and by a decoder built as every other service and the
 * gateway build theirs (keys from the JWKS URI, fetched again on an unknown {@code kid}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "platform.identity.demo-sign-in=true")
@PlatformInfrastructure
@Import(TestConferences.Published.class)
class SigningKeyRotationTests {

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    PlatformProperties platform;

    private RegistrationHttp api;

    @BeforeEach
    void client() {
        api = new RegistrationHttp(port, tokens);
    }

    @Test
    void afterARotationTokensOfTheOldAndTheNewKeyAreBothAcceptedHereAndByJwksDecoders() throws Exception {
        JwtDecoder elsewhere = decoderAsOtherServicesBuildIt();
        String before = demoToken("organiser");
        assertThat(elsewhere.decode(before).getSubject()).isEqualTo("demo-organiser");

        HttpResponse<String> rotated = api.post("/api/registrations/signing-keys/rotation", before);

        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        JsonNode rotation = api.json(rotated);
        String current = rotation.get("keyId").asString();
        assertThat(rotation.get("previousKeyId").asString()).isEqualTo(kid(before));
        String after = demoToken("organiser");
        assertThat(kid(after)).isEqualTo(current).isNotEqualTo(kid(before));
        assertThat(api.get("/api/registrations/capacity", before).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/registrations/capacity", after).statusCode()).isEqualTo(200);
        JsonNode jwks = api.json(api.get("/oauth2/jwks", null));
        assertThat(kids(jwks)).contains(kid(before), kid(after));
        jwks.get("keys").forEach(key -> assertThat(key.has("d")).as("no private part").isFalse());
        assertThat(elsewhere.decode(after).getSubject()).as("fetched the key set again for the unknown kid")
                .isEqualTo("demo-organiser");
        assertThat(elsewhere.decode(before).getSubject()).isEqualTo("demo-organiser");

        JsonNode published = api.json(api.get("/api/registrations/signing-keys", after));
        JsonNode retired = null;
        for (JsonNode key : published.get("keys")) {
            if (key.get("keyId").asString().equals(kid(before))) {
                retired = key;
            }
        }
        assertThat(retired).isNotNull();
        assertThat(retired.get("current").asBoolean()).isFalse();
        assertThat(Instant.parse(retired.get("publishedUntil").asString()))
                .as("published until the last token it signed (8 h) has expired")
                .isAfter(Instant.now().plus(Duration.ofHours(8)));
    }

    @Test
    void onlyOrganisersRotateAndARefusedRotationChangesNothing() {
        String participant = tokens.issue("participant-" + UUID.randomUUID(), List.of("participant"), "fr");
        List<String> before = kids(api.json(api.get("/oauth2/jwks", null)));

        HttpResponse<String> refused = api.post("/api/registrations/signing-keys/rotation", participant);
        HttpResponse<String> anonymous = api.post("/api/registrations/signing-keys/rotation", null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(api.get("/api/registrations/signing-keys", participant).statusCode()).isEqualTo(403);
        assertThat(kids(api.json(api.get("/oauth2/jwks", null)))).isEqualTo(before);
    }

    /** As {@code SecurityConfiguration} in the service kit builds it for every other service. */
    private JwtDecoder decoderAsOtherServicesBuildIt() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/oauth2/jwks").build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(platform.security().issuer()));
        return decoder;
    }

    private String demoToken(String role) {
        for (JsonNode token : api.json(api.get("/internal/demo-sign-in", null)).get("tokens")) {
            if (token.get("role").asString().equals(role)) {
                return token.get("token").asString();
            }
        }
        throw new AssertionError("no demo token for " + role);
    }

    private static String kid(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    private static List<String> kids(JsonNode jwks) {
        List<String> kids = new ArrayList<>();
        jwks.get("keys").forEach(key -> kids.add(key.get("kid").asString()));
        return kids;
    }
}

package dev.hybridconf.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Stands in for the registration service's token side: an RSA key, its JWK set served over HTTP,
 * and RS256 tokens signed with it (or, to be refused, with a key nobody published).
 */
final class TestIssuer implements AutoCloseable {

    private final RSAKey key;
    private final RSAKey unpublishedKey;
    private final MockWebServer server = new MockWebServer();

    private TestIssuer() throws JOSEException {
        this.key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        this.unpublishedKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
    }

    static TestIssuer start() {
        try {
            TestIssuer issuer = new TestIssuer();
            String jwks = new JWKSet(issuer.key.toPublicJWK()).toString();
            issuer.server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if ("/oauth2/jwks".equals(request.getTarget())) {
                        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(jwks)
                                .build();
                    }
                    return new MockResponse.Builder().code(404).build();
                }
            });
            issuer.server.start(0);
            return issuer;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test token issuer", e);
        }
    }

    /** Points the gateway at this issuer through the same variables an operator sets. */
    void register(DynamicPropertyRegistry registry) {
        registry.add("JWT_JWK_SET_URI", () -> server.url("/oauth2/jwks").toString());
        registry.add("JWT_ISSUER", this::issuer);
    }

    String issuer() {
        return "http://localhost:" + server.getPort();
    }

    /** A valid token for the subject, carrying the roles. */
    String token(String subject, String... roles) {
        return sign(key, claims(issuer(), subject, Instant.now().plus(Duration.ofMinutes(10)), roles));
    }

    /** Well signed, but issued by someone else. */
    String tokenFromIssuer(String otherIssuer, String subject, String... roles) {
        return sign(key, claims(otherIssuer, subject, Instant.now().plus(Duration.ofMinutes(10)), roles));
    }

    /** Expired well beyond the decoder's clock-skew allowance. */
    String expiredToken(String subject, String... roles) {
        return sign(key, claims(issuer(), subject, Instant.now().minus(Duration.ofMinutes(10)), roles));
    }

    /** Right issuer and key id, but signed with a key the JWK set does not contain. */
    String tokenSignedWithUnpublishedKey(String subject, String... roles) {
        return sign(unpublishedKey, claims(issuer(), subject, Instant.now().plus(Duration.ofMinutes(10)), roles));
    }

    private static JWTClaimsSet claims(String issuer, String subject, Instant expiresAt, String... roles) {
        Instant issuedAt = expiresAt.minus(Duration.ofMinutes(30));
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .claim("roles", List.of(roles))
                .build();
    }

    private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a test token", e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}

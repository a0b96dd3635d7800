package dev.hybridconf.registration.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import dev.hybridconf.kit.PlatformProperties;
import dev.hybridconf.kit.security.SecurityConfiguration;

/**
 * Signs access tokens carrying subject, roles and language, always with the current signing key
 * (asked of {@link SigningKeys} on every issue, so a rotation on any replica applies at once) and
 * with that key's id in the {@code kid} header.
 */
@Component
public class TokenIssuer {

    private final SigningKeys keys;
    /** One encoder per key id; a key never changes, so neither does its encoder. */
    private final Map<String, NimbusJwtEncoder> encoders = new ConcurrentHashMap<>();
    private final String issuer;
    private final IdentityProperties identity;
    private final Clock clock;

    TokenIssuer(SigningKeys keys, PlatformProperties platform, IdentityProperties identity, Clock clock) {
        this.keys = keys;
        this.issuer = platform.security().issuer();
        this.identity = identity;
        this.clock = clock;
    }

    /** A signed token and the moment it stops being accepted. */
    public record Issued(String token, Instant expiresAt) {
    }

    public String issue(String subject, List<String> roles, String language) {
        return issueWithExpiry(subject, roles, language).token();
    }

    public Issued issueWithExpiry(String subject, List<String> roles, String language) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plus(identity.tokenLifetime()))
                .claim(SecurityConfiguration.ROLES_CLAIM, roles)
                .claim("lang", language)
                .build();
        RSAKey key = keys.current();
        NimbusJwtEncoder encoder = encoders.computeIfAbsent(key.getKeyID(),
                kid -> new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key))));
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        return new Issued(encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue(),
                claims.getExpiresAt());
    }
}

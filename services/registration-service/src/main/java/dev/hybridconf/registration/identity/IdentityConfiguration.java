package dev.hybridconf.registration.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import dev.hybridconf.kit.PlatformProperties;

/**
 * The issuer verifies its own tokens with the keys it publishes, read from Redis rather than from its
 * own JWKS over HTTP: a token signed by any published key (current or retired, on any replica) is accepted.
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, PlatformProperties platform) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys.verificationKeys()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(platform.security().issuer()));
        return decoder;
    }
}

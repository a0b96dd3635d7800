package dev.hybridconf.registration.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.nimbusds.jose.JOSEException;

import dev.hybridconf.kit.PlatformProperties;

/** The issuer verifies its own tokens with the key it holds rather than fetching its own JWKS over HTTP. */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, PlatformProperties platform) throws JOSEException {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(keys.signingKey().toRSAPublicKey()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(platform.security().issuer()));
        return decoder;
    }
}

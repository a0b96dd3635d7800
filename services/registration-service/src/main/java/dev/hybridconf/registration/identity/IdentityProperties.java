package dev.hybridconf.registration.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param demoSignIn         expose demo tokens at {@code /internal/demo-sign-in} (local stack only)
 * @param tokenLifetime      how long an issued token is valid
 * @param accessLinkLifetime how long an unused access link stays valid
 * @param portalUrl          where access links point (the portal exchanges their code for a token)
 */
@ConfigurationProperties("platform.identity")
public record IdentityProperties(boolean demoSignIn, Duration tokenLifetime, Duration accessLinkLifetime,
        String portalUrl) {

    public IdentityProperties {
        tokenLifetime = tokenLifetime != null ? tokenLifetime : Duration.ofHours(8);
        accessLinkLifetime = accessLinkLifetime != null ? accessLinkLifetime : Duration.ofDays(14);
        portalUrl = portalUrl != null && !portalUrl.isBlank() ? portalUrl : "http://localhost:8080";
    }
}

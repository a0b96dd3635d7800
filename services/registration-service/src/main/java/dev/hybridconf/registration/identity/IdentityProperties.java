package dev.hybridconf.registration.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param demoSignIn    expose demo tokens at {@code /internal/demo-sign-in} (local stack only)
 * @param tokenLifetime how long an issued token is valid
 */
@ConfigurationProperties("platform.identity")
public record IdentityProperties(boolean demoSignIn, Duration tokenLifetime) {

    public IdentityProperties {
        tokenLifetime = tokenLifetime != null ? tokenLifetime : Duration.ofHours(8);
    }
}

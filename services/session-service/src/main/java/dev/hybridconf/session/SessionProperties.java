package dev.hybridconf.session;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The session service's own settings, under {@code platform.session}.
 *
 * @param demoProgrammes load the demo programmes built from the source documents at start-up
 *                       ({@code DEMO_PROGRAMMES}; the local launcher turns it on)
 */
@ConfigurationProperties("platform.session")
public record SessionProperties(boolean demoProgrammes) {
}

package dev.hybridconf.streaming.webhooks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.zoom.webhooks}.
 *
 * @param secretToken   the secret token of the Zoom app's event subscription; empty: the endpoint answers 503
 * @param maxAge        how far {@code x-zm-request-timestamp} may be from the service's clock, either way
 * @param replayWindow  how long a handed-over event is remembered so that Zoom's redeliveries are answered
 *                      200 without a second hand-over (Zoom retries after 5, 20 and 60 minutes)
 * @param maxInFlight   webhooks handled at once by this replica; more are answered 503 with {@code Retry-After}
 * @param retryAfter    what a 503 asks Zoom to wait before sending again
 * @param remember      how long the consumer remembers an applied event id
 */
@ConfigurationProperties("platform.zoom.webhooks")
public record WebhookProperties(
        @DefaultValue("") String secretToken,
        @DefaultValue("5m") Duration maxAge,
        @DefaultValue("2h") Duration replayWindow,
        @DefaultValue("32") int maxInFlight,
        @DefaultValue("10s") Duration retryAfter,
        @DefaultValue("7d") Duration remember) {

    public WebhookProperties {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("platform.zoom.webhooks.max-in-flight must be at least 1");
        }
    }

    public boolean configured() {
        return secretToken != null && !secretToken.isBlank();
    }
}

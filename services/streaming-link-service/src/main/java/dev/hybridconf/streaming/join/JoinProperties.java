package dev.hybridconf.streaming.join;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.streaming.join}: when a participant may fetch their join link.
 *
 * @param opensBefore how long before the start the link is handed out
 * @param retryAfter  the {@code Retry-After} of a {@code join-not-ready} answer (meeting or registrant not ready)
 */
@ConfigurationProperties("platform.streaming.join")
public record JoinProperties(Duration opensBefore, Duration retryAfter) {

    public JoinProperties {
        opensBefore = opensBefore == null ? Duration.ofMinutes(15) : opensBefore;
        retryAfter = retryAfter == null ? Duration.ofSeconds(10) : retryAfter;
    }
}

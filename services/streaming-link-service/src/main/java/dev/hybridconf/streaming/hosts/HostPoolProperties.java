package dev.hybridconf.streaming.hosts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The host pool's settings, under {@code platform.streaming.hosts}.
 *
 * @param seed   hosts registered at start-up when the pool is empty: comma-separated {@code user[:webinar]}
 *               (env {@code ZOOM_HOST_POOL}), e.g. {@code host1@hybridconf.example:webinar,host3@hybridconf.example}
 * @param buffer the least time between two sessions of one host (the previous may overrun, the host needs to
 *               hand over); default 10 minutes
 */
@ConfigurationProperties("platform.streaming.hosts")
public record HostPoolProperties(String seed, Duration buffer) {

    public HostPoolProperties {
        seed = seed == null ? "" : seed.trim();
        buffer = buffer == null || buffer.isNegative() ? Duration.ofMinutes(10) : buffer;
    }
}

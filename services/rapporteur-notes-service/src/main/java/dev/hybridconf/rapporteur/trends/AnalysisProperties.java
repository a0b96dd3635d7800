package dev.hybridconf.rapporteur.trends;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The trend worker's settings ({@code platform.rapporteur.analysis}).
 *
 * @param pollInterval how often it looks for days to analyse (200 ms)
 * @param leaseTtl     the lease on one day's analysis, renewed while it runs (30 s)
 * @param retryAfter   how long a day whose analysis failed waits before it is tried again (10 s)
 */
@ConfigurationProperties("platform.rapporteur.analysis")
public record AnalysisProperties(Duration pollInterval, Duration leaseTtl, Duration retryAfter) {

    public AnalysisProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(30) : leaseTtl;
        retryAfter = retryAfter == null ? Duration.ofSeconds(10) : retryAfter;
    }
}

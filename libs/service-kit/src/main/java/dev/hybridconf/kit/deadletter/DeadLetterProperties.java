package dev.hybridconf.kit.deadletter;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Settings of the dead-letter operations, under {@code platform.dead-letters}.
 *
 * @param path         where the endpoint is mapped, e.g. {@code /api/sessions/operations/dead-letters}
 * @param depthRefresh how often the depth gauge is computed again (end offsets minus replayed, never a scan)
 * @param readTimeout  how long one read of a dead-letter partition may take before the request gives up
 */
@ConfigurationProperties("platform.dead-letters")
public record DeadLetterProperties(String path, Duration depthRefresh, Duration readTimeout) {

    /** The largest page of dead letters one request lists, and the most records one replay request names. */
    public static final int MAX_PAGE = 500;

    public DeadLetterProperties {
        path = StringUtils.hasText(path) ? path : "/api/operations/dead-letters";
        depthRefresh = depthRefresh != null ? depthRefresh : Duration.ofSeconds(30);
        readTimeout = readTimeout != null ? readTimeout : Duration.ofSeconds(10);
    }
}

package dev.hybridconf.streaming.provisioning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Provisioning's settings, under {@code platform.streaming.provisioning}.
 *
 * @param workerEnabled   whether this replica drives Zoom (every replica does by default; each session is locked)
 * @param pollInterval    how often the worker looks for due sessions
 * @param batchSize       sessions taken per look
 * @param workers         sessions provisioned in parallel per replica
 * @param lockTtl         how long a replica holds a session it works on (longer than Zoom's slowest answer)
 * @param initialBackoff  wait before the first retry of a failed session; doubled each attempt
 * @param maxBackoff      the longest wait between retries
 * @param rememberEvents  how long consumed session event ids are remembered (redelivery protection)
 */
@ConfigurationProperties("platform.streaming.provisioning")
public record ProvisioningProperties(Boolean workerEnabled, Duration pollInterval, Integer batchSize, Integer workers,
        Duration lockTtl, Duration initialBackoff, Duration maxBackoff, Duration rememberEvents) {

    public ProvisioningProperties {
        workerEnabled = workerEnabled == null || workerEnabled;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        batchSize = batchSize == null || batchSize < 1 ? 50 : batchSize;
        workers = workers == null || workers < 1 ? 4 : workers;
        lockTtl = lockTtl == null ? Duration.ofMinutes(2) : lockTtl;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(5) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
        rememberEvents = rememberEvents == null ? Duration.ofDays(7) : rememberEvents;
    }

    /** The wait before attempt {@code attempts + 1}. */
    Duration backoff(int attempts) {
        long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
        Duration wait = initialBackoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}

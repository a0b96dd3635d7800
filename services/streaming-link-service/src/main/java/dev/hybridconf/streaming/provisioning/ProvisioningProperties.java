package dev.hybridconf.streaming.provisioning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Provisioning's settings, under {@code platform.streaming.provisioning}.
 *
 * @param workerEnabled   whether this replica drives Zoom (every replica does by default; each session has a lease)
 * @param pollInterval    how often the worker looks for due sessions
 * @param batchSize       sessions taken per look
 * @param workers         sessions provisioned in parallel per replica
 * @param leaseTtl        how long a replica's lease on a session it works on lasts without renewal (renewed every
 *                        third of it while the work runs): another replica takes over about this long after one died
 * @param initialBackoff  wait before the first retry of a failed session; doubled each attempt
 * @param maxBackoff      the longest wait between retries
 * @param rememberEvents  how long consumed session event ids are remembered (redelivery protection)
 */
@ConfigurationProperties("platform.streaming.provisioning")
public record ProvisioningProperties(Boolean workerEnabled, Duration pollInterval, Integer batchSize, Integer workers,
        Duration leaseTtl, Duration initialBackoff, Duration maxBackoff, Duration rememberEvents) {

    public ProvisioningProperties {
        workerEnabled = workerEnabled == null || workerEnabled;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        batchSize = batchSize == null || batchSize < 1 ? 50 : batchSize;
        workers = workers == null || workers < 1 ? 4 : workers;
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(30) : leaseTtl;
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

package dev.hybridconf.streaming.provisioning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The periodic reconciliation of each host's meetings at Zoom with what the platform expects, under
 * {@code platform.streaming.reconciliation}.
 *
 * @param enabled      whether this replica takes part (one replica runs each reconciliation)
 * @param initialDelay how long after start-up the first look happens: a restarted stack repairs what Zoom forgot
 *                     soon after it starts
 * @param interval     the least time between two reconciliations, across replicas
 * @param pollInterval how often a replica looks whether a reconciliation is due
 * @param leaseTtl     how long the reconciling replica's lease lasts without renewal (renewed while the run lasts)
 */
@ConfigurationProperties("platform.streaming.reconciliation")
public record ReconciliationProperties(Boolean enabled, Duration initialDelay, Duration interval,
        Duration pollInterval, Duration leaseTtl) {

    public ReconciliationProperties {
        enabled = enabled == null || enabled;
        initialDelay = initialDelay == null ? Duration.ofSeconds(20) : initialDelay;
        interval = interval == null ? Duration.ofMinutes(5) : interval;
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(30) : leaseTtl;
    }
}

package dev.hybridconf.streaming.registrants;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.streaming.registrants}: how the registrant sync batches and retries.
 *
 * @param batchLinger        how long a partial batch (fewer than 30 new participants) waits for more before it
 *                           is sent anyway; a session starting within the join window does not wait
 * @param pollInterval       how often each replica looks for due sessions
 * @param leaseTtl           how long one replica's lease on a session lasts without renewal (renewed while its pass
 *                           runs; a crashed replica's session is due again after it)
 * @param sessionsPerPoll    at most this many due sessions per poll
 * @param backoffInitial     first delay after a failed pass (Zoom down); doubles up to {@code backoffMax}
 * @param backoffMax         longest delay between failed passes
 * @param rememberEvents     how long a consumed event id is remembered (redelivery has no second effect)
 */
@ConfigurationProperties("platform.streaming.registrants")
public record RegistrantSyncProperties(
        Duration batchLinger,
        Duration pollInterval,
        Duration leaseTtl,
        Integer sessionsPerPoll,
        Duration backoffInitial,
        Duration backoffMax,
        Duration rememberEvents) {

    public RegistrantSyncProperties {
        batchLinger = batchLinger == null ? Duration.ofSeconds(3) : batchLinger;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(30) : leaseTtl;
        sessionsPerPoll = sessionsPerPoll == null ? 50 : sessionsPerPoll;
        backoffInitial = backoffInitial == null ? Duration.ofSeconds(2) : backoffInitial;
        backoffMax = backoffMax == null ? Duration.ofMinutes(5) : backoffMax;
        rememberEvents = rememberEvents == null ? Duration.ofDays(14) : rememberEvents;
    }
}

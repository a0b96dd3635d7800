package dev.hybridconf.interpretation.plan;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How plans are solved, under {@code interpretation.solver}.
 *
 * @param timeLimit        how long a solve runs at most unless the organiser asks for another limit (30 s)
 * @param unimproved       a solve with a feasible plan stops after this long without a better score (5 s)
 * @param maxTimeLimit     the longest limit an organiser may ask for (10 min)
 * @param threads          solves that run at once in this replica (each on its own thread; 1)
 * @param queue            solves waiting for a thread before a request is answered 503 (4)
 * @param leaseTtl         the solve lease's time without renewal (renewed every third of it): after a replica died
 *                         mid-solve, another may solve the conference after about this long (15 s)
 * @param progressInterval how often a running solve writes its progress and checks its lease (500 ms)
 */
@ConfigurationProperties("interpretation.solver")
public record PlanProperties(
        Duration timeLimit,
        Duration unimproved,
        Duration maxTimeLimit,
        int threads,
        int queue,
        Duration leaseTtl,
        Duration progressInterval) {

    public PlanProperties {
        timeLimit = timeLimit == null ? Duration.ofSeconds(30) : timeLimit;
        unimproved = unimproved == null ? Duration.ofSeconds(5) : unimproved;
        maxTimeLimit = maxTimeLimit == null ? Duration.ofMinutes(10) : maxTimeLimit;
        threads = threads <= 0 ? 1 : threads;
        queue = queue <= 0 ? 4 : queue;
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(15) : leaseTtl;
        progressInterval = progressInterval == null ? Duration.ofMillis(500) : progressInterval;
        if (timeLimit.isNegative() || timeLimit.isZero() || maxTimeLimit.compareTo(timeLimit) < 0) {
            throw new IllegalStateException("interpretation.solver.time-limit must be positive and at most "
                    + "interpretation.solver.max-time-limit");
        }
    }
}

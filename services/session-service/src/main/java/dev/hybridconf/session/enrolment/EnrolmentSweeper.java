package dev.hybridconf.session.enrolment;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import dev.hybridconf.kit.lease.Lease;
import dev.hybridconf.kit.lease.Leases;
import dev.hybridconf.session.programme.Conference;
import dev.hybridconf.session.programme.ProgrammeSession;
import dev.hybridconf.session.programme.ProgrammeStore;
import dev.hybridconf.session.programme.SessionKind;

/**
 * Makes good what a crash between freeing a place and handing it on, or a capacity raised, left
 * undone: every {@code platform.session.enrolment.sweep-interval}, one replica at a time (the lease
 * {@value #LEASE}, renewed while the sweep runs, released at its end) gives the free places of every
 * scheduled breakout to the people waiting. The lease keeps replicas from racing each other for the
 * same places; correctness does not rest on it (no fence needed): each promotion re-checks capacity
 * and the person's version atomically (ADR 0004's sweep), so a sweep whose lease lapsed promotes
 * nobody a current one would not.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EnrolmentSweeper {

    static final String LEASE = "enrolment-sweep";
    /** Renewed while a sweep runs and released at its end: only a replica that died mid-sweep makes others wait. */
    static final Duration LEASE_TTL = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(EnrolmentSweeper.class);

    private final ProgrammeStore programme;
    private final EnrolmentStore store;
    private final Enrolments enrolments;
    private final Leases leases;

    EnrolmentSweeper(ProgrammeStore programme, EnrolmentStore store, Enrolments enrolments, Leases leases) {
        this.programme = programme;
        this.store = store;
        this.enrolments = enrolments;
        this.leases = leases;
    }

    @Scheduled(fixedDelayString = "${platform.session.enrolment.sweep-interval:30s}",
            initialDelayString = "${platform.session.enrolment.sweep-interval:30s}")
    void sweep() {
        try {
            Optional<Lease> taken = leases.tryAcquire(LEASE, LEASE_TTL);
            if (taken.isEmpty()) {
                // Another replica sweeps now.
                return;
            }
            try (Lease lease = taken.get().keepRenewed()) {
                sweepOnce();
            }
        } catch (RuntimeException e) {
            // Redis away (or shutting down): nothing was half-written, the next sweep tries again.
            log.warn("Enrolment sweep failed; will retry: {}", e.toString());
        }
    }

    private void sweepOnce() {
        int promoted = 0;
        for (Conference conference : programme.conferences()) {
            for (ProgrammeSession session : programme.sessions(conference.id())) {
                if (session.kind() != SessionKind.BREAKOUT || !session.scheduled() || store.waiting(session.id()) == 0) {
                    continue;
                }
                try {
                    promoted += enrolments.promoteWhilePlacesFree(session.id());
                } catch (RuntimeException e) {
                    log.warn("Enrolment sweep of breakout {} failed; next sweep tries again", session.id(), e);
                }
            }
        }
        if (promoted > 0) {
            log.info("Enrolment sweep promoted {} waiting participant(s)", promoted);
        }
    }
}

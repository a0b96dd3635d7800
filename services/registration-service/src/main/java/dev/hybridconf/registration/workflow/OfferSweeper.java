package dev.hybridconf.registration.workflow;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.hybridconf.kit.lease.Lease;
import dev.hybridconf.kit.lease.Leases;
import dev.hybridconf.registration.conference.ConferenceTermsChanged;

/**
 * Every {@code platform.registration.offer-sweep-interval}, on one replica at a time (the lease
 * {@value #LEASE}, renewed while the sweep runs, released at its end): expires offers past their
 * reply-by time and offers any free place of each conference to the next person waiting; it also makes
 * good a promotion lost when a process died between freeing a place and offering it, and fills the places
 * a conference added (also at once, when its new terms arrive). The lease keeps replicas from racing each
 * other for the same offers; correctness does not rest on it (no fence needed): each change re-checks
 * version and capacity in its own atomic write, so a sweep whose lease lapsed writes nothing a current
 * one would not.
 */
@Component
class OfferSweeper {

    static final String LEASE = "offer-sweep";
    /** Renewed while a sweep runs and released at its end: only a replica that died mid-sweep makes others wait. */
    static final Duration LEASE_TTL = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(OfferSweeper.class);

    private final Registrations registrations;
    private final Leases leases;
    private final ConferenceRules conferences;

    OfferSweeper(Registrations registrations, Leases leases, ConferenceRules conferences) {
        this.registrations = registrations;
        this.leases = leases;
        this.conferences = conferences;
    }

    @Scheduled(fixedDelayString = "${platform.registration.offer-sweep-interval:30s}",
            initialDelayString = "${platform.registration.offer-sweep-interval:30s}")
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
            // Redis away: the next sweep tries again; nothing was half-written (each change is atomic).
            log.warn("Waitlist sweep failed; will retry: {}", e.toString());
        }
    }

    private void sweepOnce() {
        int expired = registrations.expireOffers();
        int offered = 0;
        for (String conference : conferences.conferenceIds()) {
            offered += offer(conference);
        }
        if (expired + offered > 0) {
            log.info("Waitlist sweep: {} offer(s) expired, {} new offer(s) made", expired, offered);
        }
    }

    /** A conference's terms changed (e.g. more places): offer what is free now rather than at the next sweep. */
    @EventListener
    void termsChanged(ConferenceTermsChanged changed) {
        try {
            int offered = offer(changed.conferenceId());
            if (offered > 0) {
                log.info("Conference {} has more places: {} new offer(s) made", changed.conferenceId(), offered);
            }
        } catch (RuntimeException e) {
            log.warn("Offers after new terms of {} failed; the sweep retries: {}", changed.conferenceId(), e.toString());
        }
    }

    private int offer(String conference) {
        int offered = 0;
        for (AttendanceMode mode : AttendanceMode.values()) {
            offered += registrations.offerFreedPlaces(conference, mode);
        }
        return offered;
    }
}

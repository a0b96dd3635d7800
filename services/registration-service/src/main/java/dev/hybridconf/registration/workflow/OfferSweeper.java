package dev.hybridconf.registration.workflow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.hybridconf.registration.conference.ConferenceTermsChanged;

/**
 * On every replica, every {@code platform.registration.offer-sweep-interval}: expires offers past
 * their reply-by time and offers any free place of each conference to the next person waiting. Running on
 * several replicas at once is safe (each change re-checks version and capacity); it also makes good a
 * promotion lost when a process died between freeing a place and offering it, and fills the places a
 * conference added (also at once, when its new terms arrive).
 */
@Component
class OfferSweeper {

    private static final Logger log = LoggerFactory.getLogger(OfferSweeper.class);

    private final Registrations registrations;
    private final ConferenceRules conferences;

    OfferSweeper(Registrations registrations, ConferenceRules conferences) {
        this.registrations = registrations;
        this.conferences = conferences;
    }

    @Scheduled(fixedDelayString = "${platform.registration.offer-sweep-interval:30s}",
            initialDelayString = "${platform.registration.offer-sweep-interval:30s}")
    void sweep() {
        try {
            int expired = registrations.expireOffers();
            int offered = 0;
            for (String conference : conferences.conferenceIds()) {
                offered += offer(conference);
            }
            if (expired + offered > 0) {
                log.info("Waitlist sweep: {} offer(s) expired, {} new offer(s) made", expired, offered);
            }
        } catch (RuntimeException e) {
            // Redis away: the next sweep tries again; nothing was half-written (each change is atomic).
            log.warn("Waitlist sweep failed; will retry: {}", e.toString());
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

package dev.hybridconf.registration.workflow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On every replica, every {@code platform.registration.offer-sweep-interval}: expires offers past
 * their reply-by time and offers any free place to the next person waiting. Running on several
 * replicas at once is safe (each change re-checks version and capacity); it also makes good a
 * promotion lost when a process died between freeing a place and offering it.
 */
@Component
class OfferSweeper {

    private static final Logger log = LoggerFactory.getLogger(OfferSweeper.class);

    private final Registrations registrations;

    OfferSweeper(Registrations registrations) {
        this.registrations = registrations;
    }

    @Scheduled(fixedDelayString = "${platform.registration.offer-sweep-interval:30s}",
            initialDelayString = "${platform.registration.offer-sweep-interval:30s}")
    void sweep() {
        try {
            int expired = registrations.expireOffers();
            int offered = 0;
            for (AttendanceMode mode : AttendanceMode.values()) {
                offered += registrations.offerFreedPlaces(mode);
            }
            if (expired + offered > 0) {
                log.info("Waitlist sweep: {} offer(s) expired, {} new offer(s) made", expired, offered);
            }
        } catch (RuntimeException e) {
            // Redis away: the next sweep tries again; nothing was half-written (each change is atomic).
            log.warn("Waitlist sweep failed; will retry: {}", e.toString());
        }
    }
}

package dev.hybridconf.session.enrolment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import dev.hybridconf.session.programme.Conference;
import dev.hybridconf.session.programme.ProgrammeSession;
import dev.hybridconf.session.programme.ProgrammeStore;
import dev.hybridconf.session.programme.SessionKind;

/**
 * Makes good what a crash between freeing a place and handing it on, or a capacity raised, left
 * undone: every replica, every {@code platform.session.enrolment.sweep-interval}, gives the free
 * places of every scheduled breakout to the people waiting. Several replicas sweeping at once is
 * safe: each promotion re-checks capacity and the person's version atomically (ADR 0004's sweep,
 * no leader election, no lock).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EnrolmentSweeper {

    private static final Logger log = LoggerFactory.getLogger(EnrolmentSweeper.class);

    private final ProgrammeStore programme;
    private final EnrolmentStore store;
    private final Enrolments enrolments;

    EnrolmentSweeper(ProgrammeStore programme, EnrolmentStore store, Enrolments enrolments) {
        this.programme = programme;
        this.store = store;
        this.enrolments = enrolments;
    }

    @Scheduled(fixedDelayString = "${platform.session.enrolment.sweep-interval:30s}",
            initialDelayString = "${platform.session.enrolment.sweep-interval:30s}")
    void sweep() {
        try {
            sweepOnce();
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

package dev.hybridconf.session.participants;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, brings the participant copy saved before conferences were the boundary of registration
 * (ADR 0015) into the default conference: the one summary of the whole deployment becomes the default
 * conference's. Records without a stored conference read as the default one. Without a default conference
 * the old summary stays as it was (counted in no conference) and a warning says so; nothing fails.
 */
@Component
class LegacyParticipants implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LegacyParticipants.class);

    private final ParticipantDirectory directory;
    private final DefaultConference defaultConference;

    LegacyParticipants(ParticipantDirectory directory, DefaultConference defaultConference) {
        this.directory = directory;
        this.defaultConference = defaultConference;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            if (defaultConference.id() == null) {
                if (directory.hasLegacySummary()) {
                    log.warn("Participant counts saved before conferences were the boundary stay uncounted: set "
                            + "DEFAULT_CONFERENCE to the conference they belong to");
                }
                return;
            }
            if (directory.foldLegacySummary()) {
                log.info("Participant counts saved before conferences were the boundary now count for {}",
                        defaultConference.id());
            }
        } catch (RuntimeException e) {
            // Redis away at start-up: the next start folds them; nothing was half-written (one atomic step).
            log.warn("Could not fold the participant counts saved before conferences were the boundary: {}",
                    e.toString());
        }
    }
}

package dev.hybridconf.registration.workflow;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.hybridconf.registration.conference.KnownConference;

/**
 * The admission settings organisers see for one conference: what the conference states (invitation-only,
 * places, window; set where the conference is edited, in the session service) as this service applies them,
 * with the configured defaults filled in, and the deployment's offer reply time.
 */
@Component
class RegistrationSettings {

    /**
     * One conference's settings as applied.
     *
     * @param inPersonCapacity places in the room (the conference's, or the configured default)
     * @param remoteCapacity   places on Zoom (likewise)
     * @param opensAt          when the form opens (null: open since publication)
     * @param closesAt         when it closes (null: no end)
     * @param open             whether the form takes registrations now
     */
    record View(String conferenceId, boolean invitationOnly, int inPersonCapacity, int remoteCapacity,
            Instant opensAt, Instant closesAt, boolean open, Duration offerReplyWithin) {
    }

    private final RegistrationPolicy policy;
    private final ConferenceRules conferences;
    private final java.time.Clock clock;

    RegistrationSettings(RegistrationPolicy policy, ConferenceRules conferences, java.time.Clock clock) {
        this.policy = policy;
        this.conferences = conferences;
        this.clock = clock;
    }

    Duration offerReplyWithin() {
        return policy.offerReplyWithin();
    }

    Duration invitationLifetime() {
        return policy.invitationLifetime();
    }

    View view(KnownConference conference) {
        return new View(conference.id(), conference.invitationOnly(),
                conferences.limit(conference.id(), AttendanceMode.IN_PERSON),
                conferences.limit(conference.id(), AttendanceMode.REMOTE), conference.terms().opensAt(),
                conference.terms().closesAt(), conference.open(clock.instant()), offerReplyWithin());
    }
}

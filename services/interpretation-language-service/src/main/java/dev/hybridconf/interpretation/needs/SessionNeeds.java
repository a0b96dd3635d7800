package dev.hybridconf.interpretation.needs;

import java.util.List;
import java.util.Optional;

/**
 * The programme as interpretation needs it, kept from the session and registration services' events
 * (no call to them): every live (not cancelled, not a break) session of a conference with its needed
 * channels, from demand and the organisers' settings.
 */
public interface SessionNeeds {

    /** Every live session of the conference, ordered by start then session id; empty for an unknown conference. */
    List<SessionNeed> forConference(String conferenceId);

    Optional<SessionNeed> forSession(String sessionId);

    /** The conference's IANA zone, once its {@code conference.published.v1} was seen. */
    Optional<java.time.ZoneId> timeZone(String conferenceId);

    /**
     * The conference's days in order, once its {@code conference.published.v1} was seen (e.g. to check an
     * interpreter's availability). A default so that stand-ins written before it still compile.
     */
    default Optional<List<java.time.LocalDate>> days(String conferenceId) {
        return Optional.empty();
    }
}

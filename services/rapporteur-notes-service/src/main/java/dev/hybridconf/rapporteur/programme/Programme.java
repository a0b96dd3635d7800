package dev.hybridconf.rapporteur.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The service's copy of the programme, kept from {@code session.events} (never a call to the session service):
 * conferences with their days and themes, and every session with its kind, time, moderators and rapporteur.
 */
public interface Programme {

    Optional<ConferenceInfo> conference(String conferenceId);

    /** The sessions of a conference day (cancelled ones included, flagged), by start then id. */
    List<SessionInfo> day(String conferenceId, LocalDate day);

    Optional<SessionInfo> session(String sessionId);
}

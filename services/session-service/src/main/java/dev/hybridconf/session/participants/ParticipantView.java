package dev.hybridconf.session.participants;

/**
 * A participant as the session service knows them.
 *
 * @param eventsApplied how many registration events have changed this record (each applied once)
 */
public record ParticipantView(String registrationId, String attendanceMode, String preferredLanguage,
        String country, String status, long eventsApplied) {
}

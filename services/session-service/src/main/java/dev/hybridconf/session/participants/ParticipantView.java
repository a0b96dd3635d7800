package dev.hybridconf.session.participants;

import java.util.List;

/**
 * A participant as the session service knows them, from registration events only (no name, no
 * contact data).
 *
 * @param conferenceId           the conference the registration belongs to (null only for a record from before
 *                               conferences were the boundary, with no default conference configured)
 * @param status                 {@code SUBMITTED}, {@code APPROVED}, {@code WAITLISTED}, {@code OFFERED},
 *                               {@code EXPIRED}, {@code REJECTED} or {@code CANCELLED}
 * @param interpretationLanguage the language they need interpretation into, or null
 * @param timeZone               their IANA time zone if they gave one, or null
 * @param roles                  their roles once approved (empty before)
 * @param eventsApplied          how many registration events have changed this record (each applied once)
 */
public record ParticipantView(String registrationId, String conferenceId, String attendanceMode,
        String preferredLanguage, String interpretationLanguage, String timeZone, String country, String status,
        List<String> roles, long eventsApplied) {

    public ParticipantView {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}

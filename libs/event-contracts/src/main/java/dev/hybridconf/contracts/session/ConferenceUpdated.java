package dev.hybridconf.contracts.session;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A conference's details or days changed: the complete new snapshot (consumers replace what they held).
 *
 * @param name              the conference's name by language code
 * @param timeZone          IANA zone in which the programme's local times are given, e.g. {@code Europe/Madrid}
 * @param languages         the working languages ({@code en}, {@code fr}, {@code es})
 * @param conferenceVersion the conference's own version (details and days)
 * @param invitationOnly    whether registering needs an invitation
 * @param registration      places per attendance mode and when registration opens and closes; a snapshot
 *                          published before conferences said so reads as {@link RegistrationTerms#UNSTATED}
 */
public record ConferenceUpdated(
        String conferenceId,
        long programmeVersion,
        long conferenceVersion,
        Map<String, String> name,
        String timeZone,
        List<String> languages,
        LocalDate startDate,
        LocalDate endDate,
        boolean invitationOnly,
        RegistrationTerms registration,
        List<ConferenceDay> days) implements ConferenceEvent {

    public static final String TYPE = "conference.updated.v1";

    public ConferenceUpdated {
        name = Map.copyOf(name);
        languages = List.copyOf(languages);
        days = List.copyOf(days);
        registration = registration == null ? RegistrationTerms.UNSTATED : registration;
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}

package dev.hybridconf.session.programme;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.hybridconf.contracts.session.RegistrationTerms;

/** A conference's details as an organiser or a file gives them; fields given wrong are null. */
record ConferenceSpec(
        String path,
        String id,
        Map<String, String> name,
        ZoneId timeZone,
        List<String> languages,
        LocalDate startDate,
        LocalDate endDate,
        boolean invitationOnly,
        RegistrationTerms registration) {

    ConferenceSpec {
        name = Languages.ordered(name);
        languages = languages == null ? null : List.copyOf(languages);
        registration = registration == null ? RegistrationTerms.UNSTATED : registration;
    }

    static ConferenceSpec of(Conference conference) {
        return new ConferenceSpec("conference", conference.id(), conference.name(), conference.timeZone(),
                conference.languages(), conference.startDate(), conference.endDate(), conference.invitationOnly(),
                conference.registration());
    }

    /** Whether a stored conference already has exactly these details. */
    boolean sameAs(Conference conference) {
        return id.equals(conference.id()) && name.equals(conference.name()) && timeZone.equals(conference.timeZone())
                && languages.equals(conference.languages()) && startDate.equals(conference.startDate())
                && endDate.equals(conference.endDate()) && invitationOnly == conference.invitationOnly()
                && registration.equals(conference.registration());
    }
}

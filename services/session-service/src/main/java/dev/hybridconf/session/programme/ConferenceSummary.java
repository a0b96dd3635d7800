package dev.hybridconf.session.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A conference in the list of conferences (public: the portal lists them for people to register).
 *
 * @param registration places and the registration window, times in the conference's zone
 */
public record ConferenceSummary(String id, Map<String, String> name, String timeZone, List<String> languages,
        LocalDate startDate, LocalDate endDate, boolean invitationOnly, RegistrationTermsView registration,
        long programmeVersion) {

    static ConferenceSummary of(Conference c) {
        return new ConferenceSummary(c.id(), c.name(), c.timeZone().getId(), c.languages(), c.startDate(),
                c.endDate(), c.invitationOnly(), RegistrationTermsView.of(c.registration(), new ViewerZone(c.timeZone())),
                c.programmeVersion());
    }
}

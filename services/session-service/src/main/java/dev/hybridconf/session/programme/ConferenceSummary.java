package dev.hybridconf.session.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A conference in the list of conferences. */
public record ConferenceSummary(String id, Map<String, String> name, String timeZone, List<String> languages,
        LocalDate startDate, LocalDate endDate, boolean invitationOnly, long programmeVersion) {

    static ConferenceSummary of(Conference c) {
        return new ConferenceSummary(c.id(), c.name(), c.timeZone().getId(), c.languages(), c.startDate(),
                c.endDate(), c.invitationOnly(), c.programmeVersion());
    }
}

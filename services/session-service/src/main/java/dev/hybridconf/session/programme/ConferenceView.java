package dev.hybridconf.session.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A conference as readers see it.
 *
 * @param opensAt  the start of its first scheduled session in the reader's zone, or null when none
 * @param closesAt the end of its last scheduled session in the reader's zone, or null
 * @param viewerTimeZone the zone {@code opensAt} and {@code closesAt} are given in
 * @param sessions how many sessions are scheduled
 * @param registration places per attendance mode and the registration window (times in the reader's zone)
 */
public record ConferenceView(
        String id,
        Map<String, String> name,
        String timeZone,
        List<String> languages,
        LocalDate startDate,
        LocalDate endDate,
        boolean invitationOnly,
        RegistrationTermsView registration,
        List<ProgrammeDay> days,
        long version,
        long programmeVersion,
        String viewerTimeZone,
        String opensAt,
        String closesAt,
        long sessions) {

    static ConferenceView of(Conference c, List<ProgrammeSession> sessions, ViewerZone viewer) {
        List<ProgrammeSession> on = sessions.stream().filter(ProgrammeSession::scheduled).toList();
        String opens = on.stream().map(ProgrammeSession::start).min(java.util.Comparator.naturalOrder())
                .map(viewer::render).orElse(null);
        String closes = on.stream().map(ProgrammeSession::end).max(java.util.Comparator.naturalOrder())
                .map(viewer::render).orElse(null);
        return new ConferenceView(c.id(), c.name(), c.timeZone().getId(), c.languages(), c.startDate(), c.endDate(),
                c.invitationOnly(), RegistrationTermsView.of(c.registration(), viewer), c.days(), c.version(), c.programmeVersion(), viewer.id(), opens, closes, on.size());
    }
}

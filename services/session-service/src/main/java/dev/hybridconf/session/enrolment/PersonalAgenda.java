package dev.hybridconf.session.enrolment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.session.programme.ProgrammeSession;
import dev.hybridconf.session.programme.ProgrammeStore;
import dev.hybridconf.session.programme.SessionKind;

/**
 * A participant's personal agenda: every scheduled session of the conference that is for everyone
 * (opening, plenaries, wrap-ups, breaks, side events) and the breakouts they hold a place in or wait
 * for, by start. Cancelled sessions are left out. The read side the agenda view and, later, the
 * personal iCalendar feed render from.
 */
@Service
public class PersonalAgenda {

    private final ProgrammeStore programme;
    private final EnrolmentStore store;

    PersonalAgenda(ProgrammeStore programme, EnrolmentStore store) {
        this.programme = programme;
        this.store = store;
    }

    /**
     * One line of the agenda.
     *
     * @param enrolment       null for sessions for everyone; {@code ENROLLED} or {@code WAITLISTED} for breakouts
     * @param overlapsAnother whether it overlaps another line of the agenda (a breakout moved after enrolment)
     */
    public record Entry(ProgrammeSession session, EnrolmentStatus enrolment, boolean overlapsAnother) {
    }

    /**
     * The sessions the participant attends, by start: sessions for everyone plus the breakouts they
     * hold a place in (not those they only wait for). What a calendar export shows.
     *
     * @throws NotFoundException when there is no such conference
     */
    public List<ProgrammeSession> sessionsFor(String conferenceId, String registrationId) {
        return entries(conferenceId, registrationId).stream()
                .filter(entry -> entry.enrolment() != EnrolmentStatus.WAITLISTED).map(Entry::session).toList();
    }

    /**
     * Every line of the agenda by start, waiting-list breakouts included and marked.
     *
     * @throws NotFoundException when there is no such conference
     */
    public List<Entry> entries(String conferenceId, String registrationId) {
        programme.conference(conferenceId)
                .orElseThrow(() -> new NotFoundException("conference.not-found", conferenceId));
        Map<String, EnrolmentStatus> mine = store.enrolmentsOf(registrationId);
        List<ProgrammeSession> chosen = new ArrayList<>();
        List<EnrolmentStatus> statuses = new ArrayList<>();
        for (ProgrammeSession session : programme.sessions(conferenceId)) {
            if (!session.scheduled()) {
                continue;
            }
            if (session.kind() != SessionKind.BREAKOUT) {
                chosen.add(session);
                statuses.add(null);
            } else if (mine.containsKey(session.id())) {
                chosen.add(session);
                statuses.add(mine.get(session.id()));
            }
        }
        List<Entry> entries = new ArrayList<>(chosen.size());
        for (int i = 0; i < chosen.size(); i++) {
            ProgrammeSession session = chosen.get(i);
            boolean overlaps = false;
            if (session.kind() == SessionKind.BREAKOUT) {
                for (int j = 0; j < chosen.size(); j++) {
                    ProgrammeSession other = chosen.get(j);
                    overlaps |= j != i && other.kind() == SessionKind.BREAKOUT
                            && other.start().isBefore(session.end()) && session.start().isBefore(other.end());
                }
            }
            entries.add(new Entry(session, statuses.get(i), overlaps));
        }
        return entries;
    }
}

package dev.hybridconf.session.enrolment;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.hybridconf.session.export.AgendaSource;
import dev.hybridconf.session.programme.Conference;
import dev.hybridconf.session.programme.ProgrammeSession;
import dev.hybridconf.session.programme.ProgrammeStore;

/**
 * The personal calendar feed shows a participant's real agenda: the sessions for everyone plus the
 * breakouts where they hold a place (not those they only wait for). Replaces the export's fallback.
 */
@Component
class EnrolledAgendaSource implements AgendaSource {

    private final PersonalAgenda agenda;
    private final ProgrammeStore programme;

    EnrolledAgendaSource(PersonalAgenda agenda, ProgrammeStore programme) {
        this.agenda = agenda;
        this.programme = programme;
    }

    @Override
    public List<ProgrammeSession> agenda(String participantId, String conferenceId) {
        if (conferenceId != null) {
            return agenda.sessionsFor(conferenceId, participantId);
        }
        List<ProgrammeSession> all = new ArrayList<>();
        for (Conference conference : programme.conferences()) {
            all.addAll(agenda.sessionsFor(conference.id(), participantId));
        }
        return all;
    }
}

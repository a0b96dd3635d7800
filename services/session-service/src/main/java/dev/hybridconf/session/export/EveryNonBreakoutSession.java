package dev.hybridconf.session.export;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.context.annotation.Fallback;
import org.springframework.stereotype.Component;

import dev.hybridconf.session.programme.Conference;
import dev.hybridconf.session.programme.ProgrammeSession;
import dev.hybridconf.session.programme.ProgrammeStore;
import dev.hybridconf.session.programme.SessionKind;

/** Until enrolment exists: every scheduled session that is not a breakout, the same for everyone. */
@Component
@Fallback
class EveryNonBreakoutSession implements AgendaSource {

    private final ProgrammeStore programme;

    EveryNonBreakoutSession(ProgrammeStore programme) {
        this.programme = programme;
    }

    @Override
    public List<ProgrammeSession> agenda(String participantId, String conferenceId) {
        Stream<String> conferences = conferenceId != null ? Stream.of(conferenceId)
                : programme.conferences().stream().map(Conference::id);
        return conferences.flatMap(id -> programme.sessions(id).stream())
                .filter(s -> s.scheduled() && s.kind() != SessionKind.BREAKOUT).toList();
    }
}

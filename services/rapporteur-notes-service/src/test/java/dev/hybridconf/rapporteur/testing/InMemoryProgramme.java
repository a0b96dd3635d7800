package dev.hybridconf.rapporteur.testing;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.hybridconf.rapporteur.programme.ConferenceInfo;
import dev.hybridconf.rapporteur.programme.Programme;
import dev.hybridconf.rapporteur.programme.SessionInfo;

/**
 * A programme the tests write by hand, in memory (the real one is kept from {@code session.events} by the inputs):
 * conferences and sessions are answered as put, a day's sessions in order of start then id. Feature tests extend it
 * with factories for the conferences and sessions they need.
 */
public class InMemoryProgramme implements Programme {

    private final Map<String, ConferenceInfo> conferences = new ConcurrentHashMap<>();
    private final Map<String, SessionInfo> sessions = new ConcurrentHashMap<>();

    /** Keeps the conference (replacing one with its id) and answers it. */
    public ConferenceInfo put(ConferenceInfo conference) {
        conferences.put(conference.id(), conference);
        return conference;
    }

    /** Keeps the session (replacing one with its id) and answers it. */
    public SessionInfo put(SessionInfo session) {
        sessions.put(session.id(), session);
        return session;
    }

    @Override
    public Optional<ConferenceInfo> conference(String conferenceId) {
        return Optional.ofNullable(conferences.get(conferenceId));
    }

    @Override
    public List<SessionInfo> day(String conferenceId, LocalDate day) {
        return sessions.values().stream().filter(s -> s.conferenceId().equals(conferenceId) && s.day().equals(day))
                .sorted(Comparator.comparing(SessionInfo::start).thenComparing(SessionInfo::id)).toList();
    }

    @Override
    public Optional<SessionInfo> session(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }
}

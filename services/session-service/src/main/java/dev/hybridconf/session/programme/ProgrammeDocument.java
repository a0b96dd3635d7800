package dev.hybridconf.session.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A whole programme as it should be: the conference, its days and every session by key (cancelled
 * ones included). An import file parses into one; an organiser's command edits the stored one.
 */
record ProgrammeDocument(ConferenceSpec conference, List<DaySpec> days, List<SessionSpec> sessions) {

    ProgrammeDocument {
        days = List.copyOf(days);
        sessions = List.copyOf(sessions);
    }

    /** The stored programme as a document (sessions oldest key order kept as read). */
    static ProgrammeDocument of(Conference conference, Map<String, ProgrammeSession> sessions) {
        List<DaySpec> days = IntStream.range(0, conference.days().size())
                .mapToObj(i -> DaySpec.of(conference.days().get(i), i)).toList();
        return new ProgrammeDocument(ConferenceSpec.of(conference), days,
                sessions.values().stream().map(SessionSpec::of).toList());
    }

    ProgrammeDocument withConference(ConferenceSpec next) {
        return new ProgrammeDocument(next, days, sessions);
    }

    ProgrammeDocument withDays(List<DaySpec> next) {
        return new ProgrammeDocument(conference, next, sessions);
    }

    /** Adds the session, or replaces the one with the same key. */
    ProgrammeDocument withSession(SessionSpec session) {
        List<SessionSpec> next = new ArrayList<>(sessions.size() + 1);
        boolean replaced = false;
        for (SessionSpec existing : sessions) {
            if (existing.key() != null && existing.key().equals(session.key())) {
                next.add(session);
                replaced = true;
            } else {
                next.add(existing);
            }
        }
        if (!replaced) {
            next.add(session);
        }
        return new ProgrammeDocument(conference, days, next);
    }
}

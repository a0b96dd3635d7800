package dev.hybridconf.interpretation.plan;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.hybridconf.interpretation.needs.SessionNeed;
import dev.hybridconf.interpretation.needs.SessionNeeds;

/** The sessions' needs as a test sets them, per conference; a conference is known once put. */
public class FixedSessionNeeds implements SessionNeeds {

    private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();
    private final Map<String, List<SessionNeed>> sessions = new ConcurrentHashMap<>();

    public void put(String conferenceId, ZoneId zone, List<SessionNeed> needs) {
        zones.put(conferenceId, zone);
        sessions.put(conferenceId, List.copyOf(needs));
    }

    public void replace(String conferenceId, List<SessionNeed> needs) {
        sessions.put(conferenceId, List.copyOf(needs));
    }

    @Override
    public List<SessionNeed> forConference(String conferenceId) {
        return sessions.getOrDefault(conferenceId, List.of()).stream()
                .sorted(Comparator.comparing(SessionNeed::start).thenComparing(SessionNeed::sessionId)).toList();
    }

    @Override
    public Optional<SessionNeed> forSession(String sessionId) {
        return sessions.values().stream().flatMap(List::stream).filter(s -> s.sessionId().equals(sessionId))
                .findFirst();
    }

    @Override
    public Optional<ZoneId> timeZone(String conferenceId) {
        return Optional.ofNullable(zones.get(conferenceId));
    }
}

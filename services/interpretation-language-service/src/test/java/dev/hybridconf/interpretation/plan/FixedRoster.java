package dev.hybridconf.interpretation.plan;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.hybridconf.interpretation.roster.InterpreterProfile;
import dev.hybridconf.interpretation.roster.Roster;

/** The roster as a test sets it, per conference. */
public class FixedRoster implements Roster {

    private final Map<String, List<InterpreterProfile>> rosters = new ConcurrentHashMap<>();

    public void put(String conferenceId, List<InterpreterProfile> interpreters) {
        rosters.put(conferenceId, List.copyOf(interpreters));
    }

    @Override
    public List<InterpreterProfile> forConference(String conferenceId) {
        return rosters.getOrDefault(conferenceId, List.of()).stream()
                .sorted(Comparator.comparing(InterpreterProfile::name).thenComparing(InterpreterProfile::interpreterId))
                .toList();
    }

    @Override
    public Optional<InterpreterProfile> find(String conferenceId, String interpreterId) {
        return forConference(conferenceId).stream().filter(p -> p.interpreterId().equals(interpreterId)).findFirst();
    }

    @Override
    public Optional<InterpreterProfile> byRegistration(String conferenceId, String registrationId) {
        return forConference(conferenceId).stream()
                .filter(p -> p.registrationId() != null && p.registrationId().equals(registrationId)).findFirst();
    }
}

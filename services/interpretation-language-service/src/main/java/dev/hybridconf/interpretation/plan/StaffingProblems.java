package dev.hybridconf.interpretation.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.hybridconf.interpretation.needs.SessionNeed;
import dev.hybridconf.interpretation.needs.SessionNeeds;
import dev.hybridconf.interpretation.planning.Norms;
import dev.hybridconf.interpretation.planning.StaffingProblem;
import dev.hybridconf.interpretation.planning.StaffingProblem.Decline;
import dev.hybridconf.interpretation.planning.StaffingProblem.Pin;
import dev.hybridconf.interpretation.roster.InterpreterProfile;
import dev.hybridconf.interpretation.roster.Roster;

/**
 * Builds a conference's staffing problem from the ports and the published plan: the sessions' needs now, the roster
 * now, every published seat whose interpreter has not declined as a pin (as long as the booth is still needed and the
 * interpreter still on the roster), and every decline ever recorded.
 */
@Component
class StaffingProblems {

    private final SessionNeeds needs;
    private final Roster roster;
    private final PlanStore store;
    private final Norms norms;

    StaffingProblems(SessionNeeds needs, Roster roster, PlanStore store, Norms norms) {
        this.needs = needs;
        this.roster = roster;
        this.store = store;
        this.norms = norms;
    }

    StaffingProblem build(String conferenceId) {
        var zone = needs.timeZone(conferenceId).orElseThrow(
                () -> new IllegalStateException("conference " + conferenceId + " is no longer known"));
        List<SessionNeed> sessions = needs.forConference(conferenceId);
        List<InterpreterProfile> interpreters = roster.forConference(conferenceId);
        Set<String> booths = new HashSet<>();
        sessions.forEach(s -> s.channels().forEach(c -> booths.add(s.sessionId() + "|" + c.language())));
        Set<String> onRoster = new HashSet<>();
        interpreters.forEach(i -> onRoster.add(i.interpreterId()));
        var published = store.published(conferenceId).plan();
        List<Pin> pins = published.map(plan -> plan.booths().stream()
                .filter(booth -> booths.contains(booth.sessionId() + "|" + booth.language()))
                .flatMap(booth -> booth.filled()
                        .filter(seat -> onRoster.contains(seat.interpreterId()))
                        .map(seat -> new Pin(booth.sessionId(), booth.language(), seat.seat(), seat.interpreterId())))
                .toList()).orElse(List.of());
        List<Decline> declines = published.map(plan -> plan.declines().stream()
                .map(d -> new Decline(d.sessionId(), d.language(), d.interpreterId())).toList()).orElse(List.of());
        return new StaffingProblem(conferenceId, zone, sessions, interpreters, pins, declines, norms);
    }
}

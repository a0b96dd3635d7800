package dev.hybridconf.interpretation.planning;

import java.time.ZoneId;
import java.util.List;

import dev.hybridconf.interpretation.needs.SessionNeed;
import dev.hybridconf.interpretation.roster.InterpreterProfile;

/**
 * One conference's staffing problem: its sessions and their needed channels, its roster, the seats
 * pinned by the last published plan, and the booths interpreters declined.
 */
public record StaffingProblem(
        String conferenceId,
        ZoneId timeZone,
        List<SessionNeed> sessions,
        List<InterpreterProfile> interpreters,
        List<Pin> pins,
        List<Decline> declines,
        Norms norms) {

    public StaffingProblem {
        sessions = List.copyOf(sessions);
        interpreters = List.copyOf(interpreters);
        pins = List.copyOf(pins);
        declines = List.copyOf(declines);
    }

    /** A seat kept from the published plan: seat {@code seat} (0-based) of the booth into {@code language}. */
    public record Pin(String sessionId, String language, int seat, String interpreterId) {
    }

    /** An interpreter declined the booth into {@code language} of a session: never placed there again. */
    public record Decline(String sessionId, String language, String interpreterId) {
    }
}

package dev.hybridconf.session.programme;

import java.util.List;

/**
 * What an import did.
 *
 * @param changed          false when the file matched the stored programme: nothing written, nothing emitted
 * @param programmeVersion the programme version after the import (the one it created, or the unchanged one)
 * @param conference       {@code PUBLISHED} (new), {@code UPDATED} or {@code UNCHANGED}
 * @param changes          one line per session change, in file order, then the cancellations
 */
public record ImportResult(
        String conferenceId,
        boolean changed,
        long programmeVersion,
        String conference,
        long scheduled,
        long rescheduled,
        long updated,
        long cancelled,
        List<Line> changes) {

    /** One change of one session. */
    public record Line(String type, String key, String sessionId) {
    }

    static ImportResult of(ProgrammeService.Outcome outcome) {
        ProgrammeDiff.Plan plan = outcome.plan();
        Conference conference = outcome.conference();
        if (!outcome.changed()) {
            return new ImportResult(conference.id(), false, conference.programmeVersion(), "UNCHANGED", 0, 0, 0, 0,
                    List.of());
        }
        String conferenceChange = plan.before() == null ? "PUBLISHED"
                : plan.conferenceEvents().isEmpty() ? "UNCHANGED" : "UPDATED";
        List<Line> lines = plan.entry().changes().stream().filter(c -> c.sessionId() != null)
                .map(c -> new Line(c.type(), c.key(), c.sessionId())).toList();
        return new ImportResult(conference.id(), true, conference.programmeVersion(), conferenceChange,
                plan.count("SESSION_SCHEDULED"), plan.count("SESSION_RESCHEDULED"), plan.count("SESSION_UPDATED"),
                plan.count("SESSION_CANCELLED"), lines);
    }
}

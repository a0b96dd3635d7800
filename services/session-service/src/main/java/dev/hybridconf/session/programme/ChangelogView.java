package dev.hybridconf.session.programme;

import java.util.List;
import java.util.Map;

/**
 * The published changes of a programme, oldest first, times in the reader's zone.
 *
 * @param programmeVersion the current programme version
 */
public record ChangelogView(String conferenceId, long programmeVersion, String timeZone, List<Entry> entries) {

    /** One programme version. */
    public record Entry(long version, String at, String origin, List<Change> changes) {
    }

    /** One change in it; see {@link ChangelogEntry.Change}. */
    public record Change(String type, String sessionId, String key, Map<String, String> title, String start,
            String end, String previousStart, String previousEnd, List<String> fields) {
    }

    static ChangelogView of(Conference conference, List<ChangelogEntry> entries, ViewerZone viewer) {
        return new ChangelogView(conference.id(), conference.programmeVersion(), viewer.id(), entries.stream()
                .map(e -> new Entry(e.version(), viewer.render(e.at()), e.origin(), e.changes().stream()
                        .map(c -> new Change(c.type(), c.sessionId(), c.key(), c.title(), viewer.render(c.start()),
                                viewer.render(c.end()), viewer.render(c.previousStart()),
                                viewer.render(c.previousEnd()), c.fields()))
                        .toList()))
                .toList());
    }
}

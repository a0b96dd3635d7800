package dev.hybridconf.session.programme;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One published change of a programme: the programme version it created, when, how (an organiser's
 * request, an import, the demo loader) and what changed. One organiser request or one import is one
 * entry, however many sessions it touched.
 *
 * @param origin {@code API}, {@code IMPORT} or {@code DEMO}
 */
public record ChangelogEntry(long version, Instant at, String origin, List<Change> changes) {

    public ChangelogEntry {
        changes = List.copyOf(changes);
    }

    /**
     * What happened to the conference or to one session.
     *
     * @param type          {@code CONFERENCE_PUBLISHED}, {@code CONFERENCE_UPDATED}, {@code SESSION_SCHEDULED},
     *                      {@code SESSION_RESCHEDULED}, {@code SESSION_UPDATED} or {@code SESSION_CANCELLED}
     * @param sessionId     null for a conference change
     * @param previousStart before a reschedule, else null
     * @param fields        the details that changed (updates), else empty
     */
    public record Change(String type, String sessionId, String key, Map<String, String> title, Instant start,
            Instant end, Instant previousStart, Instant previousEnd, List<String> fields) {

        public Change {
            title = title == null ? Map.of() : Languages.ordered(title);
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }
}

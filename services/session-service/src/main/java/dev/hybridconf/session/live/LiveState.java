package dev.hybridconf.session.live;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.hybridconf.kit.errors.ConflictException;

/**
 * A session's live status as stored: scheduled (nothing stored), live, ended. The only moves are
 * forward: scheduled to live or ended, live to ended.
 *
 * @param version +1 per change (0 when nothing is stored), guarding concurrent writers
 */
record LiveState(Status status, long version, Instant startedAt, Instant endedAt, String origin) {

    enum Status {
        SCHEDULED,
        LIVE,
        ENDED
    }

    static final LiveState SCHEDULED = new LiveState(Status.SCHEDULED, 0, null, null, null);

    /** What a request or event for {@code target} does to this state. */
    enum Move {
        APPLY,
        /** Already there: nothing to do. */
        SAME,
        /** Backwards (live or ended to scheduled, ended to live): refused or ignored. */
        BACKWARDS
    }

    Move move(Status target) {
        if (target == status) {
            return Move.SAME;
        }
        return target.ordinal() > status.ordinal() ? Move.APPLY : Move.BACKWARDS;
    }

    LiveState to(Status target, Instant at, String by) {
        return new LiveState(target, version + 1, target == Status.LIVE ? at : startedAt,
                target == Status.ENDED ? at : endedAt, by);
    }

    static ConflictException backwards(Status from, Status to) {
        return new ConflictException("live-status-backwards", "live.backwards");
    }

    Map<String, String> toHash(String conferenceId) {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("status", status.name());
        hash.put("version", Long.toString(version));
        hash.put("startedAt", startedAt == null ? "" : startedAt.toString());
        hash.put("endedAt", endedAt == null ? "" : endedAt.toString());
        hash.put("origin", origin);
        hash.put("conferenceId", conferenceId);
        return hash;
    }

    static LiveState fromHash(Map<String, String> hash) {
        if (hash == null || hash.isEmpty()) {
            return SCHEDULED;
        }
        return new LiveState(Status.valueOf(hash.get("status")), Long.parseLong(hash.get("version")),
                instant(hash.get("startedAt")), instant(hash.get("endedAt")), hash.get("origin"));
    }

    private static Instant instant(String value) {
        return value == null || value.isEmpty() ? null : Instant.parse(value);
    }
}

package dev.hybridconf.session.conclusions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An organiser's lock time for the conclusions of every breakout of one conference day, kept in
 * {@code conclusions:day:<conferenceId>:<date>} (hash: {@code lockAt} (empty once cleared),
 * {@code changedBy}, {@code changedAt}, {@code version}). Clearing keeps the hash with a higher
 * version, so a post decided before a clear and a new setting can never pass the version guard.
 *
 * @param lockAt  null when none is set
 * @param version 0 when nothing was ever stored
 */
record DayLock(LocalDate day, Instant lockAt, String changedBy, Instant changedAt, long version) {

    static DayLock none(LocalDate day) {
        return new DayLock(day, null, null, null, 0);
    }

    DayLock set(Instant at, String by, Instant now) {
        return new DayLock(day, at, by, now, version + 1);
    }

    DayLock cleared(String by, Instant now) {
        return new DayLock(day, null, by, now, version + 1);
    }

    Map<String, String> toHash() {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("lockAt", lockAt == null ? "" : lockAt.toString());
        hash.put("changedBy", changedBy);
        hash.put("changedAt", changedAt.toString());
        hash.put("version", Long.toString(version));
        return hash;
    }

    static DayLock fromHash(LocalDate day, Map<String, String> hash) {
        if (hash == null || hash.isEmpty()) {
            return none(day);
        }
        String at = hash.getOrDefault("lockAt", "");
        return new DayLock(day, at.isEmpty() ? null : Instant.parse(at), hash.get("changedBy"),
                Instant.parse(hash.get("changedAt")), Long.parseLong(hash.get("version")));
    }
}

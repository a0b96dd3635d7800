package dev.hybridconf.session.conclusions;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a breakout's conclusions may still change. By default they lock at {@code defaultLockAt}
 * (the start of the day's first wrap-up, or the end of the day when it has none). An organiser may
 * override that: {@code UNLOCKED} (open again, until {@code relockAt} when given) or {@code LOCKED}
 * (closed from {@code changedAt}).
 *
 * @param override null when no organiser has acted
 * @param version  the override's version (0 when none is stored), guarding concurrent posts and overrides
 */
record ConclusionsLock(Override override, Instant relockAt, String changedBy, Instant changedAt, long version) {

    enum Override {
        UNLOCKED,
        LOCKED
    }

    static final ConclusionsLock NONE = new ConclusionsLock(null, null, null, null, 0);

    /** The moment the conclusions locked, if they are locked at {@code now}. */
    Optional<Instant> lockedSince(Instant defaultLockAt, Instant now) {
        if (override == Override.LOCKED) {
            return Optional.of(changedAt);
        }
        Instant at = lockAt(defaultLockAt);
        return at != null && !now.isBefore(at) ? Optional.of(at) : Optional.empty();
    }

    /** When they lock (or locked) without further action; null when unlocked with no re-lock time. */
    Instant lockAt(Instant defaultLockAt) {
        if (override == Override.LOCKED) {
            return changedAt;
        }
        return override == Override.UNLOCKED ? relockAt : defaultLockAt;
    }

    ConclusionsLock unlocked(Instant relock, String by, Instant at) {
        return new ConclusionsLock(Override.UNLOCKED, relock, by, at, version + 1);
    }

    ConclusionsLock locked(String by, Instant at) {
        return new ConclusionsLock(Override.LOCKED, null, by, at, version + 1);
    }

    Map<String, String> toHash() {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("override", override.name());
        hash.put("relockAt", relockAt == null ? "" : relockAt.toString());
        hash.put("changedBy", changedBy);
        hash.put("changedAt", changedAt.toString());
        hash.put("version", Long.toString(version));
        return hash;
    }

    static ConclusionsLock fromHash(Map<String, String> hash) {
        if (hash == null || hash.isEmpty()) {
            return NONE;
        }
        String relock = hash.get("relockAt");
        return new ConclusionsLock(Override.valueOf(hash.get("override")),
                relock == null || relock.isEmpty() ? null : Instant.parse(relock), hash.get("changedBy"),
                Instant.parse(hash.get("changedAt")), Long.parseLong(hash.get("version")));
    }
}

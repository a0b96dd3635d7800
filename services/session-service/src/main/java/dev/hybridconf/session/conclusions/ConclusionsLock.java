package dev.hybridconf.session.conclusions;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An organiser's setting for one breakout's conclusions ({@link LockRule} decides what it means):
 * {@code LOCKED} (closed from {@code changedAt}), {@code UNLOCKED} (open again, until {@code relockAt}
 * when given), {@code LOCK_AT} (they lock at {@code lockAt}), or none (the day's setting or the programme
 * decides). Clearing keeps the stored hash with a higher version, so a post decided before a clear
 * and a new setting can never pass the version guard.
 *
 * @param override null when no organiser has acted, or their setting was cleared
 * @param version  the setting's version (0 when none was ever stored), guarding concurrent posts and settings
 */
record ConclusionsLock(Override override, Instant relockAt, Instant lockAt, String changedBy, Instant changedAt,
        long version) {

    enum Override {
        UNLOCKED,
        LOCKED,
        LOCK_AT
    }

    static final ConclusionsLock NONE = new ConclusionsLock(null, null, null, null, null, 0);

    ConclusionsLock unlocked(Instant relock, String by, Instant at) {
        return new ConclusionsLock(Override.UNLOCKED, relock, null, by, at, version + 1);
    }

    ConclusionsLock locked(String by, Instant at) {
        return new ConclusionsLock(Override.LOCKED, null, null, by, at, version + 1);
    }

    ConclusionsLock lockingAt(Instant lock, String by, Instant at) {
        return new ConclusionsLock(Override.LOCK_AT, null, lock, by, at, version + 1);
    }

    ConclusionsLock cleared(String by, Instant at) {
        return new ConclusionsLock(null, null, null, by, at, version + 1);
    }

    Map<String, String> toHash() {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("override", override == null ? "" : override.name());
        hash.put("relockAt", relockAt == null ? "" : relockAt.toString());
        hash.put("lockAt", lockAt == null ? "" : lockAt.toString());
        hash.put("changedBy", changedBy);
        hash.put("changedAt", changedAt.toString());
        hash.put("version", Long.toString(version));
        return hash;
    }

    static ConclusionsLock fromHash(Map<String, String> hash) {
        if (hash == null || hash.isEmpty()) {
            return NONE;
        }
        String override = hash.getOrDefault("override", "");
        return new ConclusionsLock(override.isEmpty() ? null : Override.valueOf(override),
                instant(hash.get("relockAt")), instant(hash.get("lockAt")), hash.get("changedBy"),
                Instant.parse(hash.get("changedAt")), Long.parseLong(hash.get("version")));
    }

    private static Instant instant(String stored) {
        return stored == null || stored.isEmpty() ? null : Instant.parse(stored);
    }
}

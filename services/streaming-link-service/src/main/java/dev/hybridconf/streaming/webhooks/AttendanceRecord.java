package dev.hybridconf.streaming.webhooks;

import java.time.Duration;
import java.time.Instant;

/**
 * One person's attendance in one session (JSON value of {@code attendance:{sessionId}} and of the anonymous hash).
 *
 * @param firstJoinedAt  first join of any instance
 * @param lastLeftAt     last leave, null before the first
 * @param seconds        time present so far, closed stays only (rejoins add up)
 * @param present        in the meeting now
 * @param presentSince   start of the open stay when present
 * @param joins          how many times they joined
 */
record AttendanceRecord(Instant firstJoinedAt, Instant lastLeftAt, long seconds, boolean present,
        Instant presentSince, int joins) {

    static AttendanceRecord none() {
        return new AttendanceRecord(null, null, 0, false, null, 0);
    }

    AttendanceRecord joined(Instant at) {
        if (present) {
            return new AttendanceRecord(earliest(firstJoinedAt, at), lastLeftAt, seconds, true, presentSince, joins);
        }
        return new AttendanceRecord(earliest(firstJoinedAt, at), lastLeftAt, seconds, true, at, joins + 1);
    }

    AttendanceRecord left(Instant at) {
        Instant last = lastLeftAt == null || at.isAfter(lastLeftAt) ? at : lastLeftAt;
        if (!present || presentSince == null) {
            return new AttendanceRecord(firstJoinedAt, last, seconds, false, null, joins);
        }
        long stay = Math.max(0, Duration.between(presentSince, at).toSeconds());
        return new AttendanceRecord(firstJoinedAt, last, seconds + stay, false, null, joins);
    }

    /** Whole minutes present, counting an open stay up to {@code now}. */
    long minutes(Instant now) {
        long open = present && presentSince != null ? Math.max(0, Duration.between(presentSince, now).toSeconds()) : 0;
        return (seconds + open) / 60;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}

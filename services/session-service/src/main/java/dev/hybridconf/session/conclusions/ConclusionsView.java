package dev.hybridconf.session.conclusions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A breakout's conclusions as readers see them: the current revision (null before the first post)
 * and the lock. Times with the conference zone's offset.
 */
record ConclusionsView(String sessionId, String conferenceId, LocalDate day, Long revision, String language,
        String summary, List<String> keyPoints, List<String> recommendations, List<String> themes, List<Integer> sdgs,
        String postedBy, String postedAt, LockView lock) {

    static ConclusionsView of(String sessionId, String conferenceId, LocalDate day, Revision current, LockView lock,
            ZoneId zone) {
        return new ConclusionsView(sessionId, conferenceId, day, current.revision(), current.language(),
                current.summary(), current.keyPoints(), current.recommendations(), current.themes(), current.sdgs(),
                current.postedBy(), render(current.postedAt(), zone), lock);
    }

    static String render(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime().toString();
    }

    /**
     * A breakout's lock as moderators and organisers see it ({@link LockRule}).
     *
     * @param locked          whether a post now is refused
     * @param lockAt          when they lock or locked (null: unlocked with no re-lock time)
     * @param source          where {@code lockAt} comes from: {@code WRAP_UP} (the wrap-up reporting on the
     *                        breakout starts), {@code CONFERENCE_END} (no wrap-up follows it), {@code DAY} or
     *                        {@code BREAKOUT} (a time an organiser set for its day or for it), {@code LOCKED},
     *                        {@code UNLOCKED} (an organiser locked or unlocked them)
     * @param wrapUpSessionId the wrap-up that reports on the breakout, or null when none follows it
     * @param wrapUpLockAt    what the programme alone gives: that wrap-up's start, else the end of the conference
     * @param dayLockAt       the time an organiser set for the breakout's day, or null (not applied when the
     *                        breakout ends after it)
     * @param override        the organiser's setting for this breakout: {@code LOCK_AT}, {@code UNLOCKED},
     *                        {@code LOCKED}, or null
     * @param overrideLockAt  the time an organiser set for this breakout, or null (not applied when the breakout
     *                        ends after it)
     */
    record LockView(boolean locked, String lockAt, String source, String wrapUpSessionId, String wrapUpLockAt,
            String dayLockAt, String override, String overrideLockAt, String relockAt, String changedBy,
            String changedAt) {
    }

    /** An organiser's lock time for a conference day (null when none is set). */
    record DayLockView(String conferenceId, LocalDate day, String lockAt, String changedBy, String changedAt) {
    }

    /** Every revision, oldest first. */
    record History(String sessionId, String conferenceId, LocalDate day, List<RevisionView> revisions) {
    }

    record RevisionView(long revision, String language, String summary, List<String> keyPoints,
            List<String> recommendations, List<String> themes, List<Integer> sdgs, String postedBy, String postedAt) {

        static RevisionView of(Revision r, ZoneId zone) {
            return new RevisionView(r.revision(), r.language(), r.summary(), r.keyPoints(), r.recommendations(),
                    r.themes(), r.sdgs(), r.postedBy(), render(r.postedAt(), zone));
        }
    }
}

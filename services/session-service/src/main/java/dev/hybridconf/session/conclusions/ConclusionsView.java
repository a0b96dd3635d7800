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
     * @param locked        whether a post now is refused
     * @param lockAt        when they lock or locked (null: unlocked with no re-lock time)
     * @param wrapUpLockAt  the default: the day's first wrap-up start, or the end of the day
     * @param override      {@code UNLOCKED} or {@code LOCKED} when an organiser acted, else null
     */
    record LockView(boolean locked, String lockAt, String wrapUpLockAt, String override, String relockAt,
            String changedBy, String changedAt) {
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

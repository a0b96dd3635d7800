package dev.hybridconf.rapporteur.live;

import java.time.LocalDate;
import java.util.List;

/**
 * What a rapporteur sees of a conference day at one moment: the conclusions posted, grouped by theme, and the
 * breakouts that have not reported yet. Times are in the conference's time zone. {@code cursor} is the id of the
 * last entry of the conference's live stream read before the snapshot: events after it are what changed since.
 *
 * @param reported breakouts of the day (not cancelled) with a conclusion
 * @param expected breakouts of the day (not cancelled)
 */
public record LiveSnapshot(String conferenceId, LocalDate day, String dayTheme, WrapUp wrapUp, int reported,
        int expected, List<Group> groups, List<Pending> pending, String cursor) {

    /** The day's wrap-up session, where the rapporteur reports. */
    public record WrapUp(String sessionId, String start) {
    }

    /**
     * One theme and the conclusions tagged with it (a conclusion appears under each of its themes).
     *
     * @param theme the normalised key ({@code ThemeTags.key}), what {@code ?theme=} filters on
     * @param label the thesaurus's label in the reader's language when a concept has it, else the commonest spelling
     */
    public record Group(String theme, String label, List<Item> conclusions) {
    }

    /** A breakout's current conclusion. */
    public record Item(String sessionId, String title, String track, String language, long revision, String postedAt,
            String summary, List<String> keyPoints, List<String> recommendations, List<Integer> sdgs,
            List<String> themes, boolean locked, String lockAt) {
    }

    /** A breakout of the day that has posted nothing yet. */
    public record Pending(String sessionId, String title, String track, String end, String lockAt) {
    }

    /** A group a conclusion belongs to, as a {@code conclusion} event names it. */
    public record GroupRef(String theme, String label) {
    }

    /** Data of a {@code conclusion} event: the item, its groups (empty: no longer in a filtered view) and the counts. */
    public record ConclusionChange(Item conclusion, List<GroupRef> groups, int reported, int expected) {
    }

    /** Data of a {@code lock} event. */
    public record LockChange(String sessionId, boolean locked, String lockAt) {
    }

    /**
     * Data of a {@code session} event: the day's breakouts changed (scheduled, moved, cancelled).
     *
     * @param reporting whether the breakout's conclusion is in the day's view now (false: remove it from the groups)
     */
    public record SessionChange(String sessionId, boolean reporting, List<Pending> pending, int reported,
            int expected) {
    }

    /** Data of a {@code trends} event: the day's analysis was stored for this corpus version. */
    public record TrendsChange(LocalDate day, long corpusVersion) {
    }
}

package dev.hybridconf.contracts.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A breakout's moderator posted its conclusions, or a new revision of them: the whole text of that
 * revision, so the rapporteur service can build the day's corpus from these events alone (a later
 * revision replaces an earlier one of the same session). No names or e-mail addresses: the poster
 * is a registration id (or an organiser's token subject).
 *
 * @param day      the conference day of the breakout (a date in the conference zone)
 * @param revision 1 for the first post, +1 for every revision
 * @param language the language the conclusions are written in ({@code en}, {@code fr}, {@code es})
 * @param sdgs     Sustainable Development Goals (1 to 17), unique, ascending
 */
public record ConclusionPosted(
        String sessionId,
        String conferenceId,
        LocalDate day,
        long revision,
        String language,
        String summary,
        List<String> keyPoints,
        List<String> recommendations,
        List<String> themes,
        List<Integer> sdgs,
        String postedBy,
        Instant postedAt) implements SessionActivityEvent {

    public static final String TYPE = "session.conclusion-posted.v1";

    public ConclusionPosted {
        keyPoints = List.copyOf(keyPoints);
        recommendations = List.copyOf(recommendations);
        themes = List.copyOf(themes);
        sdgs = List.copyOf(sdgs);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}

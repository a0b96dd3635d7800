package dev.hybridconf.rapporteur.corpus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One revision of a breakout's conclusion, as its moderator posted it.
 *
 * @param language  the language it is written in (en, fr, es, ...)
 * @param themes    the moderator's theme tags as written
 * @param sdgs      Sustainable Development Goals tagged, 1–17
 * @param postedBy  the moderator's registration id
 * @param lock      when the breakout's conclusions lock under the current decision
 */
public record Conclusion(String sessionId, String conferenceId, LocalDate day, long revision, String language,
        String summary, List<String> keyPoints, List<String> recommendations, List<String> themes, List<Integer> sdgs,
        String postedBy, Instant postedAt, LockState lock) {

    public Conclusion {
        keyPoints = List.copyOf(keyPoints);
        recommendations = List.copyOf(recommendations);
        themes = List.copyOf(themes);
        sdgs = List.copyOf(sdgs);
        lock = lock == null ? LockState.OPEN : lock;
    }
}

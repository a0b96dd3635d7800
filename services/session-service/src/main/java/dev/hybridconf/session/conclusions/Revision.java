package dev.hybridconf.session.conclusions;

import java.time.Instant;
import java.util.List;

/**
 * One posted version of a breakout's conclusions, as stored (JSON) and as read.
 *
 * @param revision 1 for the first post, +1 for every revision
 * @param postedBy the poster's token subject: a moderator's registration id, or an organiser
 */
record Revision(
        long revision,
        String language,
        String summary,
        List<String> keyPoints,
        List<String> recommendations,
        List<String> themes,
        List<Integer> sdgs,
        String postedBy,
        Instant postedAt) {

    Revision {
        keyPoints = List.copyOf(keyPoints);
        recommendations = List.copyOf(recommendations);
        themes = List.copyOf(themes);
        sdgs = List.copyOf(sdgs);
    }
}

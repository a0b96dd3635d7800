package dev.hybridconf.rapporteur.analysis;

import java.util.List;

/**
 * A sentence quoted for a trend.
 *
 * @param field      {@code summary}, {@code keyPoints[i]} or {@code recommendations[i]}
 * @param highlights where the trend's words are in the sentence (character offsets)
 */
public record Evidence(String sessionId, long revision, String language, String field, String sentence,
        List<Highlight> highlights) {
}

package dev.hybridconf.interpretation.languages;

import java.util.List;

/**
 * An organiser's language settings for a conference.
 *
 * @param extras      languages offered beyond the working ones (Arabic, Portuguese, sign languages ...)
 * @param alwaysOffer channels forced for every session of the conference, unless a session drops them
 * @param threshold   listeners of a language from which its channel is needed (1 to 100,000)
 * @param changedBy   who set them last (token subject), null for the defaults
 * @param changedAt   when, null for the defaults
 */
public record ConferenceSettings(List<String> extras, List<String> alwaysOffer, int threshold, String changedBy,
        java.time.Instant changedAt) {

    public static final int DEFAULT_THRESHOLD = 1;
    public static final int MAX_THRESHOLD = 100_000;
    public static final ConferenceSettings DEFAULTS = new ConferenceSettings(List.of(), List.of(), DEFAULT_THRESHOLD,
            null, null);

    public ConferenceSettings {
        extras = List.copyOf(extras);
        alwaysOffer = List.copyOf(alwaysOffer);
    }
}

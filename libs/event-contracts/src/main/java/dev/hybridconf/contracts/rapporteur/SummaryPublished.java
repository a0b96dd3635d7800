package dev.hybridconf.contracts.rapporteur;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A rapporteur published a version of a day's trend summary. It says what exists, never the text (readers read the
 * service) and never a name: the languages published with the draft revision and a SHA-256 of each text, which
 * working languages are missing, which changed since the previous version and, for a correction, what changed.
 *
 * @param version      1 for the first publication of the day, later ones are corrections
 * @param languages    every language of this version (en, fr, es; unique, at least one)
 * @param missing      working languages of the conference not published in this version
 * @param changed      languages whose text differs from version − 1 (all of them for version 1)
 * @param notes        per changed language, the correction note (at most 500 characters); empty for version 1
 * @param correctionOf version − 1, or null for version 1
 * @param publishedBy  the rapporteur's subject (a registration id)
 */
public record SummaryPublished(String conferenceId, LocalDate day, int version, List<PublishedLanguage> languages,
        List<String> missing, List<String> changed, Map<String, String> notes, Integer correctionOf,
        String publishedBy, Instant publishedAt) implements RapporteurEvent {

    public static final String TYPE = "rapporteur.summary-published.v1";

    public SummaryPublished {
        languages = List.copyOf(languages);
        missing = List.copyOf(missing);
        changed = List.copyOf(changed);
        notes = Map.copyOf(notes);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    /** The day's summary: {@code <conferenceId>:<day>}. */
    @Override
    public String aggregateId() {
        return conferenceId + ":" + day;
    }

    /**
     * One language of the version.
     *
     * @param revision    the draft revision of that language published
     * @param writtenFrom the language revision it was written from, or null (written directly, or generated)
     * @param stale       its source changed since it was written, at the moment of publication
     * @param sha256      of the Markdown text (UTF-8), lower-case hex
     */
    public record PublishedLanguage(String language, long revision, Source writtenFrom, boolean stale, String sha256) {
    }

    /** The language and revision a text was written from. */
    public record Source(String language, long revision) {
    }
}

package dev.hybridconf.rapporteur.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A published version of a day's summary as stored: every language in it with its text and the flags of the
 * moment, what was missing and changed, the correction notes.
 */
record PublishedSnapshot(String conferenceId, LocalDate day, int version, Instant publishedAt, String publishedBy,
        List<Text> texts, List<String> missing, List<String> changed, Map<String, String> notes) {

    record Text(String language, long revision, String markdown, TextRevision.Source writtenFrom, boolean stale,
            String sha256) {
    }

    PublishedVersion toVersion() {
        Map<String, PublishedText> byLanguage = new java.util.LinkedHashMap<>();
        texts.forEach(t -> byLanguage.put(t.language(), new PublishedText(t.language(), t.revision(), t.markdown(),
                t.stale(), t.writtenFrom() == null ? null : t.writtenFrom().language())));
        return new PublishedVersion(conferenceId, day, version, publishedAt, byLanguage, missing, notes);
    }
}

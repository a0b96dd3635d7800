package dev.hybridconf.rapporteur.summary;

import java.time.Instant;

/**
 * One revision of a day's summary in one language.
 *
 * @param kind          {@code GENERATED} (a draft from the trends) or {@code EDITED} (a rapporteur's text)
 * @param writtenFrom   the language revision it was written from, or null
 * @param generatedFrom the analysis the latest generated draft of this language came from (kept through edits), or
 *                      null when none was ever generated
 * @param author        the rapporteur's subject
 */
record TextRevision(String language, long revision, String kind, String markdown, Source writtenFrom,
        GeneratedFrom generatedFrom, String author, Instant at, String sha256) {

    /** A language's revision. */
    record Source(String language, long revision) {
    }

    /** The analysis a draft was generated from: the day's corpus and thesaurus versions. */
    record GeneratedFrom(long corpusVersion, long thesaurusVersion) {
    }
}

package dev.hybridconf.rapporteur.thesaurus;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/** The thesaurus's refusals, each with a stable type and a sentence in the reader's language. */
class ThesaurusProblem extends ProblemException {

    ThesaurusProblem(HttpStatus status, String slug, String messageKey, Object... arguments) {
        super(status, slug, messageKey, arguments);
    }

    /** One label of one language reads the same as a label of another concept once analysed. */
    static ThesaurusProblem ambiguous(String label, String language, String concept, String otherLabel,
            String otherConcept) {
        return new ThesaurusProblem(HttpStatus.BAD_REQUEST, "thesaurus-label-ambiguous", "thesaurus.label-ambiguous",
                label, language, concept, otherLabel, otherConcept);
    }

    /** {@code If-Match} names a version the thesaurus no longer has. */
    static ThesaurusProblem versionMismatch(String conferenceId, long current) {
        return new ThesaurusProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed",
                "thesaurus.version-mismatch", conferenceId, current);
    }

    /** Others changed the thesaurus while this change, made without {@code If-Match}, was being written. */
    static ThesaurusProblem changedConcurrently() {
        return new ThesaurusProblem(HttpStatus.CONFLICT, "thesaurus-changed-concurrently",
                "thesaurus.changed-concurrently");
    }

    static ThesaurusProblem mediaType() {
        return new ThesaurusProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "thesaurus.media-type");
    }

    static ThesaurusProblem malformedJson() {
        return new ThesaurusProblem(HttpStatus.BAD_REQUEST, "malformed-body", "problem.malformed-body");
    }

    /** A CSV file that cannot be read as a thesaurus at all (not text, unclosed quote, bad header). */
    static ThesaurusProblem csvInvalid(String messageKey, Object... arguments) {
        return new ThesaurusProblem(HttpStatus.BAD_REQUEST, "csv-invalid", messageKey, arguments);
    }
}

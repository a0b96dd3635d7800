package dev.hybridconf.rapporteur.summary;

import java.util.List;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/** The summaries' refusals, each with a stable type and a sentence in the reader's language. */
class SummaryProblem extends ProblemException {

    private final transient List<String> languages;

    SummaryProblem(HttpStatus status, String slug, String messageKey, List<String> languages, Object... arguments) {
        super(status, slug, messageKey, arguments);
        this.languages = List.copyOf(languages);
    }

    /** The languages the refusal is about (stale ones, ones lacking a note), also in the answer. */
    List<String> languages() {
        return languages;
    }

    /** {@code If-Match} names a revision the language no longer has. */
    static SummaryProblem revisionMismatch(String language, long current) {
        return new SummaryProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed",
                "summaries.revision-mismatch", List.of(language), language, current);
    }

    static SummaryProblem nothingChanged(int version) {
        return new SummaryProblem(HttpStatus.CONFLICT, "nothing-changed", "summaries.nothing-changed",
                List.of(), version);
    }

    static SummaryProblem staleLanguages(List<String> languages) {
        return new SummaryProblem(HttpStatus.CONFLICT, "stale-languages", "summaries.stale-languages",
                languages, String.join(", ", languages));
    }

    static SummaryProblem correctionNoteRequired(int version, List<String> languages) {
        return new SummaryProblem(HttpStatus.BAD_REQUEST, "correction-note-required",
                "summaries.correction-note-required", languages, version, String.join(", ", languages));
    }

    /** Others kept changing the day's summary while this change was retried. */
    static SummaryProblem changedConcurrently() {
        return new SummaryProblem(HttpStatus.CONFLICT, "summary-changed-concurrently", "summaries.changed",
                List.of());
    }
}

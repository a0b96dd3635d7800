package dev.hybridconf.interpretation.roster;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/** The roster's refusals, each with a stable type and a sentence in the reader's language. */
class RosterProblem extends ProblemException {

    RosterProblem(HttpStatus status, String slug, String messageKey, Object... arguments) {
        super(status, slug, messageKey, arguments);
    }

    /** Another entry of the roster has this e-mail (e-mails are unique per conference). */
    static RosterProblem emailTaken(String email) {
        return new RosterProblem(HttpStatus.CONFLICT, "interpreter-email-taken", "roster.email-taken", email);
    }

    /** Another entry of the roster is linked to this registration. */
    static RosterProblem registrationTaken(String registrationId) {
        return new RosterProblem(HttpStatus.CONFLICT, "interpreter-registration-taken", "roster.registration-taken",
                registrationId);
    }

    static RosterProblem full(int max) {
        return new RosterProblem(HttpStatus.CONFLICT, "roster-full", "roster.full", max);
    }

    /** Others kept changing the roster while this change was retried. */
    static RosterProblem changedConcurrently() {
        return new RosterProblem(HttpStatus.CONFLICT, "roster-changed-concurrently", "roster.changed-concurrently");
    }

    /** {@code If-Match} names a version the entry no longer has. */
    static RosterProblem versionMismatch(String interpreterId, long current) {
        return new RosterProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "roster.version-mismatch",
                interpreterId, current);
    }

    /** An import not sent as CSV. */
    static RosterProblem mediaType() {
        return new RosterProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "roster.import.media-type");
    }

    /** A file that cannot be read as a roster at all (not text, not CSV, no header, unknown columns, too long). */
    static RosterProblem csvInvalid(String messageKey, Object... arguments) {
        return new RosterProblem(HttpStatus.BAD_REQUEST, "csv-invalid", messageKey, arguments);
    }

    /**
     * A precondition of a write no longer held when it was applied (someone changed the roster meanwhile): the
     * write is retried on a fresh read, or, when the caller named the entry's version, refused with 412.
     */
    static final class Stale extends RosterProblem {

        /** Whether the entry written itself changed (rather than a partner it names, or an index). */
        final boolean own;

        Stale(boolean own) {
            super(HttpStatus.CONFLICT, "roster-changed-concurrently", "roster.changed-concurrently");
            this.own = own;
        }
    }
}

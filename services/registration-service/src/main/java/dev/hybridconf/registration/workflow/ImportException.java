package dev.hybridconf.registration.workflow;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/** An upload the import refuses as a whole, before any row is written. */
class ImportException extends ProblemException {

    private ImportException(HttpStatus status, String slug, String messageKey, Object... arguments) {
        super(status, slug, messageKey, arguments);
    }

    /** Not sent as CSV, or in a character set the JVM does not know. */
    static ImportException mediaType() {
        return new ImportException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "import.media-type");
    }

    /** The file cannot be read as CSV at all (not text, an unclosed quote, no header, unknown columns). */
    static ImportException unreadable(String messageKey, Object... arguments) {
        return new ImportException(HttpStatus.BAD_REQUEST, "csv-invalid", messageKey, arguments);
    }

    /** Every import worker is busy and the queue is full. */
    static ImportException busy() {
        return new ImportException(HttpStatus.TOO_MANY_REQUESTS, "import-busy", "import.busy");
    }
}

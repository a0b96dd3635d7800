package dev.hybridconf.kit.errors;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * An error a caller can act on. Its message is written for the caller (no internals); its type
 * is a stable URI clients may switch on.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;

    protected ProblemException(HttpStatus status, String slug, String message) {
        super(message);
        this.status = status;
        this.slug = slug;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return Problems.type(slug);
    }
}

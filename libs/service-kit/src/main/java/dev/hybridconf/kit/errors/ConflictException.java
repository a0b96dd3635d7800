package dev.hybridconf.kit.errors;

import org.springframework.http.HttpStatus;

/** The request contradicts the current state (a duplicate, an illegal transition, a stale version). */
public class ConflictException extends ProblemException {

    public ConflictException(String slug, String messageKey, Object... arguments) {
        super(HttpStatus.CONFLICT, slug, messageKey, arguments);
    }
}

package dev.hybridconf.kit.errors;

import org.springframework.http.HttpStatus;

/** The object does not exist, or the caller may not know that it does. */
public class NotFoundException extends ProblemException {

    public NotFoundException(String messageKey, Object... arguments) {
        super(HttpStatus.NOT_FOUND, "not-found", messageKey, arguments);
    }
}

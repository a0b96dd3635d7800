package dev.hybridconf.registration.identity;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/** The access link is unknown, already used, expired, or its registration no longer holds a place. */
class AccessLinkInvalidException extends ProblemException {

    AccessLinkInvalidException() {
        super(HttpStatus.UNAUTHORIZED, "access-link-invalid", "identity.access-link-invalid");
    }
}

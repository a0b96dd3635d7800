package dev.hybridconf.session.conclusions;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/** The caller is neither a moderator of this breakout nor an organiser. */
class NotModeratorException extends ProblemException {

    NotModeratorException() {
        super(HttpStatus.FORBIDDEN, "forbidden", "conclusions.not-moderator");
    }
}

package dev.hybridconf.session.live;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/** The body does not say {@code {"status": "LIVE"}} or {@code {"status": "ENDED"}}. Answered 400 {@code validation} naming the field (see {@link LiveProblemAdvice}). */
class InvalidLiveStatusException extends ProblemException {

    InvalidLiveStatusException() {
        super(HttpStatus.BAD_REQUEST, "validation", "live.status");
    }

    String field() {
        return "status";
    }
}

package dev.hybridconf.session.live;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/** The {@code tz} parameter is not an IANA time zone. Answered 400 {@code validation} naming the field (see {@link LiveProblemAdvice}). */
class InvalidTimeZoneException extends ProblemException {

    InvalidTimeZoneException() {
        super(HttpStatus.BAD_REQUEST, "validation", "live.tz");
    }

    String field() {
        return "tz";
    }
}

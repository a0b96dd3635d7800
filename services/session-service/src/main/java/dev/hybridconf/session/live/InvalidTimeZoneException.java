package dev.hybridconf.session.live;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/** The {@code tz} parameter is not an IANA time zone. */
class InvalidTimeZoneException extends ProblemException {

    InvalidTimeZoneException() {
        super(HttpStatus.BAD_REQUEST, "validation", "live.tz");
    }
}

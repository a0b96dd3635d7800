package dev.hybridconf.session.enrolment;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/** The caller may not do this with this object (another participant's breakout list, enrolling without a registration). */
class EnrolmentForbiddenException extends ProblemException {

    EnrolmentForbiddenException(String messageKey, Object... arguments) {
        super(HttpStatus.FORBIDDEN, "forbidden", messageKey, arguments);
    }
}

package dev.hybridconf.kit.errors;

import org.springframework.http.HttpStatus;

/** The request body is larger than the service accepts. */
public class PayloadTooLargeException extends ProblemException {

    public PayloadTooLargeException(long limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "problem.payload-too-large", limit);
    }
}

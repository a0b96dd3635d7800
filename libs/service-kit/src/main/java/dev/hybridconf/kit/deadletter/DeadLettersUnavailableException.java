package dev.hybridconf.kit.deadletter;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/** Kafka did not answer in time, or too many dead-letter reads run at once: try again shortly. */
class DeadLettersUnavailableException extends ProblemException {

    DeadLettersUnavailableException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "dead-letters-unavailable", "problem.dead-letters.unavailable");
    }
}

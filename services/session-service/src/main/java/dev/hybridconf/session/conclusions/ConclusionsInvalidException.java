package dev.hybridconf.session.conclusions;

import java.util.List;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/** A request refused with every field problem found: a 400 {@code validation} with {@code errors: [{field, message}]}. */
class ConclusionsInvalidException extends ProblemException {

    /** One field's problem: a message key and its arguments, rendered in the reader's language. */
    record Problem(String field, String key, List<Object> args) {
    }

    private final transient List<Problem> problems;

    ConclusionsInvalidException(List<Problem> problems) {
        super(HttpStatus.BAD_REQUEST, "validation", "conclusions.invalid");
        this.problems = List.copyOf(problems);
    }

    List<Problem> problems() {
        return problems;
    }
}

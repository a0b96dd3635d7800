package dev.hybridconf.registration.workflow;

import java.util.List;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemDetailsAdvice.FieldProblem;
import dev.hybridconf.kit.errors.ProblemException;

/**
 * Query parameters with values the service does not know (a status, a country, an import kind).
 * Answered like any validation problem: 400 with {@code errors: [{field, message}]}, the field being
 * the parameter's name (see {@link ParameterProblemAdvice}).
 */
class InvalidParametersException extends ProblemException {

    private final transient List<FieldProblem> problems;

    InvalidParametersException(List<FieldProblem> problems) {
        super(HttpStatus.BAD_REQUEST, "validation", "problem.validation");
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }
}

package dev.hybridconf.session.export;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/** A request parameter of an export is invalid: a 400 whose {@code errors} name it. */
class ExportParameterException extends ProblemException {

    private final String parameter;
    private final String fieldKey;

    ExportParameterException(String parameter, String fieldKey) {
        super(HttpStatus.BAD_REQUEST, "validation", "problem.validation");
        this.parameter = parameter;
        this.fieldKey = fieldKey;
    }

    String parameter() {
        return parameter;
    }

    String fieldKey() {
        return fieldKey;
    }
}

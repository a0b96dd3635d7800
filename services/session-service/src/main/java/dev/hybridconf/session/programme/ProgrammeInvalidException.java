package dev.hybridconf.session.programme;

import java.util.List;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/**
 * A request, query or programme file refused as a whole, with every problem found: answered 400 with
 * {@code errors: [{field, message}]}, the field being a request field, a query parameter or a path in
 * the file ({@code sessions[3].end}), the message in the reader's language (see {@link ProgrammeProblemAdvice}).
 */
class ProgrammeInvalidException extends ProblemException {

    private final transient List<ProgrammeProblem> problems;

    private ProgrammeInvalidException(String slug, String messageKey, List<ProgrammeProblem> problems) {
        super(HttpStatus.BAD_REQUEST, slug, messageKey);
        this.problems = List.copyOf(problems);
    }

    /** A request body or query parameters: the kit's {@code validation} problem type. */
    static ProgrammeInvalidException request(List<ProgrammeProblem> problems) {
        return new ProgrammeInvalidException("validation", "programme.request-invalid", problems);
    }

    static ProgrammeInvalidException parameter(String name, String key, Object... args) {
        return request(List.of(ProgrammeProblem.of(name, key, args)));
    }

    /** A programme file: refused whole, nothing written. */
    static ProgrammeInvalidException file(List<ProgrammeProblem> problems) {
        return new ProgrammeInvalidException("programme-invalid", "programme.invalid", problems);
    }

    List<ProgrammeProblem> problems() {
        return problems;
    }
}

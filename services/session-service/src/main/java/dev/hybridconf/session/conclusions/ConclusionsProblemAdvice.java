package dev.hybridconf.session.conclusions;

import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.hybridconf.kit.errors.ProblemDetailsAdvice.FieldProblem;
import dev.hybridconf.kit.errors.ProblemMessages;

/**
 * Answers a refused post with every field problem ({@code errors: [{field, message}]}) and a locked
 * one with the moment it locked ({@code lockedAt}), in the reader's language. Ordered before the
 * kit's advice, which would give the sentence only.
 */
@RestControllerAdvice(basePackageClasses = ConclusionsProblemAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConclusionsProblemAdvice {

    private final ProblemMessages messages;

    ConclusionsProblemAdvice(ProblemMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ConclusionsInvalidException.class)
    ResponseEntity<ProblemDetail> invalid(ConclusionsInvalidException e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problem(e, messages.text(e.messageKey(), locale));
        List<FieldProblem> errors = e.problems().stream()
                .map(p -> new FieldProblem(p.field(), messages.text(p.key(), locale, p.args().toArray()))).toList();
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    @ExceptionHandler(ConclusionsLockedException.class)
    ResponseEntity<ProblemDetail> locked(ConclusionsLockedException e) {
        ProblemDetail problem = problem(e, messages.text(e.messageKey(), LocaleContextHolder.getLocale(),
                e.rendered()));
        problem.setProperty("lockedAt", e.rendered());
        return respond(problem);
    }

    private static ProblemDetail problem(dev.hybridconf.kit.errors.ProblemException e, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), detail);
        problem.setType(e.type());
        problem.setTitle(e.status().getReasonPhrase());
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

package dev.hybridconf.registration.workflow;

import java.util.Comparator;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.hybridconf.kit.errors.ProblemDetailsAdvice.FieldProblem;
import dev.hybridconf.kit.errors.ProblemMessages;
import dev.hybridconf.kit.errors.Problems;

/**
 * Answers {@link InvalidParametersException} in the shape of the kit's validation problems, so a
 * client reads a bad {@code ?status=} the same way as a bad form field. Ordered before the kit's
 * advice, which would otherwise answer it without the list of parameters.
 */
@RestControllerAdvice(assignableTypes = {DirectoryController.class, ImportController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ParameterProblemAdvice {

    private final ProblemMessages messages;

    ParameterProblemAdvice(ProblemMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidParametersException.class)
    ResponseEntity<ProblemDetail> invalidParameters(InvalidParametersException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(),
                messages.text("problem.validation", LocaleContextHolder.getLocale()));
        problem.setType(Problems.VALIDATION);
        problem.setTitle(e.status().getReasonPhrase());
        problem.setProperties(Map.of("errors", e.problems().stream()
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message)).toList()));
        return ResponseEntity.status(e.status()).body(problem);
    }
}

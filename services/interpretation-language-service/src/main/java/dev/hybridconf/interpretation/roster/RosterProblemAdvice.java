package dev.hybridconf.interpretation.roster;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.hybridconf.kit.errors.ProblemMessages;

/**
 * Answers a refused import with every problem found ({@code errors: [{line, column, message}]}), how many rows
 * were refused and how many the file has, in the reader's language. Ordered before the kit's advice, which
 * would give the sentence only.
 */
@RestControllerAdvice(basePackageClasses = RosterProblemAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RosterProblemAdvice {

    private final ProblemMessages messages;

    RosterProblemAdvice(ProblemMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ImportRefusedException.class)
    ResponseEntity<ProblemDetail> refused(ImportRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(),
                messages.text(e.messageKey(), LocaleContextHolder.getLocale(), e.arguments()));
        problem.setType(e.type());
        problem.setTitle(e.status().getReasonPhrase());
        problem.setProperty("refusedRows", e.refusedRows());
        problem.setProperty("rows", e.rows());
        problem.setProperty("errors", e.errors());
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

package dev.hybridconf.rapporteur.summary;

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
 * Answers the summaries' refusals like the kit does, plus the languages they are about ({@code languages}), so a
 * client can point at the stale texts or the missing correction notes. Ordered before the kit's advice.
 */
@RestControllerAdvice(basePackageClasses = SummaryProblemAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SummaryProblemAdvice {

    private final ProblemMessages messages;

    SummaryProblemAdvice(ProblemMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(SummaryProblem.class)
    ResponseEntity<ProblemDetail> refused(SummaryProblem e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(),
                messages.text(e.messageKey(), LocaleContextHolder.getLocale(), e.arguments()));
        problem.setType(e.type());
        problem.setTitle(e.status().getReasonPhrase());
        problem.setProperty("languages", e.languages());
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

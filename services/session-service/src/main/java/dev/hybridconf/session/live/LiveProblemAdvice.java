package dev.hybridconf.session.live;

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
import dev.hybridconf.kit.errors.ProblemException;
import dev.hybridconf.kit.errors.ProblemMessages;

/**
 * Answers a bad live-status body or {@code tz} like every other {@code validation} problem: with
 * {@code errors: [{field, message}]}, in the reader's language. Ordered before the kit's advice.
 */
@RestControllerAdvice(basePackageClasses = LiveProblemAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LiveProblemAdvice {

    private final ProblemMessages messages;

    LiveProblemAdvice(ProblemMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidLiveStatusException.class)
    ResponseEntity<ProblemDetail> status(InvalidLiveStatusException e) {
        return invalid(e, e.field());
    }

    @ExceptionHandler(InvalidTimeZoneException.class)
    ResponseEntity<ProblemDetail> tz(InvalidTimeZoneException e) {
        return invalid(e, e.field());
    }

    private ResponseEntity<ProblemDetail> invalid(ProblemException e, String field) {
        Locale locale = LocaleContextHolder.getLocale();
        String detail = messages.text(e.messageKey(), locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), detail);
        problem.setType(e.type());
        problem.setTitle(e.status().getReasonPhrase());
        problem.setProperty("errors", List.of(new FieldProblem(field, detail)));
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

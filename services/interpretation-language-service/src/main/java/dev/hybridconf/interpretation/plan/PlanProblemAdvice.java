package dev.hybridconf.interpretation.plan;

import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.hybridconf.kit.errors.ProblemMessages;

/**
 * A solve asked for while one runs is answered as the kit answers a conflict, with the running solve's progress
 * ({@code progress}) beside the detail, so the caller can follow it instead.
 */
@RestControllerAdvice(basePackageClasses = PlanProblemAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlanProblemAdvice {

    private final ProblemMessages messages;
    private final PlanViews views;

    PlanProblemAdvice(ProblemMessages messages, PlanViews views) {
        this.messages = messages;
        this.views = views;
    }

    @ExceptionHandler(SolveRunningException.class)
    ResponseEntity<ProblemDetail> running(SolveRunningException e) {
        var locale = ProblemMessages.supported(LocaleContextHolder.getLocale());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.text(e.messageKey(), locale, e.arguments()));
        problem.setType(e.type());
        problem.setTitle(HttpStatus.CONFLICT.getReasonPhrase());
        problem.setProperties(Map.of("progress", views.progress(e.conferenceId(), e.running(), locale)));
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}

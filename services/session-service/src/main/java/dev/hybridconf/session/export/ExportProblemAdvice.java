package dev.hybridconf.session.export;

import java.util.List;
import java.util.Locale;
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

import dev.hybridconf.kit.errors.ProblemDetailsAdvice.FieldProblem;
import dev.hybridconf.kit.errors.ProblemMessages;
import dev.hybridconf.kit.errors.Problems;

/** Answers a bad export parameter as the kit answers validation problems: {@code errors: [{field, message}]}. */
@RestControllerAdvice(basePackageClasses = ExportProblemAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExportProblemAdvice {

    private final ProblemMessages messages;

    ExportProblemAdvice(ProblemMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ExportParameterException.class)
    ResponseEntity<ProblemDetail> invalid(ExportParameterException e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.text("problem.validation", locale));
        problem.setType(Problems.VALIDATION);
        problem.setTitle("Bad Request");
        problem.setProperties(Map.of("errors",
                List.of(new FieldProblem(e.parameter(), messages.text(e.fieldKey(), locale)))));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

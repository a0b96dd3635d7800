package dev.hybridconf.streaming.board;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.hybridconf.kit.errors.ProblemMessages;

/**
 * Writes the board's refusals as the kit does ({@code application/problem+json}, detail in the caller's language),
 * adding {@code Retry-After} to the temporary ones (a meeting being repaired), so that staff tools wait and ask
 * again instead of giving up.
 */
@RestControllerAdvice(basePackageClasses = BoardProblemAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BoardProblemAdvice {

    private final ProblemMessages messages;

    BoardProblemAdvice(ProblemMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BoardProblem.class)
    ResponseEntity<ProblemDetail> refused(BoardProblem e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(),
                messages.text(e.messageKey(), LocaleContextHolder.getLocale(), e.arguments()));
        problem.setType(e.type());
        problem.setTitle(e.status().getReasonPhrase());
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status());
        if (e.retryAfter() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        }
        return answer.body(problem);
    }
}

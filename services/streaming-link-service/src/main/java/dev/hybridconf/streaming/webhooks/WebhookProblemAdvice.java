package dev.hybridconf.streaming.webhooks;

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
 * Writes the webhook endpoint's refusals as the kit does ({@code application/problem+json}, detail in the caller's
 * language), adding {@code Retry-After} to the temporary ones, so that Zoom sends the webhook again.
 */
@RestControllerAdvice(basePackageClasses = WebhookProblemAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebhookProblemAdvice {

    private final ProblemMessages messages;

    WebhookProblemAdvice(ProblemMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(WebhookProblem.class)
    ResponseEntity<ProblemDetail> refused(WebhookProblem e) {
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

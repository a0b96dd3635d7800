package dev.hybridconf.streaming.join;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.errors.ProblemMessages;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code GET /api/streaming/sessions/{id}/join}: the calling participant's own join link. The registration id
 * is the token's subject; nothing in the request names whose link to return.
 */
@RestController
@RequestMapping("/api/streaming/sessions")
class JoinController {

    private final JoinLinks links;
    private final ProblemMessages messages;
    private final MeterRegistry meters;

    JoinController(JoinLinks links, ProblemMessages messages, MeterRegistry meters) {
        this.links = links;
        this.messages = messages;
        this.meters = meters;
    }

    @GetMapping("/{sessionId}/join")
    @PreAuthorize("hasRole('participant')")
    ResponseEntity<JoinAnswer> join(@PathVariable String sessionId, @AuthenticationPrincipal Jwt caller,
            Locale locale) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "ok";
        try {
            JoinAnswer answer = links.join(sessionId, caller.getSubject(), locale);
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer);
        } catch (JoinProblem e) {
            outcome = e.outcome();
            throw e;
        } catch (RuntimeException e) {
            outcome = "error";
            throw e;
        } finally {
            sample.stop(meters.timer("streaming.join", "outcome", outcome));
        }
    }

    @ExceptionHandler(JoinProblem.class)
    ResponseEntity<ProblemDetail> refused(JoinProblem e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(),
                messages.text(e.messageKey(), LocaleContextHolder.getLocale(), e.arguments()));
        problem.setType(e.type());
        problem.setTitle(e.status().getReasonPhrase());
        if (e.opensAt() != null) {
            problem.setProperty("opensAt", e.opensAt().toString());
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status())
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        e.retryAfter().ifPresent(wait -> answer.header(HttpHeaders.RETRY_AFTER,
                Long.toString(Math.max(1, wait.toSeconds()))));
        return answer.body(problem);
    }
}

package dev.hybridconf.session.enrolment;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.hybridconf.kit.errors.ProblemMessages;
import dev.hybridconf.session.programme.ProgrammeSession;

/**
 * Answers an overlapping enrolment with the other breakout: its title in the reader's language and
 * its times (conference zone) in the sentence, and {@code session: {id, title, start, end, status}}.
 */
@RestControllerAdvice(basePackageClasses = EnrolmentProblemAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EnrolmentProblemAdvice {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ProblemMessages messages;

    EnrolmentProblemAdvice(ProblemMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(OverlapException.class)
    ResponseEntity<ProblemDetail> overlap(OverlapException e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProgrammeSession other = e.other();
        String title = other.title().getOrDefault(ProblemMessages.supported(locale).getLanguage(),
                other.title().values().iterator().next());
        String start = TIME.format(other.start().atZone(other.zone()));
        String end = TIME.format(other.end().atZone(other.zone()));
        // The end's time alone when on the start's date; with its date when the breakout runs past midnight.
        end = end.startsWith(start.substring(0, 11)) ? end.substring(11) : end;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(),
                messages.text(e.messageKey(), locale, title, start, end, other.zone().getId()));
        problem.setType(e.type());
        problem.setTitle(e.status().getReasonPhrase());
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", other.id());
        session.put("title", title);
        session.put("start", other.start().atZone(other.zone()).toOffsetDateTime().toString());
        session.put("end", other.end().atZone(other.zone()).toOffsetDateTime().toString());
        session.put("enrolment", e.otherStatus().name());
        problem.setProperty("session", session);
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

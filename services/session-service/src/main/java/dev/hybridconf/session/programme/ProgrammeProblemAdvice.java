package dev.hybridconf.session.programme;

import java.util.LinkedHashMap;
import java.util.List;
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

import dev.hybridconf.kit.errors.ProblemDetailsAdvice.FieldProblem;
import dev.hybridconf.kit.errors.ProblemMessages;

/**
 * Answers the programme's own problems with more than a sentence: every problem of a refused file or
 * request as {@code errors: [{field, message}]} (in the order found, so a file's problems read top
 * to bottom), and a room clash with both sessions. Messages are in the reader's language. Ordered
 * before the kit's advice, which would answer them with the sentence only.
 */
@RestControllerAdvice(basePackageClasses = ProgrammeProblemAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProgrammeProblemAdvice {

    private final ProblemMessages messages;

    ProgrammeProblemAdvice(ProblemMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ProgrammeInvalidException.class)
    ResponseEntity<ProblemDetail> invalid(ProgrammeInvalidException e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problem(e.status().value(), e.type(), e.status().getReasonPhrase(),
                messages.text(e.messageKey(), locale, e.problems().size()));
        List<FieldProblem> errors = e.problems().stream()
                .map(p -> new FieldProblem(p.path(), messages.text(p.key(), locale, p.arguments(locale)))).toList();
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    @ExceptionHandler(RoomClashException.class)
    ResponseEntity<ProblemDetail> clash(RoomClashException e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProgrammeRules.RoomClash clash = e.clash();
        // Arguments: first title, its time, second title, its time, room.
        ProblemDetail problem = problem(e.status().value(), e.type(), e.status().getReasonPhrase(),
                messages.text(e.messageKey(), locale, clash.problem().arguments(locale)));
        problem.setProperty("room", clash.room());
        problem.setProperty("sessions", List.of(describe(e.conferenceId(), clash.first(), clash),
                describe(e.conferenceId(), clash.second(), clash)));
        return respond(problem);
    }

    private static Map<String, Object> describe(String conferenceId, SessionSpec session,
            ProgrammeRules.RoomClash clash) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("id", ProgrammeSession.idFor(conferenceId, session.key()));
        described.put("key", session.key());
        described.put("title", session.title());
        described.put("start", session.startIn(clash.zone()).toOffsetDateTime().toString());
        described.put("end", session.endIn(clash.zone()).toOffsetDateTime().toString());
        described.put("room", session.room());
        return described;
    }

    private static ProblemDetail problem(int status, java.net.URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatusCode.valueOf(status),
                detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

package dev.hybridconf.kit.errors;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes problem details straight to a servlet response, for what runs outside Spring MVC: filters,
 * the error controller and the container's own error reports.
 */
public class ProblemWriter {

    private final ObjectMapper mapper;
    private final ProblemMessages messages;

    public ProblemWriter(ObjectMapper mapper, ProblemMessages messages) {
        this.mapper = mapper;
        this.messages = messages;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemException e)
            throws IOException {
        write(request, response, e.status(), e.type(), e.messageKey(), e.arguments());
    }

    /** Writes a problem whose detail is the message {@code key} in the request's language. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, URI type,
            String key, Object... arguments) throws IOException {
        byte[] body = bytes(status, type, messages.text(key, locale(request), arguments));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The problem as JSON bytes, for writers that cannot take a servlet response. */
    public byte[] bytes(HttpStatus status, URI type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(status.getReasonPhrase());
        return mapper.writeValueAsBytes(problem);
    }

    /** The sentence for {@code key} in the request's language (en, fr or es). */
    public String text(HttpServletRequest request, String key, Object... arguments) {
        return messages.text(key, locale(request), arguments);
    }

    /** The request's language; a request whose headers cannot be read is answered in English. */
    private static java.util.Locale locale(HttpServletRequest request) {
        try {
            return request.getLocale();
        } catch (RuntimeException e) {
            return java.util.Locale.ENGLISH;
        }
    }
}

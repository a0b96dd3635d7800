package dev.hybridconf.kit.errors;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

/** Writes problem details straight to a servlet response, for filters that run before MVC. */
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
        String detail = messages.text(key, request.getLocale(), arguments);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(status.getReasonPhrase());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(mapper.writeValueAsBytes(problem));
    }
}

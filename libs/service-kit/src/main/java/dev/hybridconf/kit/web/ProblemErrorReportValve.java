package dev.hybridconf.kit.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.hybridconf.kit.errors.ProblemWriter;
import dev.hybridconf.kit.errors.Problems;

/**
 * Tomcat's own answers (a path that is not valid UTF-8 or holds an encoded {@code /} or a NUL, a
 * header with control characters, a request line or header block above the connector's limit, a
 * refused {@code TRACE}) as problem details instead of Tomcat's HTML error page. Tomcat calls its host's
 * error report valve for requests that never reach a servlet, so this is the only place such an
 * answer can be shaped.
 *
 * <p>Tomcat refuses an oversized request line and an oversized header block alike with 400 "Request
 * header is too large"; when that happens before the request line was read whole the answer is
 * 414 {@code uri-too-long}, otherwise 431 {@code headers-too-large}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    /** Tomcat's message for both limits (key {@code iib.requestheadertoolarge.error}). */
    private static final String HEADER_TOO_LARGE = "Request header is too large";

    private final ProblemWriter problems;

    public ProblemErrorReportValve(ProblemWriter problems) {
        this.problems = problems;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        status = refine(status, request, throwable);
        HttpStatus resolved = HttpStatus.resolve(status);
        if (resolved == null) {
            resolved = status >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        }
        try {
            byte[] body = problems.bytes(resolved, Problems.type(Problems.slugFor(resolved.value())),
                    problems.text(request, Problems.messageKeyFor(resolved.value())));
            response.setStatus(resolved.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(body.length);
            try {
                OutputStream out = response.getOutputStream();
                out.write(body);
                out.flush();
            } catch (IllegalStateException usingWriter) {
                response.getWriter().write(new String(body, StandardCharsets.UTF_8));
                response.getWriter().flush();
            }
            response.finishResponse();
        } catch (IOException | RuntimeException e) {
            // The client is gone or the response cannot be written: nothing more to say.
        }
    }

    /** Tells an oversized request line (414) from an oversized header block (431). */
    private static int refine(int status, Request request, Throwable throwable) {
        if (status != 400 || throwable == null || !String.valueOf(throwable.getMessage()).contains(HEADER_TOO_LARGE)) {
            return status;
        }
        String uri = request.getCoyoteRequest().requestURI().toString();
        return uri == null || uri.isEmpty() ? 414 : 431;
    }
}

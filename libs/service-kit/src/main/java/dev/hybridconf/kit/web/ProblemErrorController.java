package dev.hybridconf.kit.web;

import java.io.IOException;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.hybridconf.kit.errors.ProblemWriter;
import dev.hybridconf.kit.errors.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The servlet error page: what a request gets when something outside Spring MVC's exception handling
 * ended it with an error status (Tomcat refusing {@code TRACE}, a filter failing, a
 * {@code sendError}). Replaces Spring Boot's {@code BasicErrorController}, whose JSON is not problem
 * details and which answers a direct request for {@code /error} with a 500. Headers already set (such as
 * the {@code Allow} of a 405) are kept.
 */
@Controller
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ProblemWriter problems;

    public ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int status = code instanceof Integer number ? number : HttpStatus.NOT_FOUND.value();
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RequestRejectedException) {
                status = 400;
                error = null;
                break;
            }
            if (cause instanceof InvalidParameterException invalid) {
                // Parameters Tomcat could not decode, or too many of them: the request is at fault.
                status = invalid.getErrorCode() >= 400 && invalid.getErrorCode() < 500 ? invalid.getErrorCode() : 400;
                error = null;
                break;
            }
        }
        HttpStatus resolved = HttpStatus.resolve(status);
        if (resolved == null || resolved.value() < 400) {
            resolved = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (resolved.is5xxServerError()) {
            log.error("{} {} failed with {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    request.getMethod(), resolved.value(), error);
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        problems.write(request, response, resolved, Problems.type(Problems.slugFor(resolved.value())),
                Problems.messageKeyFor(resolved.value()));
    }
}

package dev.hybridconf.kit.web;

import java.io.IOException;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import dev.hybridconf.kit.errors.ProblemWriter;
import dev.hybridconf.kit.errors.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers what Spring Security's firewall refuses ({@code //}, {@code ..}, {@code ;}, an encoded
 * {@code %}, a method it does not know) with problem details: 405 {@code method-not-allowed} with
 * {@code Allow} for an unknown method, 400 {@code malformed-request} for everything else.
 */
public class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    /** The methods the services implement; anything else ({@code TRACK}, {@code PROPFIND}) is refused. */
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    private final ProblemWriter problems;

    public ProblemRequestRejectedHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            RequestRejectedException rejected) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        if (!METHODS.contains(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, ALLOW);
            problems.write(request, response, HttpStatus.METHOD_NOT_ALLOWED, Problems.METHOD_NOT_ALLOWED,
                    "problem.method-not-allowed");
            return;
        }
        problems.write(request, response, HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST,
                "problem.malformed-request");
    }
}

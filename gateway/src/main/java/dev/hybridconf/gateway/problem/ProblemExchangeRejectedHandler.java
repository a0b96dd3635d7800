package dev.hybridconf.gateway.problem;

import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Answers what Spring Security's firewall refuses at the edge ({@code //}, {@code ..}, {@code ;}, an
 * encoded {@code /} or NUL, a header value with control characters, a method it does not know) with
 * problem details, where its default answers an empty 400: 405 {@code method-not-allowed} with
 * {@code Allow} for {@code TRACE} and every other unknown method, 400 {@code malformed-request} for the
 * rest. Nothing refused here reaches a service.
 */
@Component
public class ProblemExchangeRejectedHandler implements ServerExchangeRejectedHandler {

    /** The methods the platform serves; {@code TRACE} is refused on purpose (it would echo credentials). */
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    private final ProblemResponses problems;

    public ProblemExchangeRejectedHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.empty();
        }
        if (!METHODS.contains(exchange.getRequest().getMethod().name())) {
            exchange.getResponse().getHeaders().set(HttpHeaders.ALLOW, ALLOW);
            return problems.write(exchange, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                    "problem.method-not-allowed");
        }
        return problems.write(exchange, HttpStatus.BAD_REQUEST, "malformed-request", "problem.malformed-request");
    }
}

package dev.hybridconf.gateway.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.netty.channel.ConnectTimeoutException;
import reactor.core.publisher.Mono;

/**
 * Turns every error that reaches the gateway's own error handling into a problem detail. Upstream
 * failures get their own statuses so a caller (and an alert) can tell them apart: an upstream that
 * refuses connections or cannot be resolved is 503, one that does not connect or answer within
 * the configured timeouts is 504, one that breaks the exchange half-way is 502.
 *
 * <p>Ordered ahead of Spring Boot's default handler, which would render a Whitelabel page for a
 * browser and a non-problem JSON body for everyone else.
 */
@Component
@Order(-2)
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final ProblemResponses problems;

    public ProblemErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            // Part of an upstream answer is already on its way; nothing sensible can replace it.
            return Mono.error(error);
        }
        Problem problem = classify(error);
        if (problem.status().is5xxServerError()) {
            String route = routeId(exchange);
            if (problem.slug().startsWith("upstream-")) {
                log.warn("{} {} via route {}: {} ({})", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(), route, problem.status().value(), error.toString());
            } else {
                log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
            }
        }
        return problems.write(exchange, problem.status(), problem.slug(), problem.messageKey());
    }

    static Problem classify(Throwable error) {
        if (error instanceof ResponseStatusException statusError) {
            return forStatus(statusError.getStatusCode().value());
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectTimeoutException || cause instanceof TimeoutException) {
                return forStatus(504);
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return forStatus(503);
            }
            if (cause instanceof IOException) {
                return forStatus(502);
            }
        }
        return forStatus(500);
    }

    private static Problem forStatus(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        }
        String slug = switch (status.value()) {
            case 502 -> "upstream-failure";
            case 503 -> "upstream-unavailable";
            case 504 -> "upstream-timeout";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 400 -> "malformed-request";
            case 414 -> "uri-too-long";
            case 431 -> "headers-too-large";
            case 500 -> "internal";
            default -> "http-" + status.value();
        };
        return new Problem(status, slug);
    }

    private static String routeId(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route != null ? route.getId() : "-";
    }

    /** What the caller is told: status and problem type slug; the sentence is looked up in their language. */
    record Problem(HttpStatus status, String slug) {

        String messageKey() {
            return slug.startsWith("http-") ? "problem.http" : "problem." + slug;
        }
    }
}

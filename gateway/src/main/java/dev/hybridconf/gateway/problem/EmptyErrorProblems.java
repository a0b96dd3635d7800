package dev.hybridconf.gateway.problem;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Gives problem details to an error the gateway answers with no body at all (the actuator's 404 for
 * a health group that does not exist, a handler that only sets a status). An answer with a body is left
 * alone, and so is everything a service sent: the routing filter writes a service's answer as a body,
 * even an empty one, so it is relayed unchanged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class EmptyErrorProblems implements WebFilter {

    private final ProblemResponses problems;

    public EmptyErrorProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse original = exchange.getResponse();
        ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(original) {

            @Override
            public Mono<Void> setComplete() {
                HttpStatusCode status = getStatusCode();
                HttpStatus known = status == null ? null : HttpStatus.resolve(status.value());
                if (known != null && known.value() >= 400 && !isCommitted()) {
                    ProblemErrorHandler.Problem problem = ProblemErrorHandler.classify(new ResponseStatusException(known));
                    return problems.write(exchange, original, problem.status(), problem.slug(), problem.messageKey());
                }
                return super.setComplete();
            }
        };
        return chain.filter(exchange.mutate().response(response).build());
    }
}

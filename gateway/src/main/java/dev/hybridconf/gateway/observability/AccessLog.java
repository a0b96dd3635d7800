package dev.hybridconf.gateway.observability;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import reactor.core.publisher.Mono;

/**
 * One line per request that reached the gateway: method, path (never the query, which may hold an access
 * token), status and time taken, under the request's trace id. The trace id is the one the gateway passes
 * to the service it routes to, which carries it through its outbox to every consumer of the events the
 * request caused (ADR 0014): grep one id across every log to follow a request.
 */
@Component
@ConditionalOnBooleanProperty(name = "gateway.access-log.enabled", matchIfMissing = true)
class AccessLog implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);
    private static final int MAX_PATH = 200;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> write(exchange, started));
    }

    private void write(ServerWebExchange exchange, long started) {
        if (!log.isInfoEnabled()) {
            return;
        }
        Optional<Span> span = span(exchange);
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        long millis = (System.nanoTime() - started) / 1_000_000;
        try (var traceId = MDC.putCloseable("traceId", span.map(s -> s.context().traceId()).orElse(""));
                var spanId = MDC.putCloseable("spanId", span.map(s -> s.context().spanId()).orElse(""))) {
            log.info("{} {} -> {} in {} ms", exchange.getRequest().getMethod().name(),
                    printable(exchange.getRequest().getPath().value()), status == null ? "-" : status.value(), millis);
        }
    }

    /** The span of the request's server observation (the one whose context the gateway passes on). */
    private static Optional<Span> span(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan);
    }

    /** The path as sent, cut short, with control characters replaced: nobody writes lines into the log. */
    static String printable(String path) {
        String cut = path.length() > MAX_PATH ? path.substring(0, MAX_PATH) + "…" : path;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }

    @Override
    public int getOrder() {
        // First in, so the time covers security and routing; the observation filter runs before every WebFilter.
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

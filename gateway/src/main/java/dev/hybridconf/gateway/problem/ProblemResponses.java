package dev.hybridconf.gateway.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem detail straight to a reactive response. Used where no controller is involved:
 * the security entry point and the error handler. Serialising a handful of fields is cheap, so it
 * happens on the calling thread; nothing here blocks.
 */
@Component
public class ProblemResponses {

    /** Same base as the services' problem types, so a client handles both alike. */
    private static final String TYPE_BASE = "https://hybridconf.dev/problems/";

    /** The languages every sentence exists in; any other gets English. */
    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"));

    private final JsonMapper mapper;
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    public ProblemResponses(JsonMapper mapper) {
        this.mapper = mapper;
        messages.setBasename("i18n/gateway-problems");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setUseCodeAsDefaultMessage(true);
        messages.setAlwaysUseMessageFormat(true);
        // Load the bundles now, so that answering never reads the classpath on an event-loop thread.
        LANGUAGES.forEach(language -> messages.getMessage("problem.internal", null, language));
    }

    private static Locale language(ServerWebExchange exchange) {
        Locale requested;
        try {
            requested = exchange.getLocaleContext().getLocale();
        } catch (RuntimeException unreadable) {
            // An Accept-Language the firewall refuses or that cannot be parsed: answer in English.
            requested = null;
        }
        return supported(requested);
    }

    /** The supported language closest to {@code requested}: en, fr or es; English for anything else. */
    public static Locale supported(Locale requested) {
        if (requested != null) {
            for (Locale language : LANGUAGES) {
                if (language.getLanguage().equals(requested.getLanguage())) {
                    return language;
                }
            }
        }
        return Locale.ENGLISH;
    }

    /**
     * A problem detail as JSON bytes, for answers written below WebFlux (Netty's own refusals).
     *
     * @param instance the request path, or null when the request could not be read
     */
    public byte[] body(HttpStatus status, String slug, String messageKey, Locale language, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type(slug).toString());
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", messages.getMessage(messageKey, null, supported(language)));
        if (instance != null) {
            problem.put("instance", instance);
        }
        return mapper.writeValueAsBytes(problem);
    }

    /** The stable type URI for a problem slug, e.g. {@code upstream-timeout}. */
    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /**
     * Answers the exchange with a problem detail.
     *
     * @param slug       last segment of the problem type URI
     * @param messageKey the sentence for the caller in {@code i18n/gateway-problems}, written in the
     *                   language of their {@code Accept-Language} (en, fr or es)
     */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String messageKey) {
        return write(exchange, exchange.getResponse(), status, slug, messageKey);
    }

    /** As {@link #write(ServerWebExchange, HttpStatus, String, String)}, to a response that decorates the exchange's. */
    public Mono<Void> write(ServerWebExchange exchange, ServerHttpResponse response, HttpStatus status, String slug,
            String messageKey) {
        byte[] bytes = body(status, slug, messageKey, language(exchange), exchange.getRequest().getPath().value());

        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(bytes.length);
        DataBuffer body = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(body));
    }
}

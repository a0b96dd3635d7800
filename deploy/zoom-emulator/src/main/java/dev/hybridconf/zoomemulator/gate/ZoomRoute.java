package dev.hybridconf.zoomemulator.gate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One emulated Zoom endpoint.
 *
 * @param method the HTTP method
 * @param template the path as Zoom's reference writes it, e.g. {@code /v2/meetings/{meetingId}}
 * @param category its rate-limit category, or {@code null} where none applies (the token endpoint)
 */
public record ZoomRoute(String method, String template, RateCategory category) {

    private static final PathPatternParser PARSER = new PathPatternParser();
    private static final Map<String, PathPattern> PATTERNS = new ConcurrentHashMap<>();

    /** How the admin API and the call log name it: {@code "POST /v2/users/{userId}/meetings"}. */
    public String endpoint() {
        return method + " " + template;
    }

    boolean matches(String requestMethod, String path) {
        return method.equalsIgnoreCase(requestMethod) && pattern().matches(PathContainer.parsePath(path));
    }

    private PathPattern pattern() {
        return PATTERNS.computeIfAbsent(template, PARSER::parse);
    }
}

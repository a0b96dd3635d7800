package dev.hybridconf.testinfra.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint of a service as its handler mapping declares it: a method, a path pattern, the path
 * variables, query parameters and headers its handler reads, and whether it takes a body.
 *
 * @param method  the HTTP method (GET for a mapping that accepts any)
 * @param pattern the path pattern, e.g. {@code /api/sessions/{sessionId}/live}
 */
public record Endpoint(String method, String pattern, List<String> pathVariables, List<String> queryParameters,
        List<String> headers, boolean takesBody) {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z0-9_]+)(?::[^}]*)?}");

    public Endpoint {
        pathVariables = List.copyOf(pathVariables);
        queryParameters = List.copyOf(queryParameters);
        headers = List.copyOf(headers);
    }

    /** How the endpoint is named in failures and in a service test's table of example bodies: {@code "PUT /api/x/{id}"}. */
    public String key() {
        return method + " " + pattern;
    }

    /** The variables of a pattern, in order. */
    static List<String> variablesOf(String pattern) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(pattern);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The path with each variable replaced by its raw (already encoded) value. */
    public String path(Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(path, Matcher.quoteReplacement(value == null ? "sample" : value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    @Override
    public String toString() {
        return key();
    }
}

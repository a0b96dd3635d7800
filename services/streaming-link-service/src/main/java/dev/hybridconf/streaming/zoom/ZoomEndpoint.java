package dev.hybridconf.streaming.zoom;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every Zoom endpoint the client calls, with what the limits and retries need to know about it.
 * Categories follow the "Rate Limit Label" of Zoom's API reference; where a label was not certain
 * the stricter category is used. {@link #idempotent()} says whether sending the same request twice
 * leaves Zoom as sending it once: only such calls are retried after Zoom may have received them.
 */
public enum ZoomEndpoint {
    OAUTH_TOKEN("POST", "/oauth/token", RateCategory.LIGHT, false, true),

    GET_USER("GET", "/users/{userId}", RateCategory.LIGHT, false, true),
    GET_USER_SETTINGS("GET", "/users/{userId}/settings", RateCategory.MEDIUM, false, true),
    LIST_MEETINGS("GET", "/users/{userId}/meetings", RateCategory.MEDIUM, false, true),
    LIST_WEBINARS("GET", "/users/{userId}/webinars", RateCategory.MEDIUM, false, true),

    CREATE_MEETING("POST", "/users/{userId}/meetings", RateCategory.MEDIUM, true, false),
    CREATE_WEBINAR("POST", "/users/{userId}/webinars", RateCategory.MEDIUM, true, false),
    GET_MEETING("GET", "/meetings/{meetingId}", RateCategory.LIGHT, false, true),
    GET_WEBINAR("GET", "/webinars/{webinarId}", RateCategory.LIGHT, false, true),
    UPDATE_MEETING("PATCH", "/meetings/{meetingId}", RateCategory.LIGHT, true, true),
    UPDATE_WEBINAR("PATCH", "/webinars/{webinarId}", RateCategory.LIGHT, true, true),
    DELETE_MEETING("DELETE", "/meetings/{meetingId}", RateCategory.LIGHT, false, true),
    DELETE_WEBINAR("DELETE", "/webinars/{webinarId}", RateCategory.LIGHT, false, true),

    /** Zoom answers a repeated e-mail with the same registrant, but each try counts toward its 3-per-day limit. */
    ADD_MEETING_REGISTRANT("POST", "/meetings/{meetingId}/registrants", RateCategory.LIGHT, false, false),
    ADD_WEBINAR_REGISTRANT("POST", "/webinars/{webinarId}/registrants", RateCategory.LIGHT, false, false),
    BATCH_MEETING_REGISTRANTS("POST", "/meetings/{meetingId}/batch_registrants", RateCategory.HEAVY, false, false),
    BATCH_WEBINAR_REGISTRANTS("POST", "/webinars/{webinarId}/batch_registrants", RateCategory.HEAVY, false, false),
    MEETING_REGISTRANT_STATUS("PUT", "/meetings/{meetingId}/registrants/status", RateCategory.MEDIUM, false, true),
    WEBINAR_REGISTRANT_STATUS("PUT", "/webinars/{webinarId}/registrants/status", RateCategory.MEDIUM, false, true),

    GET_MEETING_LIVESTREAM("GET", "/meetings/{meetingId}/livestream", RateCategory.LIGHT, false, true),
    GET_WEBINAR_LIVESTREAM("GET", "/webinars/{webinarId}/livestream", RateCategory.LIGHT, false, true),
    UPDATE_MEETING_LIVESTREAM("PATCH", "/meetings/{meetingId}/livestream", RateCategory.MEDIUM, false, true),
    UPDATE_WEBINAR_LIVESTREAM("PATCH", "/webinars/{webinarId}/livestream", RateCategory.MEDIUM, false, true),
    MEETING_LIVESTREAM_STATUS("PATCH", "/meetings/{meetingId}/livestream/status", RateCategory.MEDIUM, false, true),
    WEBINAR_LIVESTREAM_STATUS("PATCH", "/webinars/{webinarId}/livestream/status", RateCategory.MEDIUM, false, true);

    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

    private final String method;
    private final String template;
    private final RateCategory category;
    private final boolean dailyCapped;
    private final boolean idempotent;

    ZoomEndpoint(String method, String template, RateCategory category, boolean dailyCapped, boolean idempotent) {
        this.method = method;
        this.template = template;
        this.category = category;
        this.dailyCapped = dailyCapped;
        this.idempotent = idempotent;
    }

    public String method() {
        return method;
    }

    /** The path with its variables, e.g. {@code /users/{userId}/meetings}: what metrics and logs show. */
    public String template() {
        return template;
    }

    public RateCategory category() {
        return category;
    }

    /** Counts toward Zoom's 100 create/update requests per host user per day. */
    public boolean dailyCapped() {
        return dailyCapped;
    }

    public boolean idempotent() {
        return idempotent;
    }

    /** {@code POST /users/{userId}/meetings}: the metric tag, never a concrete id. */
    public String label() {
        return method + " " + template;
    }

    /** The path with each variable replaced, in order, by the URL-safe form of the given values. */
    String path(Object... values) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        int index = 0;
        while (matcher.find()) {
            if (index >= values.length) {
                throw new IllegalArgumentException(label() + " needs " + (index + 1) + " path values");
            }
            String value = java.net.URLEncoder.encode(String.valueOf(values[index++]),
                    java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }
}

package dev.hybridconf.zoomemulator.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer in Zoom's error shape: an HTTP status and a body {@code {"code": n, "message": "..."}} (with
 * {@code errors: [{field, message}]} for validation failures), plus any headers Zoom sends with it.
 * The factory methods name the Zoom error codes the emulator uses.
 */
public class ZoomApiException extends RuntimeException {

    private final int status;
    private final int code;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ZoomApiException(int status, int code, String message) {
        this(status, code, message, List.of(), Map.of());
    }

    public ZoomApiException(int status, int code, String message, List<FieldError> errors,
            Map<String, String> headers) {
        super(message);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
        this.headers = new LinkedHashMap<>(headers);
    }

    /** One invalid field of a request body. */
    public record FieldError(String field, String message) {
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** 404, code 1001: the {@code userId} of the path is no user of the account. */
    public static ZoomApiException userNotFound(String userId) {
        return new ZoomApiException(404, 1001, "User does not exist: " + userId + ".");
    }

    /** 404, code 3001: no meeting (or webinar) with this id, or it has been deleted. */
    public static ZoomApiException notFound(boolean webinar, String id) {
        return new ZoomApiException(404, 3001, (webinar ? "Webinar" : "Meeting") + " does not exist: " + id + ".");
    }

    /** 400, code 3000: a webinar id used with the meetings endpoints. */
    public static ZoomApiException isAWebinar() {
        return new ZoomApiException(400, 3000, "Cannot access webinar info.");
    }

    /** 400, code 300: the body is no JSON object. */
    public static ZoomApiException notJson() {
        return new ZoomApiException(400, 300, "Request Body should be a valid JSON object.");
    }

    /** 400, code 300: fields are missing or invalid. */
    public static ZoomApiException validation(List<FieldError> errors) {
        return new ZoomApiException(400, 300, "Validation Failed.", errors, Map.of());
    }

    /** 400, code 300, with a message of its own. */
    public static ZoomApiException badRequest(String message) {
        return new ZoomApiException(400, 300, message);
    }
}

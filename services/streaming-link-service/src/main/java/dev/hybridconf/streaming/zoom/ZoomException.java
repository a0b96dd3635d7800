package dev.hybridconf.streaming.zoom;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A Zoom call that did not do what was asked. Each subclass is one case a caller acts on
 * differently; {@link ZoomApiException} carries any other answer with Zoom's code and message.
 * Messages never hold a URL (Zoom's answers may quote links, and a {@code start_url} logs its
 * holder in as the host), nor a body Zoom sent on success.
 */
public abstract sealed class ZoomException extends RuntimeException
        permits ZoomNotFoundException, ZoomIsWebinarException, ZoomHostCannotRegisterException,
        ZoomRegistrantLimitException, ZoomRateLimitedException, ZoomDailyCapExhaustedException,
        ZoomUnauthorizedException, ZoomServerException, ZoomUnavailableException, ZoomApiException,
        ZoomBatchIncompleteException {

    private static final Pattern URL = Pattern.compile("(?i)\\b(https?|zoommtg)://\\S+");
    private static final int MAX_MESSAGE = 300;

    private final ZoomEndpoint endpoint;
    private final int httpStatus;
    private final Integer zoomCode;
    private final String zoomMessage;

    ZoomException(ZoomEndpoint endpoint, int httpStatus, Integer zoomCode, String zoomMessage, Throwable cause) {
        super(describe(endpoint, httpStatus, zoomCode, sanitize(zoomMessage)), cause);
        this.endpoint = endpoint;
        this.httpStatus = httpStatus;
        this.zoomCode = zoomCode;
        this.zoomMessage = sanitize(zoomMessage);
    }

    /** The endpoint called (its template, never a concrete id). */
    public ZoomEndpoint endpoint() {
        return endpoint;
    }

    /** Zoom's HTTP status, or 0 when no answer came (timeout, connection, circuit open, local refusal). */
    public int httpStatus() {
        return httpStatus;
    }

    /** Zoom's {@code code} from the error body, when it sent one. */
    public OptionalInt zoomCode() {
        return zoomCode == null ? OptionalInt.empty() : OptionalInt.of(zoomCode);
    }

    /** Zoom's {@code message}, with any URL removed. */
    public String zoomMessage() {
        return zoomMessage;
    }

    /**
     * Whether the request may have reached Zoom and taken effect there. {@code false} means it
     * certainly did not (refused locally, circuit open, no connection): repeating it cannot
     * duplicate anything. Callers making a non-idempotent call (creating a meeting) check this
     * before sending it again, and look the object up first when it is {@code true}.
     */
    public boolean mayHaveReachedZoom() {
        return httpStatus != 0;
    }

    static String sanitize(String message) {
        if (message == null) {
            return "";
        }
        String clean = URL.matcher(message).replaceAll("[link]").replaceAll("[\\r\\n]+", " ").strip();
        return clean.length() > MAX_MESSAGE ? clean.substring(0, MAX_MESSAGE) + "..." : clean;
    }

    private static String describe(ZoomEndpoint endpoint, int status, Integer code, String message) {
        StringBuilder text = new StringBuilder("Zoom ").append(endpoint.label());
        if (status != 0) {
            text.append(" answered ").append(status);
        }
        if (code != null) {
            text.append(" code ").append(code);
        }
        if (message != null && !message.isEmpty()) {
            text.append(": ").append(message);
        }
        return text.toString();
    }
}

package dev.hybridconf.streaming.zoom;

/**
 * The meeting or webinar is full (code 3043 "Meeting has reached maximum attendee capacity.",
 * 3035 for webinars).
 */
public final class ZoomRegistrantLimitException extends ZoomException {
    ZoomRegistrantLimitException(ZoomEndpoint endpoint, int status, Integer code, String message) {
        super(endpoint, status, code, message, null);
    }
}

package dev.hybridconf.streaming.zoom;

/**
 * A meeting endpoint was called with a webinar's id (HTTP 400, Zoom code 3000 "Cannot access
 * webinar info."): call the {@link ZoomKind#WEBINAR} variant instead.
 */
public final class ZoomIsWebinarException extends ZoomException {
    ZoomIsWebinarException(ZoomEndpoint endpoint, int status, Integer code, String message) {
        super(endpoint, status, code, message, null);
    }
}

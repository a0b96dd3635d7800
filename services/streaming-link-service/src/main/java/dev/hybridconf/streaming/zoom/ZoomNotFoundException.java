package dev.hybridconf.streaming.zoom;

/** The meeting, webinar or user does not exist (HTTP 404, Zoom code 3001 "Meeting does not exist", 1001 for users). */
public final class ZoomNotFoundException extends ZoomException {
    ZoomNotFoundException(ZoomEndpoint endpoint, int status, Integer code, String message) {
        super(endpoint, status, code, message, null);
    }
}

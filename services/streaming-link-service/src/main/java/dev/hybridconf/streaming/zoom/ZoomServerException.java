package dev.hybridconf.streaming.zoom;

/** Zoom answered 5xx (after the retries allowed for the endpoint). The request may have taken effect. */
public final class ZoomServerException extends ZoomException {
    ZoomServerException(ZoomEndpoint endpoint, int status, Integer code, String message) {
        super(endpoint, status, code, message, null);
    }
}

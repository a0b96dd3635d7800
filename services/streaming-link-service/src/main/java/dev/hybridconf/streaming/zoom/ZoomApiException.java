package dev.hybridconf.streaming.zoom;

/** Any other refusal from Zoom (a 4xx), with Zoom's status, code and message. */
public final class ZoomApiException extends ZoomException {
    ZoomApiException(ZoomEndpoint endpoint, int status, Integer code, String message) {
        super(endpoint, status, code, message, null);
    }
}

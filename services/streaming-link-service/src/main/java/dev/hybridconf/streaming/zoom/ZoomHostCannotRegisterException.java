package dev.hybridconf.streaming.zoom;

/** The registrant is the meeting's host, whom Zoom refuses as a registrant (code 3027 "Host can not register"). */
public final class ZoomHostCannotRegisterException extends ZoomException {
    ZoomHostCannotRegisterException(ZoomEndpoint endpoint, int status, Integer code, String message) {
        super(endpoint, status, code, message, null);
    }
}

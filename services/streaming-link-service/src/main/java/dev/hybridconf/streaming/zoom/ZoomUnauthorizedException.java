package dev.hybridconf.streaming.zoom;

/**
 * Zoom refused the credentials: the token endpoint turned down the client id, secret or account,
 * or an API call still answered 401 after one fresh token. Retrying will not help; an operator
 * must fix the app's credentials or scopes.
 */
public final class ZoomUnauthorizedException extends ZoomException {
    ZoomUnauthorizedException(ZoomEndpoint endpoint, int status, Integer code, String message) {
        super(endpoint, status, code, message, null);
    }
}

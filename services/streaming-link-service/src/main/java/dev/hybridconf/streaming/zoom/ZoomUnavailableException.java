package dev.hybridconf.streaming.zoom;

/**
 * No answer from Zoom: a timeout, a broken connection, or the circuit breaker open after repeated
 * failures (then nothing was sent). {@link #mayHaveReachedZoom()} tells whether the request could
 * have arrived (a read timeout) or certainly did not (connection refused, circuit open).
 */
public final class ZoomUnavailableException extends ZoomException {

    /** Why no answer came. */
    public enum Reason {
        TIMEOUT, CONNECTION, CIRCUIT_OPEN
    }

    private final Reason reason;
    private final boolean reached;

    ZoomUnavailableException(ZoomEndpoint endpoint, Reason reason, boolean reached, String message, Throwable cause) {
        super(endpoint, 0, null, message, cause);
        this.reason = reason;
        this.reached = reached;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public boolean mayHaveReachedZoom() {
        return reached;
    }
}

package dev.hybridconf.kit.redis;

/**
 * The handler's view is being rebuilt (its keys are being dropped): nothing was written; the event is retried,
 * and applied once the rebuild has reset the handler's positions.
 */
public class RebuildInProgressException extends RuntimeException {

    public RebuildInProgressException(String handler) {
        super("the view of " + handler + " is being rebuilt");
    }
}

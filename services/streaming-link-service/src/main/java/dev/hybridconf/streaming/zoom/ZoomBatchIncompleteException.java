package dev.hybridconf.streaming.zoom;

import java.util.List;

/**
 * A list of registrants split into batches of 30 stopped part-way: {@link #registered()} holds the
 * join links of the batches Zoom accepted, {@link #notRegistered()} the registrants still to send,
 * and the cause the batch's own error.
 */
public final class ZoomBatchIncompleteException extends ZoomException {

    private final transient List<RegisteredParticipant> registered;
    private final transient List<Registrant> notRegistered;

    ZoomBatchIncompleteException(ZoomException cause, List<RegisteredParticipant> registered,
            List<Registrant> notRegistered) {
        super(cause.endpoint(), cause.httpStatus(), cause.zoomCode().isPresent() ? cause.zoomCode().getAsInt() : null,
                cause.zoomMessage(), cause);
        this.registered = List.copyOf(registered);
        this.notRegistered = List.copyOf(notRegistered);
    }

    public List<RegisteredParticipant> registered() {
        return registered;
    }

    public List<Registrant> notRegistered() {
        return notRegistered;
    }

    /** The failed batch's own error. */
    public ZoomException failure() {
        return (ZoomException) getCause();
    }

    @Override
    public boolean mayHaveReachedZoom() {
        return failure().mayHaveReachedZoom();
    }
}

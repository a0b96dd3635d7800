package dev.hybridconf.streaming.zoom;

/** The meeting, webinar or user does not exist (HTTP 404, Zoom code 3001 "Meeting does not exist", 1001 for users). */
public final class ZoomNotFoundException extends ZoomException {

    /** Zoom's code for a meeting or webinar that does not exist (never was, was deleted, or has expired). */
    public static final int MEETING_DOES_NOT_EXIST = 3001;

    ZoomNotFoundException(ZoomEndpoint endpoint, int status, Integer code, String message) {
        super(endpoint, status, code, message, null);
    }

    /**
     * Whether Zoom said the meeting or webinar itself does not exist (code 3001), as opposed to a missing user or an
     * unknown path: only that answer means a meeting the platform holds was lost.
     */
    public boolean meetingMissing() {
        return zoomCode().orElse(0) == MEETING_DOES_NOT_EXIST;
    }

    /** Whether this failure (a batch's own failure included) is Zoom saying the meeting does not exist. */
    public static boolean meetingMissing(ZoomException failure) {
        ZoomException cause = failure instanceof ZoomBatchIncompleteException batch ? batch.failure() : failure;
        return cause instanceof ZoomNotFoundException notFound && notFound.meetingMissing();
    }
}

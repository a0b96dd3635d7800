package dev.hybridconf.contracts.streaming;

/**
 * A session's Zoom meeting or webinar was deleted because the session was cancelled (or no longer
 * needs one, e.g. it became in-person only). Its join links no longer work.
 *
 * @param reason {@code SESSION_CANCELLED} or {@code NOT_STREAMED}
 */
public record LinkRemoved(String sessionId, String conferenceId, String meetingId, String reason)
        implements StreamingEvent {

    public static final String TYPE = "streaming.link-removed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

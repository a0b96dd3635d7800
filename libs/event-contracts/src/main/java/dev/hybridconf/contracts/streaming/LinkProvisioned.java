package dev.hybridconf.contracts.streaming;

import java.time.Instant;

/**
 * A session's Zoom meeting or webinar exists and matches the programme (created, or updated after a
 * reschedule). Carries no link: join links are personal and host links are never published.
 *
 * @param meetingId       Zoom's meeting or webinar number, as a string (it can exceed 10 digits)
 * @param zoomKind        {@code MEETING} or {@code WEBINAR}
 * @param hostUserId      the host user from the pool (an e-mail or Zoom user id)
 * @param sessionVersion  the session version the meeting now matches
 * @param created         true when the meeting was created by this step, false when it was updated
 */
public record LinkProvisioned(
        String sessionId,
        String conferenceId,
        String meetingId,
        String zoomKind,
        String hostUserId,
        Instant start,
        Instant end,
        long sessionVersion,
        boolean created) implements StreamingEvent {

    public static final String TYPE = "streaming.link-provisioned.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

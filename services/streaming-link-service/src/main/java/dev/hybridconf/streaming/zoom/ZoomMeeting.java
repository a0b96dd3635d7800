package dev.hybridconf.streaming.zoom;

import java.time.Instant;

/**
 * A meeting or webinar as Zoom describes it (create and get answers).
 *
 * <p>{@link #startUrl()} logs its holder in as the host and expires (about two hours): give it only to
 * streaming staff who asked for it, never to a log, an event or a participant. {@link #toString()}
 * leaves it out.
 *
 * @param id   the meeting number (can exceed 10 digits)
 * @param type 2 scheduled meeting, 5 webinar
 */
public record ZoomMeeting(
        Long id,
        String uuid,
        String hostId,
        String hostEmail,
        String topic,
        Integer type,
        String status,
        Instant startTime,
        Integer duration,
        String timezone,
        String agenda,
        Instant createdAt,
        String joinUrl,
        String registrationUrl,
        String password,
        String startUrl,
        MeetingSettings settings) {

    public ZoomKind kind() {
        return type != null && (type == 5 || type == 6 || type == 9) ? ZoomKind.WEBINAR : ZoomKind.MEETING;
    }

    @Override
    public String toString() {
        return "ZoomMeeting[id=" + id + ", hostId=" + hostId + ", topic=" + topic + ", type=" + type + ", status="
                + status + ", startTime=" + startTime + ", duration=" + duration + ", timezone=" + timezone
                + ", startUrl=" + (startUrl == null ? "null" : "[redacted]") + ", settings=" + settings + "]";
    }
}

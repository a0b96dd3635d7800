package dev.hybridconf.streaming.zoom;

import java.time.Instant;

/**
 * The body of a meeting or webinar create ({@code POST /users/{userId}/meetings|webinars}) or update
 * ({@code PATCH /meetings/{id}}). Fields left {@code null} are not sent, so an update changes only
 * what it names.
 *
 * @param type      2 for a scheduled meeting, 5 for a webinar ({@link #SCHEDULED_MEETING}, {@link #WEBINAR})
 * @param startTime sent in UTC, as Zoom expects ({@code yyyy-MM-ddTHH:mm:ssZ})
 * @param duration  minutes
 * @param timezone  an IANA zone id, for how Zoom shows the time to people
 */
public record MeetingRequest(
        String topic,
        Integer type,
        Instant startTime,
        Integer duration,
        String timezone,
        String agenda,
        MeetingSettings settings) {

    public static final int SCHEDULED_MEETING = 2;
    public static final int WEBINAR = 5;

    /** Only the settings, for an update that changes nothing else (e.g. the interpreters). */
    public static MeetingRequest settingsOnly(MeetingSettings settings) {
        return new MeetingRequest(null, null, null, null, null, null, settings);
    }
}

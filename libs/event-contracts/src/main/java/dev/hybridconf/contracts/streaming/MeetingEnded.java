package dev.hybridconf.contracts.streaming;

import java.time.Instant;

/** The Zoom meeting (or webinar) of a session ended (Zoom's {@code meeting.ended}). */
public record MeetingEnded(String sessionId, Instant occurredAt) implements StreamingEvent {

    public static final String TYPE = "streaming.meeting-ended.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

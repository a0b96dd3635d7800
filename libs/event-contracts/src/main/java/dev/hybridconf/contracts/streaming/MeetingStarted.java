package dev.hybridconf.contracts.streaming;

import java.time.Instant;

/** The Zoom meeting (or webinar) of a session started (Zoom's {@code meeting.started}). */
public record MeetingStarted(String sessionId, Instant occurredAt) implements StreamingEvent {

    public static final String TYPE = "streaming.meeting-started.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

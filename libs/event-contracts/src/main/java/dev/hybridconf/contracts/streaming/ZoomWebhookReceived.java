package dev.hybridconf.contracts.streaming;

import java.time.Instant;

import dev.hybridconf.contracts.EventPayload;

/**
 * A verified Zoom webhook, as the streaming-link service hands it from its HTTP endpoint to its own
 * consumer on the internal topic {@code streaming.zoom-webhooks} (never on {@code streaming.events}).
 * Only what the platform acts on is kept: no names or e-mails of participants.
 *
 * @param zoomEvent         Zoom's event name, e.g. {@code meeting.started}, {@code webinar.participant_left}
 * @param meetingId         the meeting or webinar number, as a string
 * @param meetingUuid       the instance uuid (a new one each time a meeting starts)
 * @param occurredAt        when it happened at Zoom (start, end, join or leave time, else {@code event_ts})
 * @param registrantId      for participant events in a meeting with registration, the registrant, else null
 * @param participantUuid   for participant events, Zoom's id of this participant in this instance, else null
 */
public record ZoomWebhookReceived(
        String zoomEvent,
        String meetingId,
        String meetingUuid,
        Instant occurredAt,
        String registrantId,
        String participantUuid) implements EventPayload {

    public static final String TYPE = "streaming.zoom-webhook-received.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    /** Keyed by meeting so that one meeting's webhooks stay in order. */
    @Override
    public String aggregateId() {
        return meetingId;
    }
}

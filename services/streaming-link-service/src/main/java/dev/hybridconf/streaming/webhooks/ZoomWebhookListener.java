package dev.hybridconf.streaming.webhooks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.streaming.ZoomWebhookReceived;
import dev.hybridconf.streaming.catalog.Sessions;
import dev.hybridconf.streaming.provisioning.LostMeetings;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Consumes the service's own {@code streaming.zoom-webhooks}: started/ended become live status and meeting
 * events, participant joined/left become attendance, live streaming started/stopped a state field, and deleted a
 * lost meeting to repair ({@link LostMeetings}) unless the platform deleted it itself. Webhooks of meetings the
 * platform does not know are counted and skipped; each event id is applied once (a deletion is reported once per
 * meeting, however often it arrives); poison records go to the dead-letter topic.
 */
@Component
class ZoomWebhookListener {

    private static final Logger log = LoggerFactory.getLogger(ZoomWebhookListener.class);

    private final EventCodec codec;
    private final Sessions sessions;
    private final LiveStatus live;
    private final Attendance attendance;
    private final LostMeetings lost;
    private final MeterRegistry meters;

    ZoomWebhookListener(EventCodec codec, Sessions sessions, LiveStatus live, Attendance attendance,
            LostMeetings lost, MeterRegistry meters) {
        this.codec = codec;
        this.sessions = sessions;
        this.live = live;
        this.attendance = attendance;
        this.lost = lost;
        this.meters = meters;
    }

    @KafkaListener(id = "zoom-webhooks", idIsGroup = false,
            topics = "#{@topicNames.physical('streaming.zoom-webhooks')}")
    void on(CloudEvent event) {
        if (!ZoomWebhookReceived.TYPE.equals(event.type())) {
            meters.counter("zoom.webhooks.consumed", "event", "other", "outcome", "skipped").increment();
            return;
        }
        ZoomWebhookReceived received = codec.payload(event, ZoomWebhookReceived.class);
        String zoomEvent = received.zoomEvent();
        String what = zoomEvent.substring(zoomEvent.indexOf('.') + 1);
        String outcome;
        String sessionId = sessions.sessionOfMeeting(received.meetingId()).orElse(null);
        if (sessionId == null) {
            outcome = "unknown-meeting";
        } else {
            String eventId = event.id().toString();
            outcome = switch (what) {
                case "started" -> live.apply(eventId, sessionId, received, true);
                case "ended" -> live.apply(eventId, sessionId, received, false);
                case "participant_joined" -> attendance.apply(eventId, sessionId, received, true);
                case "participant_left" -> attendance.apply(eventId, sessionId, received, false);
                case "live_streaming_started" -> live.liveStream(eventId, sessionId, true);
                case "live_streaming_stopped" -> live.liveStream(eventId, sessionId, false);
                case "deleted" -> lost.deletedAtZoom(sessionId, received.meetingId());
                default -> "skipped";
            };
        }
        meters.counter("zoom.webhooks.consumed", "event", zoomEvent, "outcome", outcome).increment();
        if (!"applied".equals(outcome)) {
            log.debug("Zoom webhook {} of meeting {}: {}", zoomEvent, received.meetingId(), outcome);
        }
    }
}

package dev.hybridconf.session.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.streaming.MeetingEnded;
import dev.hybridconf.contracts.streaming.MeetingStarted;
import dev.hybridconf.session.live.LiveState.Status;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Applies the streaming service's meeting events to live status: {@code streaming.meeting-started.v1}
 * makes a session live, {@code streaming.meeting-ended.v1} ends it. Each event id is applied once; a
 * late "started" after "ended" is ignored. Other streaming types are skipped.
 */
@Component
class StreamingEventsListener {

    private static final Logger log = LoggerFactory.getLogger(StreamingEventsListener.class);

    private final LiveStatuses live;
    private final EventCodec codec;
    private final MeterRegistry meters;

    StreamingEventsListener(LiveStatuses live, EventCodec codec, MeterRegistry meters) {
        this.live = live;
        this.codec = codec;
        this.meters = meters;
    }

    @KafkaListener(id = "streaming-events", idIsGroup = false, topics = "#{@topicNames.physical('streaming.events')}")
    void on(CloudEvent event) {
        String outcome = switch (event.type()) {
            case MeetingStarted.TYPE -> {
                MeetingStarted started = codec.payload(event, MeetingStarted.class);
                yield live.apply(event.id().toString(), started.sessionId(), Status.LIVE, started.occurredAt());
            }
            case MeetingEnded.TYPE -> {
                MeetingEnded ended = codec.payload(event, MeetingEnded.class);
                yield live.apply(event.id().toString(), ended.sessionId(), Status.ENDED, ended.occurredAt());
            }
            default -> "skipped";
        };
        meters.counter("events.consumed", "type", event.type(), "outcome", outcome).increment();
        if (!"applied".equals(outcome)) {
            log.debug("Streaming event {} ({}): {}", event.id(), event.type(), outcome);
        }
    }
}

package dev.hybridconf.streaming.participants;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.session.SessionEnrolled;
import dev.hybridconf.contracts.session.SessionEnrolmentCancelled;
import dev.hybridconf.contracts.session.SessionEnrolmentPromoted;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps breakout enrolments from the enrolment events of {@code session.events}: only a place counts
 * ({@code ENROLLED} or promoted), a waiting-list entry does not. Programme events are provisioning's and
 * skipped here; this listener has its own consumer group so that provisioning's listener on the same topic
 * still sees every event.
 */
@Component
class EnrolmentEventsListener {

    private static final Logger log = LoggerFactory.getLogger(EnrolmentEventsListener.class);

    private final ParticipantCopy participants;
    private final EventCodec codec;
    private final MeterRegistry meters;

    EnrolmentEventsListener(ParticipantCopy participants, EventCodec codec, MeterRegistry meters) {
        this.participants = participants;
        this.codec = codec;
        this.meters = meters;
    }

    @KafkaListener(id = "streaming-enrolments",
            groupId = "#{@topicNames.group('streaming-link-service')}.enrolments",
            topics = "#{@topicNames.physical('session.events')}")
    void on(CloudEvent event) {
        String id = event.id().toString();
        String outcome = switch (event.type()) {
            case SessionEnrolled.TYPE -> {
                SessionEnrolled e = codec.payload(event, SessionEnrolled.class);
                yield "ENROLLED".equals(e.status()) ? participants.enrolled(id, e.sessionId(), e.registrationId())
                        : "skipped";
            }
            case SessionEnrolmentPromoted.TYPE -> {
                SessionEnrolmentPromoted e = codec.payload(event, SessionEnrolmentPromoted.class);
                yield participants.enrolled(id, e.sessionId(), e.registrationId());
            }
            case SessionEnrolmentCancelled.TYPE -> {
                SessionEnrolmentCancelled e = codec.payload(event, SessionEnrolmentCancelled.class);
                yield participants.enrolmentCancelled(id, e.sessionId(), e.registrationId());
            }
            default -> "skipped";
        };
        if (!"skipped".equals(outcome)) {
            meters.counter("events.consumed", "type", event.type(), "outcome", outcome).increment();
        }
        log.debug("Session event {} ({}): {}", event.id(), event.type(), outcome);
    }
}

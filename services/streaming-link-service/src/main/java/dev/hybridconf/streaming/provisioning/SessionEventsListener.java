package dev.hybridconf.streaming.provisioning;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.session.SessionCancelled;
import dev.hybridconf.contracts.session.SessionRescheduled;
import dev.hybridconf.contracts.session.SessionScheduled;
import dev.hybridconf.contracts.session.SessionUpdated;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Applies {@code session.scheduled/updated/rescheduled/cancelled.v1} to the sessions' desired state; the
 * provisioning worker does the Zoom work, so a slow Zoom never stalls consumption. Other types are skipped.
 *
 * <p>Its own consumer group ({@code <service group>.provisioning}): other listeners of the service on
 * {@code session.events} (enrolments) each get every partition too, instead of sharing them with this one.
 */
@Component
class SessionEventsListener {

    private static final Logger log = LoggerFactory.getLogger(SessionEventsListener.class);

    private final DesiredSessions desired;
    private final EventCodec codec;
    private final MeterRegistry meters;

    SessionEventsListener(DesiredSessions desired, EventCodec codec, MeterRegistry meters) {
        this.desired = desired;
        this.codec = codec;
        this.meters = meters;
    }

    @KafkaListener(id = "streaming-provisioning", idIsGroup = false,
            groupId = "#{@topicNames.group('streaming-link-service')}.provisioning",
            topics = "#{@topicNames.physical('session.events')}")
    void on(CloudEvent event) {
        String id = event.id().toString();
        DesiredSessions.Applied applied = switch (event.type()) {
            case SessionScheduled.TYPE -> desired.scheduled(id, codec.payload(event, SessionScheduled.class));
            case SessionUpdated.TYPE -> desired.updated(id, codec.payload(event, SessionUpdated.class));
            case SessionRescheduled.TYPE -> desired.rescheduled(id, codec.payload(event, SessionRescheduled.class));
            case SessionCancelled.TYPE -> desired.cancelled(id, codec.payload(event, SessionCancelled.class));
            default -> null;
        };
        String outcome = applied == null ? "skipped" : applied.name().toLowerCase(java.util.Locale.ROOT);
        meters.counter("events.consumed", "type", event.type(), "outcome", outcome).increment();
        if (applied != DesiredSessions.Applied.APPLIED) {
            log.debug("Session event {} ({}): {}", event.id(), event.type(), outcome);
        }
    }
}

package dev.hybridconf.streaming.interpretation;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.EventTypes;
import dev.hybridconf.contracts.interpretation.InterpretationPlanPublished;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps the sessions' published interpretation from {@code interpretation.events}. The plan's own event
 * ({@code interpretation.plan-published.v1}) carries nothing a meeting needs (each session's snapshot follows on its
 * own key) and is skipped; another version of a handled type goes to the dead-letter topic rather than being lost.
 * Its own consumer group; positions, idempotence and dead letters are the kit's.
 */
@Component
class InterpretationEventsListener {

    static final String LISTENER_ID = "streaming-interpretation";

    private static final Logger log = LoggerFactory.getLogger(InterpretationEventsListener.class);
    private static final List<String> HANDLED = List.of(SessionInterpretationPublished.TYPE,
            InterpretationPlanPublished.TYPE);

    private final InterpretationCopy copy;
    private final EventCodec codec;
    private final MeterRegistry meters;

    InterpretationEventsListener(InterpretationCopy copy, EventCodec codec, MeterRegistry meters) {
        this.copy = copy;
        this.codec = codec;
        this.meters = meters;
    }

    @KafkaListener(id = LISTENER_ID,
            groupId = "#{@topicNames.group('streaming-link-service')}.interpretation",
            topics = "#{@topicNames.physical('interpretation.events')}")
    void on(CloudEvent event) {
        String outcome;
        if (SessionInterpretationPublished.TYPE.equals(event.type())) {
            outcome = copy.published(event, codec.payload(event, SessionInterpretationPublished.class));
        } else {
            EventTypes.requireKnownVersion(event.type(), HANDLED);
            outcome = "skipped";
        }
        meters.counter("events.consumed", "type", event.type(), "outcome", outcome).increment();
        log.debug("Interpretation event {} ({}) of {}: {}", event.id(), event.type(), event.subject(), outcome);
    }
}

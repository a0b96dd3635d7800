package dev.hybridconf.session.interpretation;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.EventTypes;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Applies the interpretation service's published session interpretations to the programme's language view.
 * {@code interpretation.plan-published.v1} and other types are skipped (their position moves all the same);
 * another version of {@code interpretation.session-interpretation-published} goes to the dead-letter topic, as
 * does an event that does not match its schema.
 */
@Component
class InterpretationEventsListener {

    private static final Logger log = LoggerFactory.getLogger(InterpretationEventsListener.class);

    static final String LISTENER_ID = "interpretation-events";

    private static final List<String> HANDLED = List.of(SessionInterpretationPublished.TYPE);

    private final SessionInterpretations interpretations;
    private final EventCodec codec;
    private final MeterRegistry meters;

    InterpretationEventsListener(SessionInterpretations interpretations, EventCodec codec, MeterRegistry meters) {
        this.interpretations = interpretations;
        this.codec = codec;
        this.meters = meters;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = "#{@topicNames.physical('interpretation.events')}")
    void on(CloudEvent event) {
        String outcome;
        if (SessionInterpretationPublished.TYPE.equals(event.type())) {
            outcome = interpretations.apply(event, codec.payload(event, SessionInterpretationPublished.class));
        } else {
            EventTypes.requireKnownVersion(event.type(), HANDLED);
            outcome = "skipped";
        }
        meters.counter("events.consumed", "type", event.type(), "outcome", outcome).increment();
        if (!"applied".equals(outcome)) {
            log.debug("Interpretation event {} ({}): {}", event.id(), event.type(), outcome);
        }
    }
}

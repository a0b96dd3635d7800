package dev.hybridconf.registration.conference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.session.ConferencePublished;
import dev.hybridconf.contracts.session.ConferenceUpdated;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps the conference copy from {@code session.events}: {@code conference.published.v1} and
 * {@code conference.updated.v1}; every other type of the topic (sessions, enrolments, conclusions, live
 * status) is the session service's business and skipped.
 */
@Component
class ConferenceEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ConferenceEventsListener.class);

    private final ConferenceCopy conferences;
    private final EventCodec codec;
    private final MeterRegistry meters;
    private final ApplicationEventPublisher publisher;

    ConferenceEventsListener(ConferenceCopy conferences, EventCodec codec, MeterRegistry meters,
            ApplicationEventPublisher publisher) {
        this.conferences = conferences;
        this.codec = codec;
        this.meters = meters;
        this.publisher = publisher;
    }

    @KafkaListener(id = "conferences", idIsGroup = false, topics = "#{@topicNames.physical('session.events')}")
    void on(CloudEvent event) {
        ConferenceCopy.Outcome outcome = switch (event.type()) {
            case ConferencePublished.TYPE -> conferences.apply(event, codec.payload(event, ConferencePublished.class));
            case ConferenceUpdated.TYPE -> conferences.apply(event, codec.payload(event, ConferenceUpdated.class));
            default -> null;
        };
        if (outcome == null) {
            return;
        }
        meters.counter("events.consumed", "type", event.type(), "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .increment();
        log.debug("Conference event {} ({}) about {}: {}", event.id(), event.type(), event.subject(), outcome);
        if (outcome == ConferenceCopy.Outcome.APPLIED) {
            publisher.publishEvent(new ConferenceTermsChanged(event.subject()));
        }
    }
}

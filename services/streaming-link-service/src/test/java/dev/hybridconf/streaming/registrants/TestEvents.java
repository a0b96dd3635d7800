package dev.hybridconf.streaming.registrants;

import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.EventPayload;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.testinfra.KafkaProbe;

/**
 * Publishes other services' events onto the physical topics as those services do (CloudEvents JSON keyed by
 * aggregate id), through the JVM's shared test producer, so that hundreds of events go in well under a second.
 */
public final class TestEvents {

    private final EventCodec codec = new EventCodec();
    private final TopicNames topics;

    public TestEvents(TopicNames topics) {
        this.topics = topics;
    }

    public CloudEvent registration(EventPayload payload) {
        return codec.wrap("registration-service", payload);
    }

    public CloudEvent session(EventPayload payload) {
        return codec.wrap("session-service", payload);
    }

    /** Sends every event to its logical topic and waits until Kafka has them all. */
    public void send(String logicalTopic, List<CloudEvent> events) {
        KafkaProbe.shared().sendAll(events.stream().map(event -> new ProducerRecord<>(topics.physical(logicalTopic),
                event.subject(), codec.toJson(event))).toList());
    }

    public void registrationEvents(List<CloudEvent> events) {
        send("registration.events", events);
    }

    public void sessionEvents(List<CloudEvent> events) {
        send("session.events", events);
    }
}

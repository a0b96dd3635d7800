package dev.hybridconf.streaming.registrants;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.EventPayload;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.testinfra.SharedInfrastructure;

/**
 * Publishes other services' events onto the physical topics as those services do (CloudEvents JSON keyed by
 * aggregate id), through one producer, so that hundreds of events go in well under a second.
 */
public final class TestEvents implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final TopicNames topics;
    private final KafkaProducer<String, String> producer;

    public TestEvents(TopicNames topics) {
        this.topics = topics;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    public CloudEvent registration(EventPayload payload) {
        return codec.wrap("registration-service", payload);
    }

    public CloudEvent session(EventPayload payload) {
        return codec.wrap("session-service", payload);
    }

    /** Sends every event to its logical topic and waits until Kafka has them all. */
    public void send(String logicalTopic, List<CloudEvent> events) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        for (CloudEvent event : events) {
            sent.add(producer.send(new ProducerRecord<>(topics.physical(logicalTopic), event.subject(),
                    codec.toJson(event))));
        }
        producer.flush();
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("could not publish to " + logicalTopic, e);
            }
        }
    }

    public void registrationEvents(List<CloudEvent> events) {
        send("registration.events", events);
    }

    public void sessionEvents(List<CloudEvent> events) {
        send("session.events", events);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}

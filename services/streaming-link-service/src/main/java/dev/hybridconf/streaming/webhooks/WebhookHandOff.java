package dev.hybridconf.streaming.webhooks;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.streaming.ZoomWebhookReceived;
import dev.hybridconf.kit.PlatformProperties;
import dev.hybridconf.kit.messaging.TopicNames;

/**
 * Hands a verified webhook to the internal topic {@code streaming.zoom-webhooks}, keyed by meeting, and waits
 * (briefly) for the broker's acknowledgement. No outbox here: nothing is stored before the hand-over, and an
 * event Kafka did not take is answered 503 so that Zoom sends it again.
 */
@Component
class WebhookHandOff {

    static final String TOPIC = "streaming.zoom-webhooks";

    private static final Logger log = LoggerFactory.getLogger(WebhookHandOff.class);

    private final KafkaTemplate<String, Object> kafka;
    private final TopicNames topics;
    private final EventCodec codec;
    private final WebhookProperties settings;
    private final String source;
    private final Clock clock;
    private final ExecutorService senders = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "zoom-webhook-handoff");
        thread.setDaemon(true);
        return thread;
    });

    WebhookHandOff(KafkaTemplate<String, Object> kafka, TopicNames topics, EventCodec codec,
            WebhookProperties settings, PlatformProperties platform, Clock clock) {
        this.kafka = kafka;
        this.topics = topics;
        this.codec = codec;
        this.settings = settings;
        this.source = platform.serviceName();
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    /** True once the broker acknowledged the event within {@code platform.zoom.webhooks.kafka-timeout}. */
    boolean send(UUID eventId, ZoomWebhookReceived received) {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, eventId, source, ZoomWebhookReceived.TYPE,
                received.meetingId(), clock.instant(), CloudEvent.JSON, codec.toTree(received));
        try {
            // send() itself may block on metadata when the broker is away: bound the whole hand-over.
            CompletableFuture.supplyAsync(() -> kafka.send(topics.physical(TOPIC), received.meetingId(), event), senders)
                    .thenCompose(sent -> sent)
                    .get(settings.kafkaTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("Kafka did not acknowledge Zoom webhook {} of meeting {} in time: {}", received.zoomEvent(),
                    received.meetingId(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package dev.hybridconf.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.Topics;
import dev.hybridconf.kit.PlatformProperties;
import dev.hybridconf.kit.redis.RedisStore;

/**
 * The platform's Kafka set-up. Replaces Boot's defaults on purpose: producer idempotence and
 * {@code acks=all} are stated here rather than inherited; values are CloudEvents JSON (raw bytes
 * only on the way to a dead-letter topic); consumers never trust a type header.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    @Bean
    TopicNames topicNames(PlatformProperties platform) {
        return new TopicNames(platform.namespace());
    }

    @Bean
    ProducerFactory<String, Object> kafkaProducerFactory(KafkaProperties kafka, PlatformProperties platform) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, platform.serviceName() + "-" + platform.instanceId());
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(String.class, new StringSerializer());
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(CloudEvent.class, new CloudEventSerializer());
        return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new DelegatingByTypeSerializer(byType));
    }

    @Bean
    KafkaTemplate<String, Object> kafkaTemplate(ProducerFactory<String, Object> producerFactory) {
        KafkaTemplate<String, Object> template = new KafkaTemplate<>(producerFactory);
        template.setObservationEnabled(true);
        return template;
    }

    @Bean
    ConsumerFactory<String, CloudEvent> kafkaConsumerFactory(KafkaProperties kafka, PlatformProperties platform,
            TopicNames topics) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, topics.group(platform.serviceName()));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, platform.serviceName() + "-" + platform.instanceId());
        return new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new ErrorHandlingDeserializer<>(new CloudEventDeserializer()));
    }

    @Bean
    ConsumerHealthIndicator consumersHealthIndicator(Clock clock) {
        return new ConsumerHealthIndicator(clock);
    }

    /**
     * Retries what is transient, dead-letters what is broken ({@link FailureClass}). A transient failure is
     * retried in place (the container seeks back to the failed record, so nothing after it in its partition goes
     * first) with exponential back-off from {@code retry-interval} up to {@code retry-max-interval}, without
     * giving up; an undecodable, schema-invalid, unknown-version or rejected event goes to its dead-letter topic
     * at once; anything else (a defect) after {@code max-attempts} deliveries. Dead letters keep the headers
     * Spring writes (original topic, partition, offset, exception class and message) plus
     * {@value FailureClass#REASON_HEADER}.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, Object> template, TopicNames topics,
            PlatformProperties platform, ConsumerHealthIndicator health) {
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        recoverer.setHeadersFunction((record, exception) -> {
            String reason = FailureClass.of(exception).reason();
            if (reason == null) {
                reason = FailureClass.UNEXPECTED.reason();
            }
            return new RecordHeaders().add(FailureClass.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        });
        var kafka = platform.kafka();
        var handler = new PlatformErrorHandler(recoverer, unexpectedBackOff(kafka));
        handler.setBackOffFunction((record, exception) -> switch (FailureClass.of(exception)) {
            case TRANSIENT -> transientBackOff(kafka);
            case UNEXPECTED -> unexpectedBackOff(kafka);
            default -> new FixedBackOff(0, 0);
        });
        // A failure of another class starts its own back-off (a broken event after an outage goes at once).
        handler.setResetStateOnExceptionChange(true);
        handler.setRetryListeners(health);
        return handler;
    }

    /** Unbounded: a transient failure is waited out however long it lasts, the partition holding its place. */
    private static BackOff transientBackOff(PlatformProperties.Kafka kafka) {
        var backOff = new ExponentialBackOff(kafka.retryInterval().toMillis(), 2.0);
        backOff.setMaxInterval(Math.max(kafka.retryInterval().toMillis(), kafka.retryMaxInterval().toMillis()));
        return backOff;
    }

    private static BackOff unexpectedBackOff(PlatformProperties.Kafka kafka) {
        var backOff = new ExponentialBackOff(kafka.retryInterval().toMillis(), 2.0);
        backOff.setMaxInterval(Math.max(kafka.retryInterval().toMillis(), kafka.retryMaxInterval().toMillis()));
        backOff.setMaxAttempts(Math.max(0, kafka.maxAttempts() - 1L));
        return backOff;
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, CloudEvent> kafkaListenerContainerFactory(
            ConsumerFactory<String, CloudEvent> consumerFactory, DefaultErrorHandler errorHandler,
            ConsumerHealthIndicator health, RedisStore store) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, CloudEvent>();
        factory.setConsumerFactory(consumerFactory);
        factory.setCommonErrorHandler(errorHandler);
        // Each listener keeps its position per partition in Redis, with its effects, and resumes from there.
        factory.setContainerCustomizer(container -> {
            var positions = new ConsumerPositions(container.getListenerId(), store, health);
            container.setRecordInterceptor(positions);
            container.getContainerProperties().setConsumerRebalanceListener(positions);
        });
        factory.getContainerProperties().setObservationEnabled(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        return factory;
    }

    @Bean
    ViewRebuilds viewRebuilds(ObjectProvider<RebuildableView> views, RedisStore store,
            KafkaListenerEndpointRegistry registry) {
        return new ViewRebuilds(views.orderedStream().toList(), store, registry);
    }

    @Bean
    ViewsEndpoint viewsEndpoint(ViewRebuilds rebuilds) {
        return new ViewsEndpoint(rebuilds);
    }

    /** Creates this service's topic and the dead-letter topics of what it consumes (existing ones are left alone). */
    @Bean
    KafkaAdmin.NewTopics platformTopics(PlatformProperties platform, TopicNames topics) {
        List<NewTopic> all = new ArrayList<>();
        var kafka = platform.kafka();
        if (kafka.publishes() != null) {
            all.add(new NewTopic(topics.physical(kafka.publishes()), kafka.partitions(), kafka.replicationFactor()));
        }
        for (String consumed : kafka.consumes()) {
            all.add(new NewTopic(topics.physical(consumed), kafka.partitions(), kafka.replicationFactor()));
            all.add(new NewTopic(topics.deadLetter(consumed), kafka.partitions(), kafka.replicationFactor()));
        }
        return new KafkaAdmin.NewTopics(all.toArray(NewTopic[]::new));
    }
}

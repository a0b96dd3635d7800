package dev.hybridconf.kit.deadletter;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import dev.hybridconf.kit.PlatformProperties;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.ObjectMapper;

/** The dead-letter operations of every service: imported by the kit's wiring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadLetterProperties.class)
@Import(DeadLetterController.class)
public class DeadLetterConfiguration {

    @Bean(destroyMethod = "close")
    DeadLetters deadLetters(KafkaProperties kafka, PlatformProperties platform, TopicNames topics, RedisStore store,
            DeadLetterProperties settings, ObjectMapper json, Clock clock) {
        return new DeadLetters(kafka.buildConsumerProperties(), kafka.buildAdminProperties(), platform, topics, store, settings, json, clock);
    }

    @Bean
    DeadLetterDepth deadLetterDepth(DeadLetters deadLetters, DeadLetterProperties settings, MeterRegistry meters) {
        return new DeadLetterDepth(deadLetters, settings, meters);
    }
}

package dev.hybridconf.streaming.registrants;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.zoom.ZoomClient;
import dev.hybridconf.testinfra.AdjustableClock;

/**
 * What the registrant and join tests stand on, as beans of their context: the {@link ProvisioningStandIn} (on the
 * context's adjustable clock, so import {@link AdjustableClock.Config} too) and the {@link TestEvents} publisher.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RegistrantFixtures {

    @Bean
    ProvisioningStandIn provisioningStandIn(ZoomClient zoom, RedisStore store, StreamingKeys keys,
            AdjustableClock clock) {
        return new ProvisioningStandIn(zoom, store, keys, clock);
    }

    @Bean
    TestEvents testEvents(TopicNames topics) {
        return new TestEvents(topics);
    }
}

package dev.hybridconf.streaming.zoom;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hybridconf.kit.redis.KeySpace;
import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.RedisClient;

/** The service's one {@link ZoomClient}, on the service's Redis key space and meter registry. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ZoomProperties.class)
public class ZoomConfiguration {

    @Bean(destroyMethod = "close")
    ZoomClient zoomClient(ZoomProperties properties, RedisClient redis, KeySpace keys, MeterRegistry meters,
            Clock clock) {
        return ZoomClient.builder(properties, redis, keys).meterRegistry(meters).clock(clock).build();
    }
}

package dev.hybridconf.gateway.observability;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Adds the {@code instance} tag to every meter (the {@code service} tag is plain configuration,
 * {@code management.metrics.tags.service}). Same scheme as the services: host name and process id,
 * unless {@code INSTANCE_ID} names the replica.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    MeterRegistryCustomizer<MeterRegistry> instanceTag(@Value("${INSTANCE_ID:}") String instanceId) {
        String instance = StringUtils.hasText(instanceId) ? instanceId
                : System.getenv().getOrDefault("HOSTNAME", "local") + "-" + ProcessHandle.current().pid();
        return registry -> registry.config().commonTags("instance", instance);
    }
}

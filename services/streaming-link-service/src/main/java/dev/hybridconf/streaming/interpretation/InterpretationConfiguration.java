package dev.hybridconf.streaming.interpretation;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import dev.hybridconf.kit.messaging.RebuildableView;

/**
 * The set-up's settings, its worker's schedule, and its view of {@code interpretation.events}, which an operator can
 * rebuild by replaying the topic ({@code interpretation:desired:*} only: what was applied to each meeting stays, so a
 * rebuild sends Zoom nothing it already has).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(InterpretationProperties.class)
class InterpretationConfiguration {

    @Bean
    RebuildableView interpretationView() {
        return new RebuildableView("interpretation", InterpretationEventsListener.LISTENER_ID,
                List.of(InterpretationKeys.DESIRED_PATTERN));
    }
}

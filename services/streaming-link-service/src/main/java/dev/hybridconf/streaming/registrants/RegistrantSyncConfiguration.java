package dev.hybridconf.streaming.registrants;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import dev.hybridconf.streaming.join.JoinProperties;

/** Turns on the registrant sync's schedule and binds the sync's and the join path's settings. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({RegistrantSyncProperties.class, JoinProperties.class})
class RegistrantSyncConfiguration {
}

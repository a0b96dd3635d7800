package dev.hybridconf.streaming.provisioning;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import dev.hybridconf.streaming.hosts.HostPoolProperties;

/** The settings of the host pool and provisioning, and the scheduler the provisioning worker runs on. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ProvisioningProperties.class, HostPoolProperties.class})
class ProvisioningConfiguration {
}

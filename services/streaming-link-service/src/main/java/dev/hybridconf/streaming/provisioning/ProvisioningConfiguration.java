package dev.hybridconf.streaming.provisioning;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import dev.hybridconf.streaming.hosts.HostPoolProperties;

/**
 * The settings of the host pool, provisioning and the reconciliation of lost meetings, and the scheduler their
 * workers run on.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ProvisioningProperties.class, HostPoolProperties.class,
        ReconciliationProperties.class})
class ProvisioningConfiguration {
}

package dev.hybridconf.interpretation.plan;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import dev.hybridconf.interpretation.planning.Norms;

/**
 * The plan's settings and the norms it builds problems with ({@link Norms} is bound here as well as wherever the
 * planner binds it: Spring registers a configuration properties class once).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PlanProperties.class, Norms.class})
class PlanConfiguration {
}

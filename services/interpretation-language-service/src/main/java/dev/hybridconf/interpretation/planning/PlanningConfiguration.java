package dev.hybridconf.interpretation.planning;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the profession's norms ({@code interpretation.norms}, AIIC defaults) for the planner and the plan. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Norms.class)
class PlanningConfiguration {
}

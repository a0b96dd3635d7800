package dev.hybridconf.interpretation.plan;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The plan's settings ({@code interpretation.solver}); the norms are the planner's ({@code PlanningConfiguration}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlanProperties.class)
class PlanConfiguration {
}

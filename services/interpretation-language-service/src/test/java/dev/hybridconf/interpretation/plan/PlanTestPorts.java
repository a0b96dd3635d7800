package dev.hybridconf.interpretation.plan;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test-scope implementations of the three ports the plan meets, with hand-made data: {@link FixedSessionNeeds},
 * {@link FixedRoster} and {@link TestPlanner} (a small deterministic planner that honours pins and declines). They are
 * {@code @Primary}, so the plan's tests keep them when the service's real implementations are beans too.
 *
 * <p>Until the service's real ports are merged, the boot and hostile-input tests import this too, for the context to
 * start at all; that import goes at the merge.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PlanTestPorts {

    @Bean
    @Primary
    FixedSessionNeeds fixedSessionNeeds() {
        return new FixedSessionNeeds();
    }

    @Bean
    @Primary
    FixedRoster fixedRoster() {
        return new FixedRoster();
    }

    @Bean
    @Primary
    TestPlanner testPlanner() {
        return new TestPlanner();
    }
}

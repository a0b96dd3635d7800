package dev.hybridconf.interpretation.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The norms bind from {@code interpretation.norms} with AIIC's defaults, and the planner is a bean. */
class PlanningConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PlanningConfiguration.class, TimefoldStaffingPlanner.class);

    @Test
    void aiicDefaultsWhenNothingIsSet() {
        context.run(app -> {
            assertThat(app.getBean(Norms.class)).isEqualTo(Norms.AIIC);
            assertThat(app.getBean(StaffingPlanner.class)).isInstanceOf(TimefoldStaffingPlanner.class);
            assertThat(((TimefoldStaffingPlanner) app.getBean(StaffingPlanner.class)).norms()).isEqualTo(Norms.AIIC);
        });
    }

    @Test
    void organisersCanSetTheirOwnNorms() {
        context.withPropertyValues("interpretation.norms.turn=25m", "interpretation.norms.max-blocks-per-day=3",
                        "interpretation.norms.extra-for-relay-or-both-ways=0", "interpretation.norms.max-daily=6h")
                .run(app -> {
                    Norms norms = app.getBean(Norms.class);
                    assertThat(norms.turn()).isEqualTo(Duration.ofMinutes(25));
                    assertThat(norms.maxBlocksPerDay()).isEqualTo(3);
                    assertThat(norms.extraForRelayOrBothWays()).isZero();
                    assertThat(norms.maxDaily()).isEqualTo(Duration.ofHours(6));
                    assertThat(norms.soloMax()).isEqualTo(Duration.ofMinutes(40));
                });
    }
}

package dev.hybridconf.interpretation;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.hybridconf.interpretation.plan.PlanTestPorts;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.ServiceBootContract;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
// The plan's test ports until the service's own (needs, roster, planner) are merged: remove the import then.
@Import(PlanTestPorts.class)
class InterpretationLanguageServiceBootTests extends ServiceBootContract {

    InterpretationLanguageServiceBootTests() {
        super("interpretation-language-service", "interpretation.events", "/api/interpretation/anything");
    }
}

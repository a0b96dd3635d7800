package dev.hybridconf.interpretation;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.ServiceBootContract;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class InterpretationLanguageServiceBootTests extends ServiceBootContract {

    InterpretationLanguageServiceBootTests() {
        super("interpretation-language-service", "interpretation.events", "/api/interpretation/anything");
    }
}

package dev.hybridconf.rapporteur.trends;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;

/**
 * The one application context of the thesaurus and trends tests (real Redis and Kafka, the test ports), shared by
 * their classes; each class uses its own conference ids.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
@Import(TrendsTestPorts.class)
public abstract class TrendsIntegrationTest {

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }
}

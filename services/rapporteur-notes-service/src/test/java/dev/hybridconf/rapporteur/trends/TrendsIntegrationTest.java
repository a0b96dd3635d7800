package dev.hybridconf.rapporteur.trends;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;

/**
 * The one application context of the thesaurus and trends tests (real Redis and Kafka, the test ports), shared by
 * their classes; each class uses its own conference ids. The ports the tests fill and read, and the API client on the
 * server's port, are here for every class.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
@Import(TrendsTestPorts.class)
public abstract class TrendsIntegrationTest {

    protected static final LocalDate DAY1 = LocalDate.of(2021, 2, 16);
    protected static final LocalDate DAY2 = LocalDate.of(2021, 2, 17);

    @LocalServerPort
    protected int port;
    @Autowired
    protected FakeProgramme programme;
    @Autowired
    protected FakeCorpus corpus;
    @Autowired
    protected CountingAnalyzer analyzer;
    @Autowired
    protected Trends trends;

    protected TrendsApi api;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @BeforeEach
    protected void api() {
        api = new TrendsApi(port);
    }
}

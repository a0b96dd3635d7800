package dev.hybridconf.rapporteur.live;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.rapporteur.testing.InMemoryProgramme;
import dev.hybridconf.testinfra.PlatformInfrastructure;

/**
 * What the live view's tests share: the real Redis and Kafka, the ports filled by hand ({@link LiveTestPorts}), the
 * API on the server's port and a seminar of the test's own in those ports. Each subclass declares its own
 * {@code @SpringBootTest} properties and registers the token issuer with its own {@code @DynamicPropertySource}, so
 * each keeps an application context of its own, as before this class existed.
 */
@PlatformInfrastructure
@Import(LiveTestPorts.class)
abstract class LiveIntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected InMemoryProgramme programme;

    @Autowired
    protected LiveTestPorts.TestCorpus corpus;

    @Autowired
    protected RedisStore store;

    protected LiveApi api;
    protected LiveFixture fixture;

    /** A new API client and a seminar with ids prefixed {@code prefix}, installed in the ports. */
    protected void openSeminar(String prefix) {
        api = new LiveApi(port);
        fixture = new LiveFixture(prefix);
        fixture.install(programme, corpus);
    }
}

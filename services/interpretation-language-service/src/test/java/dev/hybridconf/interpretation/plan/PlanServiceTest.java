package dev.hybridconf.interpretation.plan;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;

/**
 * What the plan's service tests share: the real Redis and broker, the test ports (programme, roster and planner
 * with hand-made data, so each test states the plan it expects), tokens from the test issuer, and a conference of
 * their own per test. Each subclass says its own {@code @SpringBootTest} settings.
 */
@PlatformInfrastructure
@Import(PlanTestPorts.class)
abstract class PlanServiceTest {

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    TopicNames topics;

    @Autowired
    FixedSessionNeeds needs;

    @Autowired
    FixedRoster roster;

    PlanApi api;
    PlanFixture fixture;

    /** A new conference (ids prefixed {@code prefix}) with the fixture's sessions and roster, and the API to call. */
    void newConference(String prefix) {
        api = new PlanApi(port, topics.physical("interpretation.events"));
        fixture = new PlanFixture(PlanFixture.newConferenceId(prefix)).install(needs, roster);
    }
}

package dev.hybridconf.interpretation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.interpretation.plan.FixedRoster;
import dev.hybridconf.interpretation.plan.FixedSessionNeeds;
import dev.hybridconf.interpretation.plan.PlanSamples;
import dev.hybridconf.interpretation.plan.PlanTestPorts;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import dev.hybridconf.testinfra.hostile.Endpoint;
import dev.hybridconf.testinfra.hostile.HostileInputContract;

/**
 * The service's endpoints (so far the error page and the API description; each new one joins by being
 * mapped) meet the hostile-input corpus: never a 5xx, every refusal problem details, nothing written.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
// The plan's test ports until the service's own (needs, roster, planner) are merged: remove the import then.
@Import(PlanTestPorts.class)
class InterpretationLanguageHostileInputTests extends HostileInputContract {

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    private static final String SUBJECT = "9d2f4b6a-0c1e-4a3b-8f5d-7e9a1c3b5d7f";

    @LocalServerPort
    int localPort;

    @Autowired
    FixedSessionNeeds needs;

    @Autowired
    FixedRoster roster;

    /** Path samples of the plan: a published plan in which the token's subject has an assignment and a feed. */
    private Map<String, String> plan = Map.of();

    @BeforeAll
    void publishedPlan() {
        plan = PlanSamples.seed(localPort, needs, roster, SUBJECT);
    }

    @Override
    protected String token() {
        return TestTokens.shared().token(SUBJECT, "participant", "moderator",
                "rapporteur", "streaming-staff", "interpreter", "organiser");
    }

    /** The plan's solves, their drafts and the replan a decline asks for are written in the background. */
    @Override
    protected List<String> backgroundKeys() {
        List<String> keys = new ArrayList<>(super.backgroundKeys());
        keys.addAll(List.of("*:plan:*:solve", "*:plan:*:draft", "*:plan:*:replan"));
        return keys;
    }

    /** Also an address under the service's prefix that nothing maps yet: the gateway routes such requests here. */
    @Override
    protected List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>(super.endpoints());
        endpoints.add(new Endpoint("GET", "/api/interpretation/{anything}", List.of("anything"), List.of(), List.of(), false));
        return endpoints;
    }

    @Override
    protected Map<String, String> pathSamples() {
        Map<String, String> samples = new HashMap<>(Map.of("anything", "sample", "topic", "session.events",
                "partition", "0", "offset", "0"));
        samples.putAll(plan);
        return samples;
    }

    @Override
    protected Map<String, Body> exampleBodies() {
        return Map.of("POST /api/interpretation/operations/dead-letters/{topic}/replay", Body.json("{\"records\":[{\"partition\":0,\"offset\":0}]}"),
                "POST /api/interpretation/conferences/{conferenceId}/plan/solve", Body.json("{\"limitSeconds\": 5}"));
    }
}

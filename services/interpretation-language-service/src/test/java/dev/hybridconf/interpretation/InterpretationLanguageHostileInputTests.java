package dev.hybridconf.interpretation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.interpretation.roster.RosterHostileSamples;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import dev.hybridconf.testinfra.hostile.Endpoint;
import dev.hybridconf.testinfra.hostile.HostileInputContract;

/**
 * The service's endpoints (each joins by being mapped) meet the hostile-input corpus: never a 5xx, every
 * refusal problem details, nothing written.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class InterpretationLanguageHostileInputTests extends HostileInputContract {

    static final String CONFERENCE = "hostile-conference";
    static final String CALLER = "9d2f4b6a-0c1e-4a3b-8f5d-7e9a1c3b5d7f";

    @LocalServerPort
    int servicePort;

    private String interpreterId;

    /** A roster entry the caller (an interpreter too) is linked to. */
    @BeforeAll
    void samples() {
        interpreterId = RosterHostileSamples.sampleInterpreter(servicePort, CONFERENCE, CALLER);
    }

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @Override
    protected String token() {
        return TestTokens.shared().token(CALLER, "participant", "moderator",
                "rapporteur", "streaming-staff", "interpreter", "organiser");
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
        return Map.of("anything", "sample", "topic", "session.events", "partition", "0", "offset", "0",
                "conferenceId", CONFERENCE, "interpreterId", interpreterId);
    }

    @Override
    protected Map<String, Body> exampleBodies() {
        Map<String, Body> bodies = new HashMap<>(RosterHostileSamples.exampleBodies());
        bodies.put("POST /api/interpretation/operations/dead-letters/{topic}/replay", Body.json("{\"records\":[{\"partition\":0,\"offset\":0}]}"));
        return bodies;
    }

    @Override
    protected Map<String, String> exampleQueries() {
        return new HashMap<>(RosterHostileSamples.exampleQueries(CONFERENCE));
    }
}

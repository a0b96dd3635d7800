package dev.hybridconf.rapporteur;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
class RapporteurNotesHostileInputTests extends HostileInputContract {

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @Override
    protected String token() {
        return TestTokens.shared().token("9d2f4b6a-0c1e-4a3b-8f5d-7e9a1c3b5d7f", "participant", "moderator",
                "rapporteur", "streaming-staff", "interpreter", "organiser");
    }

    /** Also an address under the service's prefix that nothing maps yet: the gateway routes such requests here. */
    @Override
    protected List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>(super.endpoints());
        endpoints.add(new Endpoint("GET", "/api/rapporteur/{anything}", List.of("anything"), List.of(), List.of(), false));
        return endpoints;
    }

    @Override
    protected Map<String, String> pathSamples() {
        return Map.of("anything", "sample", "topic", "session.events", "partition", "0", "offset", "0");
    }

    @Override
    protected Map<String, Body> exampleBodies() {
        return Map.of("POST /api/rapporteur/operations/dead-letters/{topic}/replay", Body.json("{\"records\":[{\"partition\":0,\"offset\":0}]}"));
    }
}

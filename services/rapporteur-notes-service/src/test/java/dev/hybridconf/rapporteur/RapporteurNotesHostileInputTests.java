package dev.hybridconf.rapporteur;

import java.time.LocalDate;
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

import dev.hybridconf.rapporteur.corpus.InputsHostileSamples;
import dev.hybridconf.rapporteur.live.LiveHostileSamples;
import dev.hybridconf.rapporteur.reading.ReadingHostileSamples;
import dev.hybridconf.rapporteur.summary.SummaryHostileSamples;
import dev.hybridconf.rapporteur.trends.TrendsHostileSamples;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import dev.hybridconf.testinfra.hostile.Endpoint;
import dev.hybridconf.testinfra.hostile.HostileInputContract;

/**
 * The service's endpoints meet the hostile-input corpus: never a 5xx, every refusal problem details, nothing
 * written. Each feature supplies its real objects, valid bodies and queries through its {@code *HostileSamples}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class RapporteurNotesHostileInputTests extends HostileInputContract {

    static final String CONFERENCE = "hostile-rapporteur-2021";
    static final String SESSION = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    static final LocalDate DAY = LocalDate.of(2021, 2, 16);
    static final String CALLER = "9d2f4b6a-0c1e-4a3b-8f5d-7e9a1c3b5d7f";

    @LocalServerPort
    int servicePort;

    private final Map<String, String> samples = new HashMap<>();

    @BeforeAll
    void realObjects() {
        samples.putAll(Map.of("anything", "sample", "topic", "session.events", "partition", "0", "offset", "0",
                "conferenceId", CONFERENCE, "sessionId", SESSION, "day", DAY.toString(), "lang", "en"));
        samples.putAll(InputsHostileSamples.prepare(servicePort, CONFERENCE, SESSION, DAY));
        samples.putAll(LiveHostileSamples.prepare(servicePort, CONFERENCE, SESSION, DAY));
        samples.putAll(TrendsHostileSamples.prepare(servicePort, CONFERENCE, SESSION, DAY));
        samples.putAll(SummaryHostileSamples.prepare(servicePort, CONFERENCE, SESSION, DAY));
        samples.putAll(ReadingHostileSamples.prepare(servicePort, CONFERENCE, SESSION, DAY));
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
        endpoints.add(new Endpoint("GET", "/api/rapporteur/{anything}", List.of("anything"), List.of(), List.of(), false));
        return endpoints;
    }

    /**
     * Also what the trend worker writes on its own after an accepted thesaurus change (the analyses, their lease and
     * the live entries that announce them), which the next refused request is not to answer for.
     */
    @Override
    protected List<String> backgroundKeys() {
        return List.of("*:processed:*", "*:analysis:*", "*:lease:*", "*:live:*");
    }

    @Override
    protected Map<String, String> pathSamples() {
        return samples;
    }

    @Override
    protected Map<String, Body> exampleBodies() {
        Map<String, Body> bodies = new HashMap<>();
        bodies.put("POST /api/rapporteur/operations/dead-letters/{topic}/replay",
                Body.json("{\"records\":[{\"partition\":0,\"offset\":0}]}"));
        bodies.putAll(InputsHostileSamples.exampleBodies());
        bodies.putAll(LiveHostileSamples.exampleBodies());
        bodies.putAll(TrendsHostileSamples.exampleBodies());
        bodies.putAll(SummaryHostileSamples.exampleBodies());
        bodies.putAll(ReadingHostileSamples.exampleBodies());
        return bodies;
    }

    @Override
    protected Map<String, String> exampleQueries() {
        Map<String, String> queries = new HashMap<>();
        queries.putAll(InputsHostileSamples.exampleQueries());
        queries.putAll(LiveHostileSamples.exampleQueries());
        queries.putAll(TrendsHostileSamples.exampleQueries());
        queries.putAll(SummaryHostileSamples.exampleQueries());
        queries.putAll(ReadingHostileSamples.exampleQueries());
        return queries;
    }
}

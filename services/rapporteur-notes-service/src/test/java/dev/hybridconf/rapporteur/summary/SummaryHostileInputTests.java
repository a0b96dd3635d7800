package dev.hybridconf.rapporteur.summary;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.rapporteur.analysis.TrendsMother;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import dev.hybridconf.testinfra.hostile.Endpoint;
import dev.hybridconf.testinfra.hostile.HostileInputContract;

/**
 * The hostile-input corpus against the assignments', notes' and summaries' endpoints alone, on the hand-made
 * programme and trends, with {@link SummaryHostileSamples}' objects and bodies: the same samples the service-wide
 * sweep uses, checked before the real inputs exist.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
@Import(SummaryTestPorts.class)
class SummaryHostileInputTests extends HostileInputContract {

    private static final String CONFERENCE = "hostile-summary-2021";
    private static final String SESSION = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";
    private static final LocalDate DAY = LocalDate.of(2021, 2, 16);

    @LocalServerPort
    int servicePort;

    @Autowired
    FakeProgramme programme;

    @Autowired
    FakeTrends trends;

    @Autowired
    FakeCorpus corpus;

    private final Map<String, String> samples = new HashMap<>();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @BeforeAll
    void realObjects() {
        programme.conference(CONFERENCE, DAY, DAY.plusDays(1));
        programme.breakout(CONFERENCE, SESSION, DAY, "Housing for all", "Un logement pour tous");
        corpus.put(CONFERENCE, DAY, TrendsMother.conclusion(SESSION, 1, "en",
                "Affordable housing must be at the heart of recovery plans.", List.of("housing"), List.of(11)));
        trends.store(CONFERENCE, DAY, TrendsMother.dayTrends(SESSION, SESSION), 1);
        samples.putAll(Map.of("conferenceId", CONFERENCE, "sessionId", SESSION, "day", DAY.toString(), "lang", "en"));
        samples.putAll(SummaryHostileSamples.prepare(servicePort, CONFERENCE, SESSION, DAY));
    }

    @Override
    protected String token() {
        return TestTokens.shared().token(SummaryHostileSamples.CALLER, "participant", "moderator", "rapporteur",
                "streaming-staff", "interpreter", "organiser");
    }

    /** Only this feature's endpoints: the service-wide sweep covers the others. */
    @Override
    protected List<Endpoint> endpoints() {
        return super.endpoints().stream().filter(e -> e.key().contains("/assignments") || e.key().contains("/notes")
                || e.key().contains("/summary") && !e.key().contains("/summary/published")).toList();
    }

    @Override
    protected Map<String, String> pathSamples() {
        return samples;
    }

    @Override
    protected Map<String, Body> exampleBodies() {
        return SummaryHostileSamples.exampleBodies();
    }

    @Override
    protected Map<String, String> exampleQueries() {
        return SummaryHostileSamples.exampleQueries();
    }
}

package dev.hybridconf.rapporteur.summary;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.rapporteur.analysis.TrendsMother;
import dev.hybridconf.rapporteur.programme.SessionInfo;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;

/**
 * What the assignments', notes' and summaries' service tests share: the real Redis and broker, the hand-made
 * programme, corpus and trends ({@link SummaryTestPorts}), tokens from the test issuer, and a conference of their
 * own per test: two days, two breakouts on the first (their conclusions and trends from {@link TrendsMother}) and a
 * wrap-up whose rapporteur reports the day by default.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
@Import(SummaryTestPorts.class)
public abstract class SummaryServiceTest {

    protected static final LocalDate DAY = TrendsMother.DAY;
    protected static final LocalDate DAY_TWO = DAY.plusDays(1);
    protected final TestTokens tokens = TestTokens.shared();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected FakeProgramme programme;

    @Autowired
    protected FakeTrends trends;

    @Autowired
    protected FakeCorpus corpus;

    @Autowired
    protected TopicNames topics;

    protected SummaryApi api;
    protected String conferenceId;
    protected SessionInfo breakoutA;
    protected SessionInfo breakoutB;
    /** The wrap-up's rapporteur of the first day: assigned by default. */
    protected String rapporteur;
    protected String rapporteurId;
    /** A rapporteur assigned to nothing. */
    protected String otherRapporteur;
    protected String otherRapporteurId;
    protected String organiser;

    /** The prefix of this class's conference ids (each class its own). */
    protected abstract String prefix();

    @BeforeEach
    void newConference() {
        api = new SummaryApi(port);
        conferenceId = prefix() + "-" + UUID.randomUUID().toString().substring(0, 8);
        programme.conference(conferenceId, DAY, DAY_TWO);
        breakoutA = programme.breakout(conferenceId, UUID.randomUUID().toString(), DAY, "Housing for all",
                "Un logement pour tous");
        breakoutB = programme.breakout(conferenceId, UUID.randomUUID().toString(), DAY, "Local finance",
                "Finances locales");
        rapporteurId = UUID.randomUUID().toString();
        otherRapporteurId = UUID.randomUUID().toString();
        programme.wrapUp(conferenceId, UUID.randomUUID().toString(), DAY, rapporteurId);
        corpus.put(conferenceId, DAY, TrendsMother.conclusion(breakoutA.id(), 1, "en",
                "Affordable housing must be at the heart of recovery plans.", java.util.List.of("housing"),
                java.util.List.of(11)));
        corpus.put(conferenceId, DAY, TrendsMother.conclusion(breakoutB.id(), 2, "fr",
                "Les logements abordables manquent dans les métropoles.", java.util.List.of("logement"),
                java.util.List.of(11)));
        trends.store(conferenceId, DAY, TrendsMother.dayTrends(breakoutA.id(), breakoutB.id()), 2);
        rapporteur = tokens.token(rapporteurId, "rapporteur");
        otherRapporteur = tokens.token(otherRapporteurId, "rapporteur");
        organiser = tokens.token(UUID.randomUUID().toString(), "organiser");
    }

    protected String rapporteurEvents() {
        return topics.physical("rapporteur.events");
    }
}

package dev.hybridconf.interpretation;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.session.ConferenceDay;
import dev.hybridconf.contracts.session.ConferencePublished;
import dev.hybridconf.contracts.session.SessionScheduled;
import dev.hybridconf.interpretation.needs.SessionNeeds;
import dev.hybridconf.interpretation.plan.PublishedPlanSamples;
import dev.hybridconf.interpretation.roster.RosterHostileSamples;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import dev.hybridconf.testinfra.hostile.Endpoint;
import dev.hybridconf.testinfra.hostile.HostileInputContract;

/**
 * The service's endpoints (so far the error page and the API description; each new one joins by being
 * mapped) meet the hostile-input corpus: never a 5xx, every refusal problem details, nothing written.
 */
// Solves the sweep starts end soon after their first feasible plan: each accepted one is awaited (awaitQuiet).
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "interpretation.solver.time-limit=2s", "interpretation.solver.unimproved=100ms" })
@PlatformInfrastructure
class InterpretationLanguageHostileInputTests extends HostileInputContract {

    static final String CONFERENCE = "hostile-interpretation-2026";
    static final String SESSION = "hostile-plenary";
    static final String CALLER = "9d2f4b6a-0c1e-4a3b-8f5d-7e9a1c3b5d7f";

    @LocalServerPort
    int servicePort;

    private String interpreterId;

    /** A published plan's samples: an assignment of the caller's and their calendar feed token. */
    private Map<String, String> plan = Map.of();

    @Autowired
    TopicNames topics;

    @Autowired
    SessionNeeds needs;

    /** A conference and a session, from the programme's events, so that requests reach the real checks. */
    @BeforeAll
    void aConferenceWithASession() throws Exception {
        EventCodec codec = new EventCodec();
        // The days of the roster samples' availability (RosterHostileSamples).
        LocalDate day = LocalDate.of(2021, 2, 16);
        Instant start = day.atTime(9, 0).atZone(java.time.ZoneId.of("Europe/Madrid")).toInstant();
        var conference = codec.wrap("session-service", new ConferencePublished(CONFERENCE, 1, 1,
                Map.of("en", "Hostile", "fr", "Hostile", "es", "Hostil"), "Europe/Madrid", List.of("en", "fr", "es"),
                day, day.plusDays(1), false, null, List.of(new ConferenceDay(day, Map.of()),
                        new ConferenceDay(day.plusDays(1), Map.of())))).withAggregateVersion(1);
        var session = codec.wrap("session-service", new SessionScheduled(SESSION, CONFERENCE, 1, 1, "PLENARY", day,
                start, start.plus(Duration.ofHours(1)), "Europe/Madrid", "HYBRID", List.of("en"), false, null,
                List.of(), null, "Hall A", null, null, Map.of("en", "Opening"))).withAggregateVersion(1);
        KafkaProbe kafka = KafkaProbe.shared();
        kafka.send(topics.physical("session.events"), conference.subject(), codec.toJson(conference));
        kafka.send(topics.physical("session.events"), session.subject(), codec.toJson(session));
        await().atMost(Duration.ofSeconds(60)).until(() -> needs.forSession(SESSION).isPresent());
        interpreterId = RosterHostileSamples.sampleInterpreter(servicePort, CONFERENCE, CALLER);
        // Every working language offered, so the caller (Spanish A, available that day, remote) has a seat to plan.
        HttpResponse<String> offered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + servicePort + "/api/interpretation/conferences/" + CONFERENCE + "/languages"))
                .header("Authorization", "Bearer " + TestTokens.shared().organiser())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"extras\":[],\"alwaysOffer\":[\"en\",\"fr\",\"es\"],\"threshold\":1}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (offered.statusCode() != 200) {
            throw new IllegalStateException(offered.body());
        }
        plan = PublishedPlanSamples.publish(servicePort, CONFERENCE, CALLER);
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
        Map<String, String> samples = new HashMap<>(Map.of("anything", "sample", "topic", "session.events",
                "partition", "0", "offset", "0", "conferenceId", CONFERENCE, "sessionId", SESSION,
                "interpreterId", interpreterId));
        samples.putAll(plan);
        return samples;
    }

    /**
     * Also until a solve the request started (a solve, or the replan after a decline) has ended: a background solve
     * writes its progress and draft while later requests run, which is not theirs to answer for.
     */
    @Override
    protected void awaitQuiet() {
        super.awaitQuiet();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest progress = HttpRequest.newBuilder(URI.create("http://localhost:" + servicePort
                + "/api/interpretation/conferences/" + CONFERENCE + "/plan/solve"))
                .header("Authorization", "Bearer " + TestTokens.shared().organiser()).GET().build();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> !client.send(progress, HttpResponse.BodyHandlers.ofString()).body().contains("\"RUNNING\""));
    }

    @Override
    protected Map<String, Body> exampleBodies() {
        Map<String, Body> bodies = new HashMap<>(RosterHostileSamples.exampleBodies());
        bodies.put("POST /api/interpretation/operations/dead-letters/{topic}/replay", Body.json("{\"records\":[{\"partition\":0,\"offset\":0}]}"));
        bodies.put("PUT /api/interpretation/conferences/{conferenceId}/languages",
                Body.json("{\"extras\":[\"ar\",\"ils\"],\"alwaysOffer\":[\"en\",\"fr\",\"es\"],\"threshold\":1}"));
        bodies.put("PUT /api/interpretation/sessions/{sessionId}/languages",
                Body.json("{\"delivery\":\"BOTH\",\"relayAllowed\":true,\"force\":[\"ar\"],\"drop\":[\"es\"]}"));
        bodies.put("POST /api/interpretation/conferences/{conferenceId}/plan/solve", Body.json("{\"limitSeconds\": 2}"));
        return bodies;
    }

    @Override
    protected Map<String, String> exampleQueries() {
        return new HashMap<>(RosterHostileSamples.exampleQueries(CONFERENCE));
    }
}

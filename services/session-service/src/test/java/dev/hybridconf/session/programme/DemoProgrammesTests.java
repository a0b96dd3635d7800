package dev.hybridconf.session.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.kit.PlatformProperties;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.session.SessionServiceApplication;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * With {@code platform.session.demo-programmes} on, the service starts with the three demo
 * conferences built from the source documents; a restart (another instance on the same Redis and
 * Kafka) loads them again through the same import and publishes nothing new.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "platform.session.demo-programmes=true")
@PlatformInfrastructure
class DemoProgrammesTests {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /**
     * The demo conferences' events: the programmes (14 + 41 + 1 + 3), when each of the Seminar's 13 breakouts' conclusions
     * lock (decided at import) and the 17 revisions of its demo conclusions.
     */
    private static final int DEMO_EVENTS = 14 + 41 + 1 + 3 + 13 + 17;
    private static final List<String> DEMOS = List.of("local-action-2024", "uclg-seminar-campus-2021",
            "uclg-development-cooperation-2021");

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Autowired
    TopicNames topics;

    @Autowired
    PlatformProperties platform;

    private final TestTokens tokens = TestTokens.shared();
    private ProgrammeApi api;

    @BeforeEach
    void client() {
        api = new ProgrammeApi(port, bootstrap, topics.physical("session.events"));
    }

    @Test
    void theDemoConferencesAreThereAtStartUpAndBrowsable() {
        JsonNode conferences = api.read(api.get("/api/sessions/conferences", tokens.participant()));

        assertThat(conferences).extracting(c -> c.get("id").asString()).containsAll(DEMOS);
        JsonNode seminar = api.read(api.get("/api/sessions/conferences/uclg-seminar-campus-2021/programme",
                tokens.participant()));
        assertThat(seminar.get("days")).hasSize(6);
        assertThat(seminar.get("days").get(2).get("theme").get("es").asString()).isEqualTo("Trabajar para el planeta");
        JsonNode thematic = api.read(api.get("/api/sessions/"
                + ProgrammeSession.idFor("uclg-development-cooperation-2021", "thematic-session") + "?tz=UTC",
                tokens.participant()));
        assertThat(thematic.get("start").asString()).isEqualTo("2021-05-18T10:00:00Z");
        assertThat(thematic.get("conferenceTimeZone").asString()).isEqualTo("Europe/Madrid");
        JsonNode barcelona = api.read(api.get("/api/sessions/conferences/local-action-2024", tokens.participant()));
        assertThat(barcelona.get("invitationOnly").asBoolean()).isTrue();
        assertThat(barcelona.get("registration").get("inPersonCapacity").asInt()).as("at most 100 in the room")
                .isEqualTo(100);
        JsonNode seminarTerms = api.read(api.get("/api/sessions/conferences/uclg-seminar-campus-2021",
                tokens.participant())).get("registration");
        assertThat(seminarTerms.get("inPersonCapacity").asInt()).as("fully virtual").isZero();
        assertThat(barcelona.get("sessions").asInt()).isEqualTo(14);
        JsonNode rehearsal = api.read(api.get("/api/sessions/conferences/hybridconf-rehearsal", tokens.participant()));
        assertThat(rehearsal.get("startDate").asString())
                .isEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Madrid")).toString());
    }

    @Test
    void aRestartLoadsTheDemoProgrammesAgainAndPublishesNothingNew() {
        List<ProgrammeApi.Event> before = new ArrayList<>();
        await().atMost(DEADLINE).until(() -> {
            before.clear();
            api.events().stream().filter(e -> DEMOS.contains(e.conferenceId())).forEach(before::add);
            return before.size() >= DEMO_EVENTS;
        });
        assertThat(before).hasSize(DEMO_EVENTS);
        before.forEach(event -> EventSchemaAssertions.assertValidEvent(event.raw()));

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(SessionServiceApplication.class)
                .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + bootstrap,
                        "--platform.redis.host=" + platform.redis().host(),
                        "--platform.redis.port=" + platform.redis().port(),
                        "--platform.namespace=" + platform.namespace(),
                        "--platform.security.jwk-set-uri=" + tokens.issuer() + "/oauth2/jwks",
                        "--platform.security.issuer=" + tokens.issuer(),
                        "--platform.session.demo-programmes=true")) {
            assertThat(restarted.isActive()).isTrue();
        }

        String marker = "marker-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.json("POST", "/api/sessions/conferences", tokens.organiser(), """
                {"id": "%s", "name": {"en": "Marker", "fr": "Marqueur", "es": "Marcador"}, "timeZone": "UTC",
                 "languages": ["en", "fr", "es"], "startDate": "2024-01-01", "endDate": "2024-01-01"}"""
                .formatted(marker)).statusCode()).isEqualTo(201);
        List<ProgrammeApi.Event> after = new ArrayList<>();
        await().atMost(DEADLINE).until(() -> {
            after.clear();
            after.addAll(api.events());
            return after.stream().anyMatch(e -> marker.equals(e.conferenceId()));
        });
        assertThat(after.stream().filter(e -> DEMOS.contains(e.conferenceId()))).hasSize(before.size());
        for (String demo : DEMOS) {
            JsonNode conference = api.read(api.get("/api/sessions/conferences/" + demo, tokens.participant()));
            assertThat(conference.get("programmeVersion").asLong()).as(demo).isEqualTo(1);
        }
    }
}

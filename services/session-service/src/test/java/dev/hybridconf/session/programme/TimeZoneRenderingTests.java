package dev.hybridconf.session.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * A Barcelona programme read from Bogotá and from Seoul: every time is rendered in the reader's
 * zone with its offset, sessions stay under their conference day, and a session that runs over
 * midnight where the reader is says so. A zone that is not an IANA zone is a problem naming {@code tz}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class TimeZoneRenderingTests {

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

    private final TestTokens tokens = TestTokens.shared();
    private ProgrammeApi api;
    private String conference;
    private String late;

    @BeforeEach
    void barcelona() {
        api = new ProgrammeApi(port, bootstrap, topics.physical("session.events"));
        conference = "barcelona-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.json("POST", "/api/sessions/conferences", tokens.organiser(), """
                {"id": "%s", "name": {"en": "Barcelona", "fr": "Barcelone", "es": "Barcelona"},
                 "timeZone": "Europe/Madrid", "languages": ["en", "fr", "es"], "startDate": "2024-11-07",
                 "endDate": "2024-11-08", "days": [{"date": "2024-11-07"}, {"date": "2024-11-08"}]}"""
                .formatted(conference)).statusCode()).isEqualTo(201);
        schedule("morning", "09:30", "11:00");
        late = api.read(schedule("late", "15:30", "17:00")).get("id").asString();
    }

    @Test
    void theConferenceZoneIsTheDefault() {
        JsonNode session = session(programme(null), "late");

        assertThat(session.get("timeZone").asString()).isEqualTo("Europe/Madrid");
        assertThat(session.get("start").asString()).isEqualTo("2024-11-07T15:30:00+01:00");
        assertThat(session.get("end").asString()).isEqualTo("2024-11-07T17:00:00+01:00");
        assertThat(session.get("crossesMidnight").asBoolean()).isFalse();
    }

    @Test
    void fromBogotaTheAfternoonInBarcelonaIsTheMorning() {
        JsonNode programme = programme("America/Bogota");

        assertThat(programme.get("timeZone").asString()).isEqualTo("America/Bogota");
        assertThat(programme.get("conferenceTimeZone").asString()).isEqualTo("Europe/Madrid");
        JsonNode session = session(programme, "late");
        assertThat(session.get("start").asString()).isEqualTo("2024-11-07T09:30:00-05:00");
        assertThat(session.get("end").asString()).isEqualTo("2024-11-07T11:00:00-05:00");
        assertThat(session.get("crossesMidnight").asBoolean()).isFalse();
        assertThat(session(programme, "morning").get("start").asString()).isEqualTo("2024-11-07T03:30:00-05:00");
    }

    @Test
    void fromSeoulTheLateSessionRunsOverMidnightAndStaysUnderItsConferenceDay() {
        JsonNode programme = programme("Asia/Seoul");

        JsonNode session = session(programme, "late");
        assertThat(session.get("day").asString()).isEqualTo("2024-11-07");
        assertThat(session.get("start").asString()).isEqualTo("2024-11-07T23:30:00+09:00");
        assertThat(session.get("end").asString()).isEqualTo("2024-11-08T01:00:00+09:00");
        assertThat(session.get("crossesMidnight").asBoolean()).isTrue();
        assertThat(session(programme, "morning").get("start").asString()).isEqualTo("2024-11-07T17:30:00+09:00");
        assertThat(session(programme, "morning").get("crossesMidnight").asBoolean()).isFalse();

        JsonNode single = api.read(api.get("/api/sessions/" + late + "?tz=Asia/Seoul", tokens.participant()));
        assertThat(single.get("end").asString()).isEqualTo("2024-11-08T01:00:00+09:00");
        assertThat(single.get("crossesMidnight").asBoolean()).isTrue();
        JsonNode overview = api.read(api.get("/api/sessions/conferences/" + conference + "?tz=Asia/Seoul",
                tokens.participant()));
        assertThat(overview.get("opensAt").asString()).isEqualTo("2024-11-07T17:30:00+09:00");
        assertThat(overview.get("closesAt").asString()).isEqualTo("2024-11-08T01:00:00+09:00");
    }

    @Test
    void theBarcelonaDemoProgrammeFromBogotaAndSeoul() {
        assertThat(api.file("POST", "/api/sessions/programmes", tokens.organiser(), "application/yaml",
                DemoProgrammes.read(DemoProgrammes.FILES.get(0)), null).statusCode()).isEqualTo(200);
        String procurement = ProgrammeSession.idFor("local-action-2024", "d1-procurement");

        JsonNode bogota = api.read(api.get("/api/sessions/" + procurement + "?tz=America/Bogota", tokens.participant()));
        JsonNode seoul = api.read(api.get("/api/sessions/" + procurement + "?tz=Asia/Seoul", tokens.participant()));

        assertThat(bogota.get("start").asString()).isEqualTo("2024-11-07T10:00:00-05:00");
        assertThat(seoul.get("start").asString()).isEqualTo("2024-11-08T00:00:00+09:00");
        assertThat(seoul.get("end").asString()).isEqualTo("2024-11-08T01:30:00+09:00");
        assertThat(seoul.get("crossesMidnight").asBoolean()).as("it starts at midnight: nothing to cross").isFalse();
        JsonNode dayTwo = api.read(api.get("/api/sessions/conferences/local-action-2024/programme?day=2024-11-08"
                + "&kind=WRAP_UP&tz=Asia/Seoul", tokens.participant()));
        assertThat(dayTwo.get("days")).hasSize(1);
        assertThat(dayTwo.get("days").get(0).get("sessions")).extracting(s -> s.get("start").asString())
                .containsExactly("2024-11-08T17:00:00+09:00", "2024-11-08T21:00:00+09:00");
    }

    @Test
    void aZoneThatIsNotAnIanaZoneIsAProblemNamingTz() {
        List<String> paths = List.of("/api/sessions/conferences/" + conference + "/programme?tz=Mars/Olympus",
                "/api/sessions/conferences/" + conference + "?tz=CEST",
                "/api/sessions/conferences/" + conference + "/changelog?tz=Mars/Olympus",
                "/api/sessions/" + late + "?tz=Mars/Olympus");

        for (String path : paths) {
            HttpResponse<String> response = api.get(path, tokens.participant(), "es");
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            JsonNode error = api.read(response).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("tz");
            assertThat(error.get("message").asString()).contains("zona horaria IANA");
        }
    }

    private HttpResponse<String> schedule(String key, String start, String end) {
        HttpResponse<String> created = api.json("POST", "/api/sessions/conferences/" + conference + "/sessions",
                tokens.organiser(), """
                        {"key": "%s", "kind": "PLENARY", "day": "2024-11-07", "start": "%s", "end": "%s",
                         "format": "HYBRID", "title": {"en": "%s", "fr": "%s", "es": "%s"}}"""
                        .formatted(key, start, end, key, key, key));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created;
    }

    private JsonNode programme(String tz) {
        HttpResponse<String> response = api.get("/api/sessions/conferences/" + conference + "/programme"
                + (tz == null ? "" : "?tz=" + tz), tokens.participant());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return api.read(response);
    }

    private static JsonNode session(JsonNode programme, String key) {
        for (JsonNode day : programme.get("days")) {
            for (JsonNode session : day.get("sessions")) {
                if (key.equals(session.get("key").asString())) {
                    return session;
                }
            }
        }
        throw new AssertionError("no session " + key + " in " + programme);
    }
}

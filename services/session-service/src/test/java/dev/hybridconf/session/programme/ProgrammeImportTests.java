package dev.hybridconf.session.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
import dev.hybridconf.testinfra.EventSchemaAssertions;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Whole-programme imports over real HTTP, on a real Kafka broker and Redis: the Seminar & Campus
 * demo file imported twice publishes its events once; a changed file publishes only its differences;
 * a bad file is refused whole, listing every problem in the reader's language, and writes nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class ProgrammeImportTests {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String SEMINAR = "uclg-seminar-campus-2021";
    private static final String BARCELONA = "local-action-2024";

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

    @BeforeEach
    void client() {
        api = new ProgrammeApi(port, bootstrap, topics.physical("session.events"));
    }

    @Test
    void importingTheSeminarAndCampusTwicePublishesItsEventsOnceAndTheSecondTimeNothing() {
        byte[] seminar = DemoProgrammes.read(DemoProgrammes.FILES.get(1));

        HttpResponse<String> first = api.file("POST", "/api/sessions/programmes", tokens.organiser(),
                "application/yaml", seminar, null);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode result = api.read(first);
        assertThat(result.get("changed").asBoolean()).isTrue();
        assertThat(result.get("conference").asString()).isEqualTo("PUBLISHED");
        assertThat(result.get("scheduled").asInt()).isEqualTo(41);
        assertThat(result.get("programmeVersion").asLong()).isEqualTo(1);
        List<ProgrammeApi.Event> published = new ArrayList<>();
        await().atMost(DEADLINE).until(() -> {
            published.clear();
            published.addAll(api.events(SEMINAR));
            return published.size() >= 42;
        });
        assertThat(ProgrammeApi.count(published, "session.scheduled.v1")).isEqualTo(41);
        assertThat(ProgrammeApi.count(published, "conference.published.v1")).isEqualTo(1);
        published.forEach(event -> EventSchemaAssertions.assertValidEvent(event.raw()));

        HttpResponse<String> second = api.file("POST", "/api/sessions/programmes", tokens.organiser(),
                "application/yaml", seminar, null);

        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(api.read(second).get("changed").asBoolean()).isFalse();
        assertThat(api.read(second).get("programmeVersion").asLong()).isEqualTo(1);
        // A later change of another conference: once its event is on the topic, anything the second
        // import had emitted (it went through the outbox first) would be there too.
        String marker = "marker-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.json("POST", "/api/sessions/conferences", tokens.organiser(), conference(marker)).statusCode())
                .isEqualTo(201);
        List<ProgrammeApi.Event> after = new ArrayList<>();
        await().atMost(DEADLINE).until(() -> {
            after.clear();
            after.addAll(api.events());
            return after.stream().anyMatch(e -> marker.equals(e.conferenceId()));
        });
        // The programme's 42 events and, for each of its 13 breakouts, when its conclusions lock: nothing more.
        assertThat(after.stream().filter(e -> SEMINAR.equals(e.conferenceId()))).hasSize(42 + 13);
        JsonNode changelog = api.read(api.get("/api/sessions/conferences/" + SEMINAR + "/changelog", tokens.participant()));
        assertThat(changelog.get("entries")).hasSize(1);
        assertThat(changelog.get("entries").get(0).get("changes")).hasSize(42);
    }

    @Test
    void aChangedFilePublishesOnlyItsDifferences() throws Exception {
        byte[] original = DemoProgrammes.read(DemoProgrammes.FILES.get(0));
        assertThat(api.file("PUT", "/api/sessions/conferences/" + BARCELONA + "/programme", tokens.organiser(),
                "application/yaml", original, null).statusCode()).isEqualTo(200);
        await().atMost(DEADLINE).until(() -> api.events(BARCELONA).size() >= 15);

        // As JSON this time: visualising moves half an hour later, the procurement session gets a new
        // English title, the second lunch goes and a side event arrives.
        ObjectMapper json = new ObjectMapper();
        JsonNode tree = YAMLMapper.builder().build().readTree(original);
        var sessions = (tools.jackson.databind.node.ArrayNode) tree.get("sessions");
        for (int i = sessions.size() - 1; i >= 0; i--) {
            var session = (tools.jackson.databind.node.ObjectNode) sessions.get(i);
            switch (session.get("key").asString()) {
                case "d2-visualising" -> session.put("start", "12:00").put("end", "13:00");
                case "d2-trends-outlook" -> session.put("start", "13:00").put("end", "13:45");
                case "d1-procurement" -> ((tools.jackson.databind.node.ObjectNode) session.get("title"))
                        .put("en", "Procurement as a tool for inclusion, sustainability and efficiency");
                case "d2-lunch" -> sessions.remove(i);
                default -> {
                }
            }
        }
        sessions.add(json.readTree("""
                {"key":"d2-side-event-expo","kind":"SIDE_EVENT","day":"2024-11-08","start":"15:00","end":"16:30",
                 "room":"Smart City Expo","format":"IN_PERSON",
                 "title":{"en":"Visit to the Smart City Expo","fr":"Visite du Smart City Expo","es":"Visita al Smart City Expo"}}"""));

        HttpResponse<String> changed = api.file("PUT", "/api/sessions/conferences/" + BARCELONA + "/programme",
                tokens.organiser(), "application/json", json.writeValueAsBytes(tree), null);

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode result = api.read(changed);
        assertThat(result.get("programmeVersion").asLong()).isEqualTo(2);
        assertThat(result.get("conference").asString()).isEqualTo("UNCHANGED");
        assertThat(result.get("scheduled").asInt()).isEqualTo(1);
        assertThat(result.get("rescheduled").asInt()).isEqualTo(2);
        assertThat(result.get("updated").asInt()).isEqualTo(1);
        assertThat(result.get("cancelled").asInt()).isEqualTo(1);
        List<ProgrammeApi.Event> second = new ArrayList<>();
        await().atMost(DEADLINE).until(() -> {
            second.clear();
            api.events(BARCELONA).stream().filter(e -> e.data().path("programmeVersion").asLong() == 2)
                    .forEach(second::add);
            return second.size() >= 5;
        });
        assertThat(second).extracting(ProgrammeApi.Event::type).containsExactlyInAnyOrder("session.scheduled.v1",
                "session.rescheduled.v1", "session.rescheduled.v1", "session.updated.v1", "session.cancelled.v1");
        second.forEach(event -> EventSchemaAssertions.assertValidEvent(event.raw()));
        ProgrammeApi.Event moved = second.stream().filter(e -> e.type().equals("session.rescheduled.v1")
                && e.key().equals(ProgrammeSession.idFor(BARCELONA, "d2-visualising"))).findFirst().orElseThrow();
        assertThat(moved.data().get("previousStart").asString()).isEqualTo("2024-11-08T10:30:00Z");
        assertThat(moved.data().get("start").asString()).isEqualTo("2024-11-08T11:00:00Z");
        ProgrammeApi.Event renamed = second.stream().filter(e -> e.type().equals("session.updated.v1")).findFirst()
                .orElseThrow();
        assertThat(renamed.data().get("changed")).extracting(JsonNode::asString).containsExactly("title");
        JsonNode lunch = api.read(api.get("/api/sessions/" + ProgrammeSession.idFor(BARCELONA, "d2-lunch"),
                tokens.participant()));
        assertThat(lunch.get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void aBadFileIsRefusedWholeWithEveryProblemInTheReadersLanguageAndNothingIsWritten() {
        String id = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        String yaml = """
                conference:
                  id: "%s"
                  name: {en: "Broken", fr: "Cassé", es: "Roto"}
                  timeZone: "Europe/Barcelona"
                  languages: ["en", "fr", "es"]
                  startDate: "2024-11-07"
                  endDate: "2024-11-08"
                days:
                  - date: "2024-11-07"
                sessions:
                  - key: "opening"
                    kind: "OPENING"
                    day: "2024-11-07"
                    start: "09:00"
                    end: "09:00"
                    format: "HYBRID"
                    title: {en: "Opening", fr: "Ouverture", es: "Apertura"}
                  - key: "plenary"
                    kind: "PLENARY"
                    day: "2024-11-09"
                    start: "09:30"
                    end: "11:00"
                    format: "STREAMED"
                    title: {en: "Plenary"}
                """.formatted(id);

        HttpResponse<String> refused = api.file("POST", "/api/sessions/programmes", tokens.organiser(),
                "application/yaml; charset=utf-8", yaml.getBytes(StandardCharsets.UTF_8), "fr");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = api.read(refused);
        assertThat(problem.get("type").asString()).isEqualTo("https://hybridconf.dev/problems/programme-invalid");
        assertThat(problem.get("detail").asString()).contains("refusé en entier");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("conference.timeZone", "sessions[0].end", "sessions[1].format",
                "sessions[1].day", "sessions[1].title.fr", "sessions[1].title.es");
        assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo(
                "doit être un fuseau horaire IANA comme Europe/Madrid ou America/Bogota");
        assertThat(api.get("/api/sessions/conferences/" + id, tokens.organiser()).statusCode()).isEqualTo(404);

        HttpResponse<String> inSpanish = api.file("POST", "/api/sessions/programmes", tokens.organiser(),
                "application/yaml", yaml.getBytes(StandardCharsets.UTF_8), "es");
        assertThat(api.read(inSpanish).get("errors").toString()).contains("no es un día de la conferencia");
    }

    @Test
    void aBadChangeOfAnExistingProgrammeLeavesItAsItWas() {
        String id = "kept-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.json("POST", "/api/sessions/conferences", tokens.organiser(), conference(id)).statusCode())
                .isEqualTo(201);
        String clashing = """
                {"conference": %s,
                 "days": [{"date": "2024-11-07"}],
                 "sessions": [
                   {"key": "a", "kind": "PLENARY", "day": "2024-11-07", "start": "09:00", "end": "10:30", "room": "Sala 1",
                    "format": "HYBRID", "title": {"en": "Alpha", "fr": "Alpha", "es": "Alfa"}},
                   {"key": "b", "kind": "PLENARY", "day": "2024-11-07", "start": "10:00", "end": "11:00", "room": "sala 1",
                    "format": "HYBRID", "title": {"en": "Beta", "fr": "Bêta", "es": "Beta"}}]}"""
                .formatted(conference(id));

        HttpResponse<String> refused = api.file("PUT", "/api/sessions/conferences/" + id + "/programme",
                tokens.organiser(), "application/json", clashing.getBytes(StandardCharsets.UTF_8), "en");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode error = api.read(refused).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("sessions[1].room");
        assertThat(error.get("message").asString()).contains("Alpha (2024-11-07 09:00–10:30")
                .contains("Beta (2024-11-07 10:00–11:00");
        JsonNode conference = api.read(api.get("/api/sessions/conferences/" + id, tokens.organiser()));
        assertThat(conference.get("programmeVersion").asLong()).isEqualTo(1);
        assertThat(conference.get("sessions").asLong()).isZero();
    }

    @Test
    void onlyYamlAndJsonAreImportedAndOnlyByOrganisers() {
        byte[] thematic = DemoProgrammes.read(DemoProgrammes.FILES.get(2));

        HttpResponse<String> csv = api.file("POST", "/api/sessions/programmes", tokens.organiser(), "text/csv",
                thematic, null);
        HttpResponse<String> participant = api.file("POST", "/api/sessions/programmes", tokens.participant(),
                "application/yaml", thematic, null);

        assertThat(csv.statusCode()).isEqualTo(415);
        assertThat(api.read(csv).get("detail").asString()).contains("application/yaml");
        assertThat(participant.statusCode()).isEqualTo(403);
        assertThat(participant.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static String conference(String id) {
        return """
                {"id": "%s", "name": {"en": "Test conference", "fr": "Conférence de test", "es": "Conferencia de prueba"},
                 "timeZone": "Europe/Madrid", "languages": ["en", "fr", "es"],
                 "startDate": "2024-11-07", "endDate": "2024-11-08", "invitationOnly": false}""".formatted(id);
    }
}

package dev.hybridconf.session.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
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
 * What an organiser or a programme file may put in a programme, the same over the API and in a file:
 * a conference id is text in quotes (a JSON number is not an id, however it looks), a capacity belongs
 * to a breakout only (the only kind that takes enrolments), and every text a participant reads (names,
 * themes, titles, descriptions, rooms, tracks, speakers) is plain text: no NUL or other control
 * characters, no direction overrides, no broken characters. A refusal writes nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class ProgrammeInputTests {

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

    @BeforeEach
    void conference() {
        api = new ProgrammeApi(port, bootstrap, topics.physical("session.events"));
        conference = api.createLocalAction("input", tokens.organiser());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "2147483648", "12.5", "true", "[\"local-action\"]", "{\"id\":\"x\"}"})
    void aConferenceIdThatIsNotAJsonStringIsRefusedAndNothingIsCreated(String id) {
        HttpResponse<String> refused = api.json("POST", "/api/sessions/conferences", tokens.organiser(), """
                {"id": %s, "name": {"en": "Numbers", "fr": "Nombres", "es": "Números"}, "timeZone": "UTC",
                 "languages": ["en", "fr", "es"], "startDate": "2026-06-01", "endDate": "2026-06-02"}""".formatted(id));

        assertValidation(refused, "id");
        assertThat(api.get("/api/sessions/conferences/12", tokens.organiser()).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/sessions/conferences/2147483648", tokens.organiser()).statusCode()).isEqualTo(404);
    }

    @Test
    void aProgrammeFileWhoseConferenceIdIsANumberIsRefusedLikeTheApi() {
        String yaml = """
                conference:
                  id: 2147483648
                  name: {en: "Numbers", fr: "Nombres", es: "Números"}
                  timeZone: "UTC"
                  languages: ["en", "fr", "es"]
                  startDate: "2026-06-01"
                  endDate: "2026-06-01"
                days: [{date: "2026-06-01"}]
                sessions: []
                """;

        HttpResponse<String> refused = api.file("POST", "/api/sessions/programmes", tokens.organiser(),
                "application/yaml", yaml.getBytes(StandardCharsets.UTF_8), null);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(errorFields(refused)).contains("conference.id");
        assertThat(api.get("/api/sessions/conferences/2147483648", tokens.organiser()).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BREAK", "PLENARY", "OPENING", "WRAP_UP", "SIDE_EVENT"})
    void aCapacityOnASessionThatTakesNoEnrolmentsIsRefused(String kind) {
        HttpResponse<String> refused = schedule("with-capacity", kind, "\"capacity\": 40");

        assertValidation(refused, "capacity");
        assertThat(api.get("/api/sessions/conferences/" + conference + "/programme", tokens.organiser()).body())
                .doesNotContain("with-capacity");
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999999", "2147483648", "0", "-1", "1.5", "1e309", "\"40\""})
    void aCapacityThatIsNotAWholeNumberOfPlacesIsRefused(String capacity) {
        HttpResponse<String> refused = schedule("odd-capacity", "BREAKOUT", "\"capacity\": " + capacity);

        assertValidation(refused, "capacity");
    }

    @Test
    void aBreakoutKeepsItsCapacity() {
        HttpResponse<String> created = schedule("breakout-40", "BREAKOUT", "\"capacity\": 40");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(api.read(created).get("capacity").asInt()).isEqualTo(40);
    }

    @Test
    void aProgrammeFileWithACapacityOnABreakIsRefusedLikeTheApi() {
        String json = """
                {"conference": {"id": "%s", "name": {"en": "Local Action", "fr": "Action locale", "es": "Acción local"},
                  "timeZone": "Europe/Madrid", "languages": ["en", "fr", "es"], "startDate": "2024-11-07",
                  "endDate": "2024-11-08", "invitationOnly": true},
                 "days": [{"date": "2024-11-07"}, {"date": "2024-11-08"}],
                 "sessions": [{"key": "coffee", "kind": "BREAK", "day": "2024-11-07", "start": "10:30", "end": "11:00",
                   "format": "IN_PERSON", "capacity": 200,
                   "title": {"en": "Coffee", "fr": "Café", "es": "Café"}}]}""".formatted(conference);

        HttpResponse<String> refused = api.file("PUT", "/api/sessions/conferences/" + conference + "/programme",
                tokens.organiser(), "application/json", json.getBytes(StandardCharsets.UTF_8), null);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(errorFields(refused)).contains("sessions[0].capacity");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "title.fr        | \"title\": {\"en\": \"Coffee\", \"fr\": \"Caf\\u0000é\", \"es\": \"Café\"}",
            "title.es        | \"title\": {\"en\": \"Coffee\", \"fr\": \"Café\", \"es\": \"\\u202Eéfac\"}",
            "title.en        | \"title\": {\"en\": \"Co\\u0007ffee\", \"fr\": \"Café\", \"es\": \"Café\"}",
            "title.en        | \"title\": {\"en\": \"Coffee\\nbreak\", \"fr\": \"Café\", \"es\": \"Café\"}",
            "description.en  | \"description\": {\"en\": \"Bring\\u001b[31m cups\", \"fr\": \"Tasses\", \"es\": \"Tazas\"}",
            "description.fr  | \"description\": {\"en\": \"Cups\", \"fr\": \"x\\ud800y\", \"es\": \"Tazas\"}",
            "room            | \"room\": \"Room\\u0000A\"",
            "track           | \"track\": \"\\u0085track\"",
            "speakers[0]     | \"speakers\": [\"Amina\\u0000Diallo\"]",
            "slot            | \"slot\": \"morning\\u0000\""})
    void controlCharactersInATextAParticipantReadsAreRefused(String field, String member) {
        String body = session("texts", "PLENARY", member);

        HttpResponse<String> refused = api.json("POST", "/api/sessions/conferences/" + conference + "/sessions",
                tokens.organiser(), body);

        assertValidation(refused, field);
    }

    @Test
    void aDescriptionKeepsItsLineBreaks() {
        HttpResponse<String> created = schedule("lines", "PLENARY",
                "\"description\": {\"en\": \"First line\\nSecond line\", \"fr\": \"Ligne\\tun\", \"es\": \"Línea\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(api.read(created).get("description").get("en").asString()).isEqualTo("First line\nSecond line");
    }

    @Test
    void controlCharactersInAConferenceNameOrADayThemeAreRefused() {
        HttpResponse<String> name = api.json("PUT", "/api/sessions/conferences/" + conference, tokens.organiser(), """
                {"name": {"en": "Local\\u0000Action", "fr": "Action locale", "es": "Acción local"},
                 "timeZone": "Europe/Madrid", "languages": ["en", "fr", "es"], "startDate": "2024-11-07",
                 "endDate": "2024-11-08", "invitationOnly": true}""");
        HttpResponse<String> theme = api.json("PUT", "/api/sessions/conferences/" + conference + "/days/2024-11-08",
                tokens.organiser(), "{\"theme\": {\"en\": \"Fin\\u202Eance\", \"fr\": \"Financement\", \"es\": \"Financiación\"}}");

        assertValidation(name, "name.en");
        assertValidation(theme, "theme.en");
        assertThat(api.get("/api/sessions/conferences/" + conference, tokens.organiser()).body())
                .doesNotContain("\\u0000").doesNotContain("\\u202e").doesNotContain("\\u202E");
    }

    @Test
    void aProgrammeFileWithAControlCharacterInATitleIsRefusedWhole() {
        String json = """
                {"conference": {"id": "%s", "name": {"en": "Local Action", "fr": "Action locale", "es": "Acción local"},
                  "timeZone": "Europe/Madrid", "languages": ["en", "fr", "es"], "startDate": "2024-11-07",
                  "endDate": "2024-11-08", "invitationOnly": true},
                 "days": [{"date": "2024-11-07"}, {"date": "2024-11-08"}],
                 "sessions": [{"key": "opening", "kind": "OPENING", "day": "2024-11-07", "start": "09:00", "end": "10:00",
                   "format": "HYBRID", "title": {"en": "Opening\\u0000", "fr": "Ouverture", "es": "Apertura"}}]}"""
                .formatted(conference);

        HttpResponse<String> refused = api.file("PUT", "/api/sessions/conferences/" + conference + "/programme",
                tokens.organiser(), "application/json", json.getBytes(StandardCharsets.UTF_8), null);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(errorFields(refused)).contains("sessions[0].title.en");
    }

    @Test
    void theRefusalIsExplainedInTheCallersLanguage() {
        HttpResponse<String> refused = api.file("POST", "/api/sessions/conferences/" + conference + "/sessions",
                tokens.organiser(), "application/json",
                session("room-fr", "PLENARY", "\"room\": \"Salle\\u0000A\"").getBytes(StandardCharsets.UTF_8), "fr");

        assertValidation(refused, "room");
        assertThat(refused.body()).contains("texte simple");
    }

    private HttpResponse<String> schedule(String key, String kind, String extra) {
        return api.json("POST", "/api/sessions/conferences/" + conference + "/sessions", tokens.organiser(),
                session(key, kind, extra));
    }

    /** A valid session on the first day, with {@code extra} members (which may replace the defaults). */
    private static String session(String key, String kind, String extra) {
        String title = extra.contains("\"title\"") ? ""
                : "\"title\": {\"en\": \"Session\", \"fr\": \"Séance\", \"es\": \"Sesión\"}, ";
        return "{\"key\": \"" + key + "-" + UUID.randomUUID().toString().substring(0, 6) + "\", \"kind\": \"" + kind
                + "\", \"day\": \"2024-11-07\", \"start\": \"09:00\", \"end\": \"10:00\", \"format\": \"HYBRID\", "
                + title + extra + "}";
    }

    private void assertValidation(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.read(response).get("type").asString()).isEqualTo("https://hybridconf.dev/problems/validation");
        assertThat(errorFields(response)).contains(field);
    }

    private java.util.List<String> errorFields(HttpResponse<String> response) {
        JsonNode errors = api.read(response).path("errors");
        java.util.List<String> fields = new java.util.ArrayList<>();
        errors.forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }
}

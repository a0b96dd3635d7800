package dev.hybridconf.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.registration.identity.TokenIssuer;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TranslationAssertions;
import redis.clients.jedis.params.ScanParams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The registration API over real HTTP, on a real Redis and Kafka broker. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "platform.identity.demo-sign-in=true")
@PlatformInfrastructure
@Import(TestConferences.Published.class)
class RegistrationApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TopicNames topics;

    @Autowired
    RedisStore store;

    @Autowired
    TokenIssuer tokens;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final KafkaProbe kafka = KafkaProbe.shared();

    @Test
    void submittedRegistrationIsStoredAndItsEventPublishedWithoutPersonalData() throws Exception {
        String email = "amina." + UUID.randomUUID() + "@dakar.sn";

        HttpResponse<String> response = post(form(email, "REMOTE", "fr", "SN"));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        String id = body.get("id").asString();
        assertThat(body.get("status").asString()).isEqualTo("PENDING");
        assertThat(response.headers().firstValue("Location")).contains("/api/registrations/" + id);

        List<ConsumerRecord<String, String>> events = eventsFor(id, 1);
        assertThat(events).hasSize(1);
        String event = events.get(0).value();
        EventSchemaAssertions.assertValidEvent(event);
        JsonNode envelope = json.readTree(event);
        assertThat(envelope.get("type").asString()).isEqualTo("registration.submitted.v1");
        assertThat(envelope.get("source").asString()).isEqualTo("registration-service");
        assertThat(envelope.get("data").get("attendanceMode").asString()).isEqualTo("REMOTE");
        assertThat(envelope.get("data").get("conferenceId").asString()).isEqualTo(TestConferences.CONFERENCE);
        assertThat(body.get("conferenceId").asString()).isEqualTo(TestConferences.CONFERENCE);
        assertThat(event).doesNotContain(email).doesNotContain("Amina");
    }

    @Test
    void missingFieldsAreAllNamed() throws Exception {
        HttpResponse<String> response = post("{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(fieldsIn(response)).containsExactlyInAnyOrder("conferenceId", "fullName", "email", "organisation",
                "position", "city", "country", "attendanceMode", "preferredLanguage", "privacyConsent");
    }

    @Test
    void invalidValuesAreNamedAndNothingIsWritten() throws Exception {
        long before = registrationsStored();
        String invalid = """
                {"conferenceId":"Not a Conference!","fullName":"Ana","email":"not-an-email","organisation":"AMB",
                 "position":"Analyst","city":"Barcelona","country":"XX",
                 "attendanceMode":"REMOTE","preferredLanguage":"de","privacyConsent":false}""";

        HttpResponse<String> response = post(invalid);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fieldsIn(response)).containsExactlyInAnyOrder("conferenceId", "email", "country",
                "preferredLanguage", "privacyConsent");
        assertThat(registrationsStored()).isEqualTo(before);
    }

    @Test
    void errorsAreWrittenInTheCallersLanguage() throws Exception {
        String invalid = """
                {"conferenceId":"%s","fullName":"Ana","email":"ana@amb.cat","organisation":"AMB","position":"Analyst",
                 "city":"Barcelona","country":"XX",
                 "attendanceMode":"REMOTE","preferredLanguage":"es","privacyConsent":false}""".formatted(TestConferences.CONFERENCE);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/api/registrations"))
                .header("Content-Type", "application/json").header("Accept-Language", "es-CO")
                .POST(BodyPublishers.ofString(invalid)).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Faltan campos o no son válidos")
                .contains("debe aceptarse para inscribirse").contains("código de país ISO 3166-1");
    }

    @Test
    void everyMessageExistsInEnglishFrenchAndSpanish() {
        TranslationAssertions.assertCompleteInEnglishFrenchAndSpanish("i18n/messages");
        TranslationAssertions.assertCompleteInEnglishFrenchAndSpanish("ValidationMessages");
    }

    @Test
    void unknownAttendanceModeIsNamed() throws Exception {
        HttpResponse<String> response = post(form("x" + UUID.randomUUID() + "@amb.cat", "HYBRID", "es", "ES"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fieldsIn(response)).containsExactly("attendanceMode");
    }

    @Test
    void secondRegistrationWithTheSameEmailIsAConflictAndWritesNothing() throws Exception {
        String email = "carlos." + UUID.randomUUID() + "@bogota.gov.co";
        assertThat(post(form(email, "IN_PERSON", "es", "CO")).statusCode()).isEqualTo(201);
        long before = registrationsStored();

        HttpResponse<String> again = post(form(email.toUpperCase(), "REMOTE", "es", "CO"));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("problems/duplicate-registration");
        assertThat(registrationsStored()).isEqualTo(before);
    }

    @Test
    void oversizeBodyIsRefused() throws Exception {
        String huge = form("big@amb.cat", "REMOTE", "en", "ES").replace("\"AMB\"", "\"" + "A".repeat(70_000) + "\"");

        HttpResponse<String> response = post(huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("problems/payload-too-large");
    }

    @Test
    void organisersReadAnyRegistrationAndOtherParticipantsCannotTellItExists() throws Exception {
        HttpResponse<String> created = post(form("lea." + UUID.randomUUID() + "@lyon.fr", "IN_PERSON", "fr", "FR"));
        String id = json.readTree(created.body()).get("id").asString();
        String organiser = tokens.issue("organiser-1", List.of("organiser"), "en");
        String participant = tokens.issue("participant-1", List.of("participant"), "fr");

        assertThat(get("/api/registrations/" + id, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/registrations/" + id, participant).statusCode()).isEqualTo(404);
        HttpResponse<String> read = get("/api/registrations/" + id, organiser);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json.readTree(read.body()).get("country").asString()).isEqualTo("FR");
        assertThat(get("/api/registrations/" + UUID.randomUUID(), organiser).statusCode()).isEqualTo(404);
        assertThat(get("/api/registrations/not-a-uuid", organiser).statusCode()).isEqualTo(400);
    }

    @Test
    void tokenSignedByAnotherKeyIsRejected() throws Exception {
        String forged = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZXMiOlsib3JnYW5pc2VyIl19.c2lnbmF0dXJl";

        assertThat(get("/api/registrations/" + UUID.randomUUID(), forged).statusCode()).isEqualTo(401);
    }

    @Test
    void jwksPublishesOnlyThePublicKeyAndDemoTokensWork() throws Exception {
        HttpResponse<String> jwks = get("/oauth2/jwks", null);
        JsonNode key = json.readTree(jwks.body()).get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.has("d")).as("private exponent must never be published").isFalse();

        JsonNode demo = json.readTree(get("/internal/demo-sign-in", null).body());
        String organiser = null;
        for (JsonNode token : demo.get("tokens")) {
            if (token.get("role").asString().equals("organiser")) {
                organiser = token.get("token").asString();
            }
        }
        assertThat(organiser).isNotNull();
        assertThat(get("/api/registrations/" + UUID.randomUUID(), organiser).statusCode()).isEqualTo(404);
    }

    @Test
    void apiDescriptionIsPublished() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs", null);

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/registrations");
    }

    private static String form(String email, String mode, String language, String country) {
        return """
                {"conferenceId":"%s","fullName":"Amina Diallo","email":"%s","organisation":"AMB","position":"Mayor",
                 "city":"Dakar","country":"%s","attendanceMode":"%s","preferredLanguage":"%s","privacyConsent":true}"""
                .formatted(TestConferences.CONFERENCE, email, country, mode, language);
    }

    private Set<String> fieldsIn(HttpResponse<String> response) {
        Set<String> fields = new java.util.TreeSet<>();
        json.readTree(response.body()).get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    private long registrationsStored() {
        ScanParams params = new ScanParams().match(store.keys().key("registration", "*")).count(1000);
        long count = 0;
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            var page = store.redis().scan(cursor, params);
            count += page.getResult().size();
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return count;
    }

    private List<ConsumerRecord<String, String>> eventsFor(String id, int expected) {
        return kafka.readUntil(topics.physical("registration.events"), Duration.ofSeconds(30),
                records -> records.stream().filter(r -> id.equals(r.key())).count() >= expected)
                .stream().filter(r -> id.equals(r.key())).toList();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(url("/api/registrations")).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(url(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

package dev.hybridconf.registration;

import static dev.hybridconf.registration.OrganiserApi.encode;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hybridconf.registration.identity.TokenIssuer;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * CSV imports of registrations and invitations over real HTTP, on a real Redis and Kafka broker:
 * row errors with their row number, field and a message in the caller's language; files that cannot
 * be read refused before anything is written. Imports are limited to 1 MiB here and keep at most 12
 * row errors, so that both limits can be seen.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "platform.http.large-body-bytes=1048576", "platform.registration.imports.errors-kept=12"})
@PlatformInfrastructure
@Import(TestConferences.Published.class)
class CsvImportTests {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    private OrganiserApi api;
    private String marker;

    @BeforeEach
    void client() {
        api = new OrganiserApi(port, tokens);
        marker = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void invitationImportCreatesEachGoodRowsInvitationAndShowsItsWorkingLink() {
        String ana = "ana." + marker + "@example.org";
        String eve = "eve." + marker + "@example.org";
        HttpResponse<String> invited = api.http().send(api.http().request("/api/registrations/invitations",
                api.organiser()).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"conferenceId\":\"" + TestConferences.CONFERENCE + "\",\"email\":\""
                        + eve + "\"}")));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        String csv = String.join("\r\n",
                "email;roles;skipReview",
                ana + ";moderator|rapporteur;yes",
                "ben." + marker + "@example.org;;no",
                "not-an-email;;",
                "cho." + marker + "@example.org;king;no",
                ana.toUpperCase() + ";;",
                "dee." + marker + "@example.org;;maybe",
                eve + ";;") + "\r\n";

        HttpResponse<String> accepted = api.upload("invitations", csv, "en");
        JsonNode started = api.http().json(accepted);
        JsonNode job = api.awaitFinished(started.get("id").asString(), DEADLINE);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Location")).contains("/api/registrations/imports/" + started.get("id").asString());
        assertThat(started.get("status").asString()).isEqualTo("RUNNING");
        assertThat(started.get("kind").asString()).isEqualTo("invitations");
        assertThat(started.get("rowsTotal").asLong()).isEqualTo(7);
        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("rowsRead").asLong()).isEqualTo(7);
        assertThat(job.get("succeeded").asLong()).isEqualTo(2);
        assertThat(job.get("failed").asLong()).isEqualTo(5);
        assertThat(errors(job)).containsExactly("4 email", "5 roles", "6 email", "7 skipReview", "8 email");
        assertThat(message(job, 6)).isEqualTo("repeats the e-mail address of row 2 of this file");
        assertThat(message(job, 8)).isEqualTo(eve + " has already been invited to this conference.");
        assertThat(job.get("conferenceId").asString()).isEqualTo(TestConferences.CONFERENCE);
        assertThat(job.get("notice").asString()).contains("shown nowhere else");
        List<JsonNode> links = new ArrayList<>();
        job.get("invitations").forEach(links::add);
        assertThat(links).extracting(link -> link.get("row").asLong()).containsExactly(2L, 3L);
        assertThat(links.get(0).get("email").asString()).isEqualTo(ana);

        String code = java.util.Arrays.stream(URI.create(links.get(0).get("link").asString()).getQuery().split("&"))
                .filter(parameter -> parameter.startsWith("invitation=")).findFirst().orElseThrow()
                .substring("invitation=".length());
        String registered = api.register(Map.of("email", ana, "invitationCode", code, "fullName", "Ana Invited"));
        JsonNode registration = api.read("/api/registrations/" + registered);
        assertThat(registration.get("status").asString()).isEqualTo("APPROVED");
        assertThat(registration.get("roles").toString()).contains("moderator").contains("rapporteur");
    }

    @Test
    void registrationRowsAreValidatedLikeTheFormAndReportedInTheCallersLanguage() {
        String taken = "taken." + UUID.randomUUID() + "@lyon.fr";
        api.register(Map.of("email", taken));
        String lea = "lea." + marker + "@lyon.fr";
        String org = "Ville " + marker;
        String csv = "\uFEFF" + String.join("\n",
                "Full name,E-mail,Organisation,position,city,country,attendance_mode,preferredLanguage,"
                        + "interpretationNeeded,interpretationLanguage,privacyConsent",
                "Léa Martin," + lea + "," + org + ",Adjointe,Lyon,fr,in person,FR,non,,oui",
                "",
                "Bad Country,bc." + marker + "@x.org," + org + ",Maire,Lyon,XX,REMOTE,fr,,,oui",
                "Bad Mode,bm." + marker + "@x.org," + org + ",Maire,Lyon,FR,HYBRID,fr,,,oui",
                "Bad Consent,bk." + marker + "@x.org," + org + ",Maire,Lyon,FR,REMOTE,fr,,,peut-être",
                "Short Row,sr." + marker + "@x.org," + org + ",Maire,Lyon,FR,REMOTE,fr",
                "Already There," + taken + "," + org + ",Maire,Lyon,FR,REMOTE,fr,,,oui",
                "Léa Again," + lea.toUpperCase() + "," + org + ",Maire,Lyon,FR,REMOTE,fr,,,oui",
                "No Language,nl." + marker + "@x.org," + org + ",Maire,Lyon,FR,REMOTE,fr,oui,,oui",
                "Carlos Pérez,carlos." + marker + "@bogota.gov.co,\"Alcaldía, " + marker + "\",Asesor,Bogotá,CO,remote,es,"
                        + "sí,fr,true",
                ",not-an-email," + org + ",Maire,Lyon,FR,REMOTE,fr,,,oui");

        String id = api.startImport("registrations", csv, "fr-FR");
        JsonNode job = api.awaitFinished(id, DEADLINE);

        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("language").asString()).isEqualTo("fr");
        assertThat(job.get("rowsTotal").asLong()).isEqualTo(10);
        assertThat(job.get("rowsRead").asLong()).isEqualTo(10);
        assertThat(job.get("succeeded").asLong()).isEqualTo(2);
        assertThat(job.get("failed").asLong()).isEqualTo(8);
        assertThat(job.has("invitations")).isFalse();
        assertThat(errors(job)).containsExactly("4 country", "5 attendanceMode", "6 privacyConsent", "7 -",
                "8 email", "9 email", "10 interpretationLanguage", "12 email", "12 fullName");
        assertThat(message(job, 4)).contains("doit être un code pays ISO 3166-1 alpha-2");
        assertThat(message(job, 5)).isEqualTo("vaut HYBRID, qui ne fait pas partie de IN_PERSON, REMOTE");
        assertThat(message(job, 6)).startsWith("vaut peut-être ; indiquez oui ou non");
        assertThat(message(job, 7)).isEqualTo("La ligne compte 8 cellules alors que l'en-tête en compte 11.");
        assertThat(message(job, 8)).isEqualTo("Cette adresse e-mail a déjà une inscription à cette conférence.");
        assertThat(message(job, 9)).isEqualTo("reprend l'adresse e-mail de la ligne 2 de ce fichier");
        assertThat(message(job, 10)).contains("interprétation");

        assertThat(api.names("q=" + marker)).containsExactlyInAnyOrder("Léa Martin", "Carlos Pérez");
        JsonNode leaStored = api.read("/api/registrations?q=" + encode(lea)).get("items").get(0);
        assertThat(leaStored.get("attendanceMode").asString()).isEqualTo("IN_PERSON");
        assertThat(leaStored.get("country").asString()).isEqualTo("FR");
        assertThat(leaStored.get("preferredLanguage").asString()).isEqualTo("fr");
        assertThat(leaStored.get("status").asString()).isEqualTo("PENDING");
        assertThat(leaStored.get("interpretationNeeded").asBoolean()).isFalse();
        JsonNode carlos = api.read("/api/registrations?q=carlos+" + marker).get("items").get(0);
        assertThat(carlos.get("organisation").asString()).isEqualTo("Alcaldía, " + marker);
        assertThat(carlos.get("city").asString()).isEqualTo("Bogotá");
        assertThat(carlos.get("interpretationLanguage").asString()).isEqualTo("fr");
    }

    @Test
    void filesThatCannotBeReadAreRefusedBeforeAnyRowIsWritten() {
        String good = "Ana Ruiz,ana." + marker + "@x.org,Ville " + marker + ",Maire,Madrid,ES,REMOTE,es,yes";
        String header = "fullName,email,organisation,position,city,country,attendanceMode,preferredLanguage,privacyConsent";

        HttpResponse<String> unclosedQuote = api.upload("registrations",
                header + "\n" + good + "\n\"Broken,b." + marker + "@x.org,Ville,Maire,Madrid,ES,REMOTE,es,yes\n" + good, "en");
        HttpResponse<String> empty = api.upload("registrations", "", "en");
        HttpResponse<String> unknownColumn = api.upload("registrations", header.replace("fullName", "nmae") + "\n" + good, "en");
        HttpResponse<String> missingColumns = api.upload("registrations", "email\nana." + marker + "@x.org\n", "en");
        HttpResponse<String> headerOnly = api.upload("registrations", header + "\n", "en");
        HttpResponse<String> utf16 = api.upload("invitations",
                ("\uFEFFemail\nana." + marker + "@x.org\n").getBytes(StandardCharsets.UTF_16LE), "text/csv",
                api.organiser(), "en");
        HttpResponse<String> unknownKind = api.upload("participants", header + "\n" + good, "en");
        HttpResponse<String> noKind = api.upload(null, header + "\n" + good, "en");
        HttpResponse<String> json = api.upload("registrations", "{}".getBytes(StandardCharsets.UTF_8), "application/json",
                api.organiser(), "es");
        HttpResponse<String> noConference = api.upload("registrations", null,
                (header + "\n" + good).getBytes(StandardCharsets.UTF_8), "text/csv", api.organiser(), "fr");
        HttpResponse<String> unknownConference = api.upload("registrations", "no-such-conference",
                (header + "\n" + good).getBytes(StandardCharsets.UTF_8), "text/csv", api.organiser(), "en");

        assertProblem(unclosedQuote, 400, "csv-invalid");
        assertThat(detail(unclosedQuote)).contains("row 3").contains("Nothing was imported");
        assertProblem(empty, 400, "csv-invalid");
        assertThat(detail(empty)).contains("first row must name the columns");
        assertProblem(unknownColumn, 400, "csv-invalid");
        assertThat(detail(unknownColumn)).contains("nmae");
        assertProblem(missingColumns, 400, "csv-invalid");
        assertThat(detail(missingColumns)).contains("fullName").contains("privacyConsent");
        assertProblem(headerOnly, 400, "csv-invalid");
        assertProblem(utf16, 400, "csv-invalid");
        assertThat(detail(utf16)).contains("not UTF-8 text");
        assertProblem(unknownKind, 400, "validation");
        assertThat(api.http().json(unknownKind).get("errors").get(0).get("field").asString()).isEqualTo("kind");
        assertProblem(noKind, 400, "validation");
        assertProblem(json, 415, "unsupported-media-type");
        assertProblem(noConference, 400, "validation");
        assertThat(api.http().json(noConference).get("errors").get(0).get("field").asString()).isEqualTo("conference");
        assertThat(api.http().json(noConference).get("errors").get(0).get("message").asString())
                .contains("identifiant de la conférence");
        assertProblem(unknownConference, 404, "not-found");
        assertThat(detail(json)).contains("text/csv").contains("Envíe");
        assertThat(api.read("/api/registrations/counts?q=" + marker).get("total").asLong()).isZero();
        assertThat(api.read("/api/registrations/invitations?size=500").toString()).doesNotContain(marker);
    }

    @Test
    void anUploadAboveTheImportLimitIsRefusedAndWritesNothing() {
        StringBuilder csv = new StringBuilder("fullName,email,organisation,position,city,country,attendanceMode,"
                + "preferredLanguage,privacyConsent,accessibilityNeeds\n");
        for (int i = 0; csv.length() < 1_200_000; i++) {
            csv.append("Person ").append(i).append(",p").append(i).append('.').append(marker).append("@x.org,Ville ")
                    .append(marker).append(",Maire,Madrid,ES,REMOTE,es,yes,").append("n".repeat(500)).append('\n');
        }

        HttpResponse<String> refused = api.upload("registrations", csv.toString(), "en");

        assertProblem(refused, 413, "payload-too-large");
        assertThat(detail(refused)).contains("1048576");
        assertThat(api.read("/api/registrations/counts?q=" + marker).get("total").asLong()).isZero();
    }

    @Test
    void storedRowErrorsAreCappedAndTheRestCounted() {
        StringBuilder csv = new StringBuilder("email\n");
        for (int i = 0; i < 20; i++) {
            csv.append("not-an-address-").append(i).append('\n');
        }
        csv.append("ok.").append(marker).append("@example.org\n");

        String id = api.startImport("invitations", csv.toString(), "es");
        api.awaitFinished(id, DEADLINE);
        JsonNode job = api.http().json(api.get("/api/registrations/imports/" + id, api.organiser(), "es"));

        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("failed").asLong()).isEqualTo(20);
        assertThat(job.get("succeeded").asLong()).isEqualTo(1);
        assertThat(job.get("errors").size()).isEqualTo(12);
        assertThat(job.get("errors").get(0).get("row").asLong()).isEqualTo(2);
        assertThat(job.get("errors").get(11).get("row").asLong()).isEqualTo(13);
        assertThat(job.get("errorsOmitted").asLong()).isEqualTo(8);
        assertThat(job.get("invitations").get(0).get("row").asLong()).isEqualTo(22);
        assertThat(job.get("notice").asString()).contains("no se muestra en ningún otro lugar");
    }

    @Test
    void anUnknownImportIsNotFound() {
        HttpResponse<String> unknown = api.get("/api/registrations/imports/" + UUID.randomUUID(), api.organiser(), null);
        HttpResponse<String> notAnId = api.get("/api/registrations/imports/latest", api.organiser(), null);

        assertProblem(unknown, 404, "not-found");
        assertThat(notAnId.statusCode()).isEqualTo(400);
    }

    /** "row field" for each error, in the order the import lists them ("-" for a whole-row error). */
    private static List<String> errors(JsonNode job) {
        List<String> errors = new ArrayList<>();
        job.get("errors").forEach(error -> errors.add(error.get("row").asLong() + " "
                + (error.get("field").isNull() ? "-" : error.get("field").asString())));
        return errors;
    }

    private static String message(JsonNode job, long row) {
        for (JsonNode error : job.get("errors")) {
            if (error.get("row").asLong() == row) {
                return error.get("message").asString();
            }
        }
        throw new AssertionError("no error for row " + row + " in " + job);
    }

    private String detail(HttpResponse<String> response) {
        return api.http().json(response).get("detail").asString();
    }

    private void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
        assertThat(api.http().json(response).get("type").asString()).isEqualTo("https://hybridconf.dev/problems/" + type);
    }
}

package dev.hybridconf.registration;

import static dev.hybridconf.registration.OrganiserApi.encode;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
 * Organisers list, search, count and export registrations over real HTTP, on a real Redis and Kafka
 * broker. Each test gives its people an organisation with a word of its own and narrows every query
 * with {@code q=<that word>}, so tests never see each other's registrations.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
@Import(TestConferences.Published.class)
class OrganiserViewsTests {

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    TestConferences conferences;

    private OrganiserApi api;
    private String marker;

    @BeforeEach
    void client() {
        api = new OrganiserApi(port, tokens);
        marker = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void filtersAndAccentInsensitiveSearchFindTheRightPeople() {
        String maria = person("María José Pérez", "Bogotá", "CO", "REMOTE", "es");
        String amina = person("Amina Diallo", "Dakar", "SN", "IN_PERSON", "fr");
        String kwame = person("Kwame Mensah", "Accra", "GH", "REMOTE", "en");
        String zoe = person("Zoë Müller", "São Paulo", "BR", "IN_PERSON", "es");
        review(amina, "approve");
        review(kwame, "reject");
        grantRoles(zoe, "moderator");

        assertThat(names("q=bogota+" + marker)).containsExactly("María José Pérez");
        assertThat(names("q=" + encode("BOGOTÁ " + marker))).containsExactly("María José Pérez");
        assertThat(names("q=perez+" + marker)).containsExactly("María José Pérez");
        assertThat(names("q=sao+paulo+" + marker)).containsExactly("Zoë Müller");
        assertThat(names("q=zoe+muller+" + marker)).containsExactly("Zoë Müller");
        assertThat(names("q=" + marker)).containsExactlyInAnyOrder("María José Pérez", "Amina Diallo", "Kwame Mensah",
                "Zoë Müller");

        assertThat(names("status=APPROVED,REJECTED&q=" + marker)).containsExactlyInAnyOrder("Amina Diallo",
                "Kwame Mensah");
        assertThat(names("status=approved&status=rejected&q=" + marker)).containsExactlyInAnyOrder("Amina Diallo",
                "Kwame Mensah");
        assertThat(names("status=PENDING&q=" + marker)).containsExactlyInAnyOrder("María José Pérez", "Zoë Müller");
        assertThat(names("mode=IN_PERSON&q=" + marker)).containsExactlyInAnyOrder("Amina Diallo", "Zoë Müller");
        assertThat(names("language=es&q=" + marker)).containsExactlyInAnyOrder("María José Pérez", "Zoë Müller");
        assertThat(names("language=es&mode=REMOTE&q=" + marker)).containsExactly("María José Pérez");
        assertThat(names("country=co,sn&q=" + marker)).containsExactlyInAnyOrder("María José Pérez", "Amina Diallo");
        assertThat(names("role=moderator&q=" + marker)).containsExactly("Zoë Müller");
        assertThat(names("role=participant&q=" + marker)).hasSize(4);
        assertThat(names("country=FR&q=" + marker)).isEmpty();

        JsonNode one = api.read("/api/registrations?q=dakar+" + marker).get("items").get(0);
        assertThat(one.get("id").asString()).isEqualTo(amina);
        assertThat(one.get("status").asString()).isEqualTo("APPROVED");
        assertThat(one.get("city").asString()).isEqualTo("Dakar");
        assertThat(one.get("organisation").asString()).isEqualTo("Ville " + marker);
        assertThat(api.read("/api/registrations?q=bogota+" + marker).get("items").get(0).get("id").asString())
                .isEqualTo(maria);

        String email = "bob." + marker + "@uclg.org";
        api.register(Map.of("fullName", "Bob Example", "email", email, "organisation", "UCLG"));
        assertThat(names("q=" + encode(email.toUpperCase()))).containsExactly("Bob Example");
    }

    @Test
    void pagesAreNewestFirstByDefaultAndOldestFirstOnRequest() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            ids.add(person("Person " + i, "Lyon", "FR", "REMOTE", "fr"));
        }

        List<JsonNode> newest = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode answer = api.read("/api/registrations?size=3&page=" + page + "&q=" + marker);
            assertThat(answer.get("total").asLong()).isEqualTo(7);
            assertThat(answer.get("page").asInt()).isEqualTo(page);
            assertThat(answer.get("size").asInt()).isEqualTo(3);
            answer.get("items").forEach(newest::add);
        }
        JsonNode beyond = api.read("/api/registrations?size=3&page=3&q=" + marker);
        List<JsonNode> oldest = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            api.read("/api/registrations?sort=submittedAt&size=3&page=" + page + "&q=" + marker).get("items")
                    .forEach(oldest::add);
        }

        assertThat(newest).hasSize(7);
        assertThat(newest.stream().map(item -> item.get("id").asString())).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(newest.stream().map(OrganiserViewsTests::submittedAt).toList())
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(beyond.get("items").size()).isZero();
        assertThat(beyond.get("total").asLong()).isEqualTo(7);
        assertThat(oldest.stream().map(item -> item.get("id").asString())).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(oldest.stream().map(OrganiserViewsTests::submittedAt).toList()).isSorted();
    }

    @Test
    void countsSplitTheMatchesByStatusModeLanguageAndCountry() {
        String first = person("Ana Ruiz", "Madrid", "ES", "IN_PERSON", "es");
        person("Luis Gómez", "Sevilla", "ES", "REMOTE", "es");
        person("Léa Martin", "Lyon", "FR", "REMOTE", "fr");
        person("Kwame Mensah", "Accra", "GH", "REMOTE", "en");
        review(first, "approve");

        JsonNode counts = api.read("/api/registrations/counts?q=" + marker);
        JsonNode remote = api.read("/api/registrations/counts?mode=REMOTE&q=" + marker);

        assertThat(counts.get("total").asLong()).isEqualTo(4);
        assertThat(counts.get("byStatus").get("APPROVED").asLong()).isEqualTo(1);
        assertThat(counts.get("byStatus").get("PENDING").asLong()).isEqualTo(3);
        assertThat(counts.get("byStatus").get("WAITLISTED").asLong()).isZero();
        assertThat(counts.get("byAttendanceMode").get("IN_PERSON").asLong()).isEqualTo(1);
        assertThat(counts.get("byAttendanceMode").get("REMOTE").asLong()).isEqualTo(3);
        assertThat(counts.get("byLanguage").get("es").asLong()).isEqualTo(2);
        assertThat(counts.get("byLanguage").get("fr").asLong()).isEqualTo(1);
        assertThat(counts.get("byLanguage").get("en").asLong()).isEqualTo(1);
        assertThat(counts.get("byCountry").get("ES").asLong()).isEqualTo(2);
        assertThat(counts.get("byCountry").get("FR").asLong()).isEqualTo(1);
        assertThat(counts.get("byCountry").get("GH").asLong()).isEqualTo(1);
        assertThat(counts.get("byCountry").has("CO")).isFalse();
        assertThat(remote.get("total").asLong()).isEqualTo(3);
        assertThat(remote.get("byStatus").get("APPROVED").asLong()).isZero();
        assertThat(remote.get("byCountry").get("ES").asLong()).isEqualTo(1);
    }

    @Test
    void exportIsAStreamedCsvWithEveryColumnAndFormulasNeutralised() throws Exception {
        String evil = api.register(Map.of("fullName", "=HYPERLINK(\"http://evil.example\",\"x\")",
                "organisation", "+33 Ville " + marker, "position", "-2+3", "city", "@SUM(A1)", "country", "FR",
                "preferredLanguage", "fr"));
        String maria = api.register(Map.ofEntries(Map.entry("fullName", "María José Pérez"),
                Map.entry("email", "Maria." + marker + "@Bogota.gov.co"), Map.entry("organisation", "Alcaldía " + marker),
                Map.entry("city", "Bogotá"), Map.entry("country", "CO"), Map.entry("attendanceMode", "IN_PERSON"),
                Map.entry("preferredLanguage", "es"), Map.entry("interpretationNeeded", true),
                Map.entry("interpretationLanguage", "fr"), Map.entry("timeZone", "America/Bogota"),
                Map.entry("accessibilityNeeds", "Wheelchair access"), Map.entry("sponsorshipRequested", true),
                Map.entry("sponsorshipJustification", "Travel, \"urgent\"\nsecond line")));

        HttpResponse<String> export = api.get("/api/registrations/export.csv?q=" + marker, api.organiser(), null);
        HttpResponse<String> approvedOnly = api.get("/api/registrations/export.csv?status=APPROVED&q=" + marker,
                api.organiser(), null);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type.replace(" ", "").toLowerCase()).isEqualTo("text/csv;charset=utf-8"));
        assertThat(export.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=registrations-" + TestConferences.CONFERENCE + ".csv");
        List<CSVRecord> rows = parse(export.body());
        assertThat(rows.get(0).toList()).containsExactly("id", "conferenceId", "status", "fullName", "email",
                "organisation", "position", "city", "country", "attendanceMode", "preferredLanguage",
                "interpretationNeeded", "interpretationLanguage", "accessibilityNeeds", "timeZone", "sponsorship",
                "sponsorshipJustification", "roles", "submittedAt");
        assertThat(rows).hasSize(3);
        CSVRecord evilRow = rows.stream().filter(r -> r.get(0).equals(evil)).findFirst().orElseThrow();
        assertThat(evilRow.get(3)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
        assertThat(evilRow.get(5)).isEqualTo("'+33 Ville " + marker);
        assertThat(evilRow.get(6)).isEqualTo("'-2+3");
        assertThat(evilRow.get(7)).isEqualTo("'@SUM(A1)");
        CSVRecord mariaRow = rows.stream().filter(r -> r.get(0).equals(maria)).findFirst().orElseThrow();
        assertThat(mariaRow.toList().subList(1, 17)).containsExactly(TestConferences.CONFERENCE, "PENDING",
                "María José Pérez",
                "maria." + marker + "@bogota.gov.co", "Alcaldía " + marker, "Policy officer", "Bogotá", "CO",
                "IN_PERSON", "es", "true", "fr", "Wheelchair access", "America/Bogota", "REQUESTED",
                "Travel, \"urgent\"\nsecond line");
        assertThat(mariaRow.get(17)).isEqualTo("participant");
        assertThat(Instant.parse(mariaRow.get(18))).isBefore(Instant.now().plusSeconds(1));
        assertThat(approvedOnly.statusCode()).isEqualTo(200);
        assertThat(parse(approvedOnly.body())).hasSize(1);
    }

    @Test
    void aRegistrationForOneConferenceIsInvisibleInAnotherConferencesViews() throws Exception {
        String other = "other-views-" + marker;
        conferences.publish(other, false, dev.hybridconf.contracts.session.RegistrationTerms.UNSTATED);
        String mine = person("Amina Diallo", "Dakar", "SN", "IN_PERSON", "fr");
        String theirs = api.register(Map.of("conferenceId", other, "fullName", "Kwame Mensah", "city", "Accra",
                "country", "GH", "organisation", "Ville " + marker));
        review(theirs, "approve");
        String organiser = api.organiser();

        JsonNode mineListed = api.read("/api/registrations?q=" + marker);
        JsonNode theirsListed = api.read("/api/registrations?conference=" + other + "&q=" + marker);
        JsonNode mineCounted = api.read("/api/registrations/counts?q=" + marker);
        JsonNode theirsCounted = api.read("/api/registrations/counts?conference=" + other);
        String mineExported = api.get("/api/registrations/export.csv?q=" + marker, organiser, null).body();
        String theirsExported = api.get("/api/registrations/export.csv?conference=" + other, organiser, null).body();
        JsonNode theirCapacity = api.read("/api/registrations/capacity?conference=" + other);
        JsonNode myCapacity = api.read("/api/registrations/capacity");

        assertThat(mineListed.get("conferenceId").asString()).isEqualTo(TestConferences.CONFERENCE);
        assertThat(mineListed.get("items")).extracting(item -> item.get("id").asString()).containsExactly(mine);
        assertThat(theirsListed.get("items")).extracting(item -> item.get("id").asString()).containsExactly(theirs);
        assertThat(mineCounted.get("total").asLong()).isEqualTo(1);
        assertThat(mineCounted.get("byStatus").get("APPROVED").asLong()).isZero();
        assertThat(theirsCounted.get("total").asLong()).isEqualTo(1);
        assertThat(theirsCounted.get("byStatus").get("APPROVED").asLong()).isEqualTo(1);
        assertThat(mineExported).contains(mine).doesNotContain(theirs);
        assertThat(theirsExported).contains(theirs).doesNotContain(mine);
        assertThat(parse(theirsExported).get(1).get(1)).isEqualTo(other);
        assertThat(theirCapacity.get("modes").get("REMOTE").get("approved").asLong()).isEqualTo(1);
        assertThat(myCapacity.get("conferenceId").asString()).isEqualTo(TestConferences.CONFERENCE);
        assertThat(api.read("/api/registrations/" + theirs).get("conferenceId").asString()).isEqualTo(other);
    }

    @Test
    void everyOrganiserViewNamesItsConferenceAndAnUnknownOneIsNotFound() {
        String organiser = api.organiser();
        List<String> views = List.of("/api/registrations", "/api/registrations/counts", "/api/registrations/export.csv",
                "/api/registrations/capacity", "/api/registrations/settings", "/api/registrations/invitations");

        for (String view : views) {
            HttpResponse<String> missing = api.http().send(api.http().request(view, organiser)
                    .header("Accept-Language", "es").GET());
            HttpResponse<String> unknown = api.http().send(api.http().request(view + "?conference=no-such-conference",
                    organiser).GET());
            HttpResponse<String> hostile = api.http().send(api.http().request(view + "?conference=" + encode("../*"),
                    organiser).GET());
            assertProblem(missing, 400, "validation");
            assertThat(fields(missing)).as(view).contains("conference");
            assertThat(missing.body()).as(view).contains("identificador de la conferencia");
            assertProblem(unknown, 404, "not-found");
            assertProblem(hostile, 404, "not-found");
        }
        HttpResponse<String> both = api.http().send(api.http().request("/api/registrations?status=SLEEPING", organiser)
                .GET());
        assertThat(fields(both)).as("every bad parameter at once").containsExactly("conference", "status");
    }

    @Test
    void unknownFilterValuesAreA400ProblemNamingTheParameter() {
        String organiser = api.organiser();

        HttpResponse<String> status = api.get("/api/registrations?status=SLEEPING", organiser, null);
        HttpResponse<String> several = api.get("/api/registrations/counts?mode=HYBRID&language=de&country=XX&role=king",
                organiser, null);
        HttpResponse<String> export = api.get("/api/registrations/export.csv?status=SLEEPING", organiser, null);
        HttpResponse<String> tooBig = api.get("/api/registrations?size=501", organiser, null);
        HttpResponse<String> sort = api.get("/api/registrations?sort=fullName", organiser, null);
        HttpResponse<String> french = api.get("/api/registrations?status=SLEEPING", organiser, "fr");

        assertProblem(status, 400, "validation");
        assertThat(fields(status)).containsExactly("status");
        assertThat(status.body()).contains("SLEEPING").contains("PENDING, APPROVED, WAITLISTED");
        assertProblem(several, 400, "validation");
        assertThat(fields(several)).containsExactly("country", "language", "mode", "role");
        assertProblem(export, 400, "validation");
        assertThat(fields(export)).containsExactly("status");
        assertProblem(tooBig, 400, "validation");
        assertThat(fields(tooBig)).containsExactly("size");
        assertProblem(sort, 400, "validation");
        assertThat(fields(sort)).containsExactly("sort");
        assertThat(french.body()).contains("a une valeur inconnue SLEEPING");
    }

    @Test
    void participantsAreRefusedEveryOrganiserView() {
        String participant = api.participant();
        String csv = "email\nana@example.org\n";

        List<HttpResponse<String>> answers = List.of(
                api.get("/api/registrations", participant, null),
                api.get("/api/registrations/counts", participant, null),
                api.get("/api/registrations/export.csv", participant, null),
                api.http().send(api.http().request("/api/registrations/imports?kind=invitations", participant)
                        .header("Content-Type", "text/csv").POST(BodyPublishers.ofString(csv))),
                api.get("/api/registrations/imports/" + UUID.randomUUID(), participant, null));

        for (HttpResponse<String> answer : answers) {
            assertProblem(answer, 403, "forbidden");
        }
        assertThat(api.get("/api/registrations", null, null).statusCode()).isEqualTo(401);
        assertThat(api.read("/api/registrations/invitations").get("total").asLong()).isZero();
    }

    private String person(String fullName, String city, String country, String mode, String language) {
        return api.register(Map.of("fullName", fullName, "city", city, "country", country, "attendanceMode", mode,
                "preferredLanguage", language, "organisation", "Ville " + marker));
    }

    private List<String> names(String query) {
        return api.names(query);
    }

    private void review(String id, String action) {
        HttpResponse<String> answer = api.http().review(id, action, api.organiser());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private void grantRoles(String id, String role) {
        HttpResponse<String> answer = api.http().send(api.http().request("/api/registrations/" + id + "/roles",
                api.organiser()).header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString("{\"roles\":[\"" + role + "\"]}")));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
        assertThat(api.http().json(response).get("type").asString()).isEqualTo("https://hybridconf.dev/problems/" + type);
    }

    private List<String> fields(HttpResponse<String> response) {
        List<String> fields = new ArrayList<>();
        api.http().json(response).get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    private static Instant submittedAt(JsonNode item) {
        return Instant.parse(item.get("submittedAt").asString());
    }

    /** The export's rows, after checking it opens with the byte order mark that makes Excel read UTF-8. */
    private static List<CSVRecord> parse(String csv) throws Exception {
        assertThat(csv).startsWith("\uFEFF");
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.substring(1)), CSVFormat.DEFAULT)) {
            return parser.getRecords();
        }
    }
}

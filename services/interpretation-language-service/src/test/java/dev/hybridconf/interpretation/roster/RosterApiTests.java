package dev.hybridconf.interpretation.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import dev.hybridconf.testinfra.TranslationAssertions;
import tools.jackson.databind.JsonNode;

/**
 * The roster through its HTTP API on a real Redis: organisers add, read, change and remove entries with
 * versions and {@code If-Match}; e-mails and registrations are unique per conference; the form is checked the
 * AIIC way with every problem named, in English, French and Spanish; an interpreter reads only their own entry,
 * and everyone else is told nothing exists.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class RosterApiTests {

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    Roster roster;

    RosterApi api;

    @BeforeEach
    void api() {
        api = new RosterApi(port);
    }

    @Test
    void organisersAddReadChangeAndRemoveEntriesWithVersions() {
        String conference = RosterApi.conference("crud");
        HttpResponse<String> created = api.create(conference, RosterApi.body("Lucía Fernández", "Lucia.Fernandez@Example.org"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode entry = api.read(created);
        String id = entry.path("interpreterId").asString();
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(created.headers().firstValue("Location")).contains(api.interpreters(conference) + "/" + id);
        assertThat(entry.path("email").asString()).isEqualTo("lucia.fernandez@example.org");
        assertThat(entry.path("languages").get(1).path("retour").asBoolean()).isTrue();
        assertThat(entry.path("availability").get(1).path("day").asString()).isEqualTo("2021-02-17");
        assertThat(entry.path("availability").get(1).path("part").asString()).isEqualTo("MORNING");

        HttpResponse<String> read = api.get(api.interpreters(conference) + "/" + id, RosterApi.ORGANISER);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).contains("\"1\"");

        String changed = RosterApi.body("Lucía Fernández Ruiz", "lucia.fernandez@example.org");
        HttpResponse<String> put = api.json("PUT", api.interpreters(conference) + "/" + id, RosterApi.ORGANISER, changed,
                null, "\"1\"");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(api.read(put).path("version").asLong()).isEqualTo(2);

        // The same body again changes nothing: no new version.
        HttpResponse<String> again = api.json("PUT", api.interpreters(conference) + "/" + id, RosterApi.ORGANISER, changed,
                null);
        assertThat(api.read(again).path("version").asLong()).isEqualTo(2);

        // A stale If-Match is refused, in the reader's language, and changes nothing.
        HttpResponse<String> stale = api.json("PUT", api.interpreters(conference) + "/" + id, RosterApi.ORGANISER,
                RosterApi.body("Someone Else", "lucia.fernandez@example.org"), "fr", "\"1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.read(stale).path("type").asString()).endsWith("/precondition-failed");
        assertThat(api.read(stale).path("detail").asString()).contains("version actuelle : 2");
        assertThat(roster.find(conference, id)).hasValueSatisfying(
                profile -> assertThat(profile.name()).isEqualTo("Lucía Fernández Ruiz"));

        HttpResponse<String> staleDelete = api.delete(api.interpreters(conference) + "/" + id, RosterApi.ORGANISER, "\"1\"");
        assertThat(staleDelete.statusCode()).isEqualTo(412);
        HttpResponse<String> deleted = api.delete(api.interpreters(conference) + "/" + id, RosterApi.ORGANISER, "\"2\"");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(api.get(api.interpreters(conference) + "/" + id, RosterApi.ORGANISER).statusCode()).isEqualTo(404);
        assertThat(roster.forConference(conference)).isEmpty();

        // Its e-mail is free again.
        assertThat(api.create(conference, RosterApi.body("Lucía Fernández", "lucia.fernandez@example.org")).statusCode())
                .isEqualTo(201);
    }

    @Test
    void theListIsInNameOrderAndThePortReadsTheSame() {
        String conference = RosterApi.conference("order");
        api.created(conference, RosterApi.body("Zoë Adams", "zoe@example.org"));
        api.created(conference, RosterApi.body("ángel Ruiz", "angel@example.org"));
        api.created(conference, RosterApi.body("Bruno Costa", "bruno@example.org"));
        JsonNode list = api.read(api.get(api.interpreters(conference), RosterApi.ORGANISER));
        List<String> names = new ArrayList<>();
        list.path("interpreters").forEach(entry -> names.add(entry.path("name").asString()));
        assertThat(names).containsExactly("ángel Ruiz", "Bruno Costa", "Zoë Adams");
        assertThat(roster.forConference(conference)).extracting(InterpreterProfile::name).containsExactlyElementsOf(names);
        // Another conference's roster is another roster.
        assertThat(api.read(api.get(api.interpreters(RosterApi.conference("other")), RosterApi.ORGANISER))
                .path("interpreters")).isEmpty();
    }

    @Test
    void eMailsAndRegistrationsAreUniquePerConference() {
        String conference = RosterApi.conference("unique");
        String registration = UUID.randomUUID().toString();
        String first = api.created(conference, RosterApi.body("Ana Ortiz", "ana@example.org", registration));
        HttpResponse<String> sameEmail = api.create(conference, RosterApi.body("Ana Ortiz", " ANA@example.org ", null));
        assertThat(sameEmail.statusCode()).isEqualTo(409);
        assertThat(api.read(sameEmail).path("type").asString()).endsWith("/interpreter-email-taken");
        HttpResponse<String> sameRegistration = api.create(conference,
                RosterApi.body("Other Person", "other@example.org", registration));
        assertThat(sameRegistration.statusCode()).isEqualTo(409);
        assertThat(api.read(sameRegistration).path("type").asString()).endsWith("/interpreter-registration-taken");

        String second = api.created(conference, RosterApi.body("Other Person", "other@example.org"));
        HttpResponse<String> takeEmail = api.json("PUT", api.interpreters(conference) + "/" + second, RosterApi.ORGANISER,
                RosterApi.body("Other Person", "ana@example.org"), "es");
        assertThat(takeEmail.statusCode()).isEqualTo(409);
        assertThat(api.read(takeEmail).path("detail").asString()).contains("ya tiene el correo");

        // The same e-mail in another conference is another entry.
        assertThat(api.create(RosterApi.conference("unique-other"), RosterApi.body("Ana Ortiz", "ana@example.org",
                registration)).statusCode()).isEqualTo(201);
        assertThat(roster.find(conference, first)).isPresent();
    }

    @Test
    void theFormIsCheckedTheAiicWayWithEveryProblemNamed() {
        String conference = RosterApi.conference("invalid");
        HttpResponse<String> refused = api.create(conference, """
                {"name": "  ", "email": "not an e-mail", "zoomEmail": 12, "registrationId": "with space",
                 "languages": [{"language": "en", "level": "B", "retour": true}, {"language": "xx", "level": "D"},
                               {"language": "en", "level": "C", "retour": "yes"}],
                 "mode": "SOMEWHERE", "availability": [{"day": "2021-02-30"}, {"day": "2021-02-16", "part": "NIGHT"}],
                 "preferredPartners": ["nobody"], "colour": "blue"}""");
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = api.read(refused);
        assertThat(problem.path("type").asString()).endsWith("/validation");
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).contains("name", "email", "zoomEmail", "registrationId", "languages[1].language",
                "languages[1].level", "languages[2].retour", "mode", "availability[0].day", "availability[1].part",
                "preferredPartners[0]", "colour");

        // The AIIC rules over the whole list: an A, each language once, a retour only on a B.
        HttpResponse<String> noA = api.create(conference, """
                {"name": "No A", "email": "noa@example.org", "mode": "REMOTE",
                 "languages": [{"language": "en", "level": "B"}, {"language": "fr", "level": "C", "retour": true},
                               {"language": "fr", "level": "B"}]}""");
        assertThat(noA.statusCode()).isEqualTo(400);
        String errors = api.read(noA).path("errors").toString();
        assertThat(errors).contains("needs at least one A language").contains("fr is listed twice")
                .contains("a retour is marked on fr (C)");

        HttpResponse<String> french = api.json("POST", api.interpreters(conference), RosterApi.ORGANISER, """
                {"name": "Sans A", "email": "sansa@example.org", "mode": "REMOTE",
                 "languages": [{"language": "en", "level": "B"}],
                 "availability": [{"day": "2021-02-16"}, {"day": "2021-02-16", "part": "AFTERNOON"}]}""", "fr");
        assertThat(api.read(french).path("errors").toString()).contains("au moins une langue A")
                .contains("2021-02-16 figure deux fois");

        HttpResponse<String> notJson = api.json("POST", api.interpreters(conference), RosterApi.ORGANISER, "[1, 2]", "es");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(api.read(notJson).path("errors").toString()).contains("debe ser un objeto");
        assertThat(roster.forConference(conference)).isEmpty();
    }

    @Test
    void signLanguagesAndPartnersAreAcceptedAndARemovedPartnerIsDroppedFromOthers() {
        String conference = RosterApi.conference("partners");
        String ana = api.created(conference, RosterApi.body("Ana Ortiz", "ana@example.org"));
        HttpResponse<String> created = api.create(conference, """
                {"name": "Marta Gil", "email": "marta@example.org", "mode": "ON_SITE",
                 "languages": [{"language": "ssp", "level": "A"}, {"language": "ils", "level": "B", "retour": true},
                               {"language": "es", "level": "A"}],
                 "availability": [{"day": "2021-02-16", "part": "AFTERNOON"}],
                 "preferredPartners": ["%s"]}""".formatted(ana.toUpperCase()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String marta = api.read(created).path("interpreterId").asString();
        assertThat(roster.find(conference, marta).orElseThrow().preferredPartners()).containsExactly(ana);

        HttpResponse<String> self = api.json("PUT", api.interpreters(conference) + "/" + marta, RosterApi.ORGANISER, """
                {"name": "Marta Gil", "email": "marta@example.org", "mode": "ON_SITE",
                 "languages": [{"language": "es", "level": "A"}], "preferredPartners": ["%s", "%s"]}"""
                .formatted(marta, UUID.randomUUID()), null);
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(api.read(self).path("errors").toString()).contains("preferredPartners[0]").contains("preferredPartners[1]");

        assertThat(api.delete(api.interpreters(conference) + "/" + ana, RosterApi.ORGANISER, null).statusCode()).isEqualTo(204);
        InterpreterProfile after = roster.find(conference, marta).orElseThrow();
        assertThat(after.preferredPartners()).isEmpty();
        assertThat(after.version()).isEqualTo(2);
    }

    @Test
    void onlyOrganisersManageAndAnInterpreterReadsOnlyTheirOwnEntry() {
        String conference = RosterApi.conference("access");
        String registration = UUID.randomUUID().toString();
        String own = api.created(conference, RosterApi.body("Ana Ortiz", "ana@example.org", registration));
        String other = api.created(conference, RosterApi.body("Bea Soto", "bea@example.org", UUID.randomUUID().toString()));
        String interpreter = RosterApi.interpreterToken(registration);
        String participant = TestTokens.shared().participant();

        assertThat(api.get(api.interpreters(conference), interpreter).statusCode()).isEqualTo(403);
        assertThat(api.json("POST", api.interpreters(conference), interpreter, RosterApi.body("X", "x@example.org"), null)
                .statusCode()).isEqualTo(403);
        assertThat(api.json("PUT", api.interpreters(conference) + "/" + own, interpreter,
                RosterApi.body("Ana Ortiz", "ana@example.org", registration), null).statusCode()).isEqualTo(403);
        assertThat(api.delete(api.interpreters(conference) + "/" + own, interpreter, null).statusCode()).isEqualTo(403);
        assertThat(api.get(api.interpreters(conference) + ".csv", interpreter).statusCode()).isEqualTo(403);
        assertThat(api.importCsv(conference, "name\n", false, null).statusCode()).isNotEqualTo(403);
        assertThat(api.get(api.interpreters(conference), null).statusCode()).isEqualTo(401);

        HttpResponse<String> mine = api.get(api.interpreters(conference) + "/" + own, interpreter);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(api.read(mine).path("name").asString()).isEqualTo("Ana Ortiz");
        HttpResponse<String> theirs = api.get(api.interpreters(conference) + "/" + other, interpreter, "es");
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(api.read(theirs).path("detail").asString()).contains("No hay ningún intérprete");
        assertThat(api.get(api.interpreters(conference) + "/" + own, participant).statusCode()).isEqualTo(404);

        HttpResponse<String> me = api.get("/api/interpretation/me/interpreter?conference=" + conference, interpreter);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(api.read(me).path("interpreterId").asString()).isEqualTo(own);
        assertThat(api.get("/api/interpretation/me/interpreter?conference=" + RosterApi.conference("elsewhere"),
                interpreter).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/interpretation/me/interpreter?conference=" + conference,
                RosterApi.interpreterToken(UUID.randomUUID().toString())).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/interpretation/me/interpreter?conference=" + conference, RosterApi.ORGANISER)
                .statusCode()).isEqualTo(403);
        assertThat(api.get("/api/interpretation/me/interpreter", interpreter).statusCode()).isEqualTo(400);
        assertThat(roster.byRegistration(conference, registration)).map(InterpreterProfile::interpreterId).contains(own);
    }

    @Test
    void everyMessageIsInEnglishFrenchAndSpanish() {
        TranslationAssertions.assertCompleteInEnglishFrenchAndSpanish("i18n/messages");
    }
}

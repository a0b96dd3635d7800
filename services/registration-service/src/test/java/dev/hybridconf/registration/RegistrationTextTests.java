package dev.hybridconf.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.hybridconf.registration.identity.TokenIssuer;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.hostile.ProblemAssertions;
import dev.hybridconf.testinfra.hostile.RawHttp;
import tools.jackson.databind.JsonNode;

/**
 * What a person types is shown to other people (organisers' lists and CSV exports, badges, e-mails):
 * names, organisation, position, city and needs refuse NUL and other control characters, direction
 * overrides and broken characters, whether they come from the form, a participant's change or a CSV
 * import. Multi-line free text keeps its line breaks.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
@Import(TestConferences.Published.class)
class RegistrationTextTests {

    /** JSON string literals (escaped as a client would send them) that no text a person reads may hold. */
    static final List<String> HOSTILE = List.of("a\\u0000b", "bell\\u0007", "esc\\u001b[31m", "c1\\u0085x",
            "\\u202Egnp.exe", "x\\ud800y");

    static final List<String> SINGLE_LINE = List.of("fullName", "organisation", "position", "city");
    static final List<String> MULTI_LINE = List.of("accessibilityNeeds", "sponsorshipJustification");

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    static List<Arguments> everyTextFieldWithEveryHostileValue() {
        return java.util.stream.Stream.concat(SINGLE_LINE.stream(), MULTI_LINE.stream())
                .flatMap(field -> HOSTILE.stream().map(value -> Arguments.of(field, value))).toList();
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @MethodSource("everyTextFieldWithEveryHostileValue")
    void aRegistrationWithControlCharactersInATextIsRefusedAndNotStored(String field, String value) {
        String email = "text." + UUID.randomUUID() + "@example.org";

        RawHttp.Response refused = submit(email, field, value);

        JsonNode problem = ProblemAssertions.assertProblem(refused, 400, "validation");
        assertThat(problem.get("errors").toString()).contains("\"field\":\"" + field + "\"");
        assertThat(submit(email, field, "Ordinary text").status()).as("nothing was stored").isEqualTo(201);
    }

    @Test
    void theRefusalIsExplainedInTheCallersLanguage() {
        RawHttp.Response refused = http().request("POST", "/api/registrations").header("Accept-Language", "fr")
                .json(form("fr." + UUID.randomUUID() + "@example.org", "fullName", "Amina\\u0000 Diallo")).send();

        ProblemAssertions.assertProblem(refused, 400, "validation");
        assertThat(refused.text()).contains("doit être du texte simple");
    }

    @Test
    void multiLineNeedsKeepTheirLineBreaksAndEveryScriptIsWelcome() {
        String email = "lines." + UUID.randomUUID() + "@example.org";

        RawHttp.Response created = http().request("POST", "/api/registrations").json("""
                {"conferenceId":"%s","fullName":"عائشة بنت محمد","email":"%s","organisation":"서울특별시 😀","position":"Adjointe au maire",
                 "city":"Bogotá","country":"CO","attendanceMode":"REMOTE","preferredLanguage":"es",
                 "accessibilityNeeds":"Step-free access\\nHearing loop\\tplease","privacyConsent":true}"""
                .formatted(TestConferences.CONFERENCE, email)).send();

        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    @Test
    void aParticipantCannotPutControlCharactersInTheirNeeds() {
        String id = new RegistrationHttp(port, tokens).register("REMOTE", "en");

        RawHttp.Response refused = http().request("PATCH", "/api/registrations/me")
                .bearer(tokens.issue(id, List.of("participant"), "en"))
                .json("{\"accessibilityNeeds\":\"captions\\u0000\"}").send();

        JsonNode problem = ProblemAssertions.assertProblem(refused, 400, "validation");
        assertThat(problem.get("errors").toString()).contains("\"field\":\"accessibilityNeeds\"");
    }

    @Test
    void aCsvImportRowWithControlCharactersIsReportedNotImported() {
        OrganiserApi api = new OrganiserApi(port, tokens);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String csv = String.join("\n",
                "fullName,email,organisation,position,city,country,attendanceMode,preferredLanguage,privacyConsent",
                "Kwame Mensah,kwame." + marker + "@example.org,City\u0000 of Accra,Mayor,Accra,GH,REMOTE,en,yes",
                "Ama Owusu,ama." + marker + "@example.org,City of Kumasi,Mayor\u202E,Kumasi,GH,REMOTE,en,yes",
                "Kofi Boateng,kofi." + marker + "@example.org,City of Tamale,Mayor,Tamale,GH,REMOTE,en,yes") + "\n";

        JsonNode job = api.awaitFinished(api.startImport("registrations", csv, "en"), Duration.ofSeconds(60));

        assertThat(job.get("succeeded").asLong()).isEqualTo(1);
        assertThat(job.get("failed").asLong()).isEqualTo(2);
        assertThat(job.get("errors").toString()).contains("organisation").contains("position");
    }

    private RawHttp.Response submit(String email, String field, String value) {
        return http().request("POST", "/api/registrations").json(form(email, field, value)).send();
    }

    /** A complete form with {@code field} set to {@code value} (a JSON string body, escapes allowed). */
    private static String form(String email, String field, String value) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("fullName", "Amina Diallo",
                "organisation", "Ville de Dakar", "position", "Adjointe au maire", "city", "Dakar",
                "accessibilityNeeds", "Step-free access", "sponsorshipJustification", "Travel from Dakar"));
        fields.put(field, value);
        StringBuilder json = new StringBuilder("{\"conferenceId\":\"" + TestConferences.CONFERENCE + "\",\"email\":\"" + email + "\",\"country\":\"SN\",\"attendanceMode\":\"REMOTE\","
                + "\"preferredLanguage\":\"fr\",\"privacyConsent\":true,\"sponsorshipRequested\":true");
        fields.forEach((name, text) -> json.append(",\"").append(name).append("\":\"").append(text).append('"'));
        return json.append('}').toString();
    }

    private RawHttp http() {
        return RawHttp.localhost(port);
    }
}

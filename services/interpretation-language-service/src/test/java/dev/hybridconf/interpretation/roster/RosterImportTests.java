package dev.hybridconf.interpretation.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import dev.hybridconf.testinfra.hostile.RedisWrites;
import tools.jackson.databind.JsonNode;

/**
 * CSV imports and exports of the roster through HTTP on a real Redis: all or nothing, a dry run that writes
 * nothing, refusals with the line and column of every problem (comments and blank lines counted) in the reader's
 * language, upserts by e-mail that change no version when nothing changed, hostile cells refused or made
 * harmless, and an export that imports back unchanged.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class RosterImportTests {

    static final String HEADER = "name,email,zoom_email,languages,mode,availability,partners,registration_id\n";

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    Roster roster;

    @Autowired
    RedisStore store;

    RosterApi api;
    RedisWrites writes;

    @BeforeEach
    void api() {
        api = new RosterApi(port);
        writes = new RedisWrites(store.redis(), store.keys().prefix(), List.of(store.keys().prefix() + "lease:*",
                store.keys().prefix() + "outbox"));
    }

    @Test
    void aFileIsImportedWithCommentsForwardPartnersAndHalfDaysAndAgainChangesNothing() {
        String conference = RosterApi.conference("import");
        String csv = "\uFEFF# The Spanish booth\n#\n" + HEADER
                + "Lucía Fernández,Lucia@Example.org,lucia.zoom@example.org,es-A en-B* fr-C,remote,"
                + "2021-02-15 2021-02-16pm,carlos@example.org,demo-interpreter\n"
                + "\n"
                + "# Carlos works on site\n"
                + "\"Gutiérrez, Carlos\",carlos@example.org,,es-A en-B,on-site,2021-02-16am,lucia@example.org,\n"
                + "Signer,signer@example.org,,ils-A ssp-A es-B,remote,none,,\n";
        HttpResponse<String> imported = api.importCsv(conference, csv, false, null);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode report = api.read(imported);
        assertThat(report.path("created").asInt()).isEqualTo(3);
        assertThat(report.path("dryRun").asBoolean()).isFalse();
        List<Long> lines = new ArrayList<>();
        report.path("rows").forEach(row -> lines.add(row.path("line").asLong()));
        assertThat(lines).containsExactly(4L, 7L, 8L);

        InterpreterProfile lucia = roster.byRegistration(conference, "demo-interpreter").orElseThrow();
        InterpreterProfile carlos = roster.forConference(conference).stream()
                .filter(p -> p.email().equals("carlos@example.org")).findFirst().orElseThrow();
        assertThat(lucia.email()).isEqualTo("lucia@example.org");
        assertThat(lucia.zoomEmail()).isEqualTo("lucia.zoom@example.org");
        assertThat(lucia.languages()).containsExactly(new LanguageSkill("es", LanguageClass.A, false),
                new LanguageSkill("en", LanguageClass.B, true), new LanguageSkill("fr", LanguageClass.C, false));
        assertThat(lucia.availability()).containsExactly(new Availability(java.time.LocalDate.of(2021, 2, 15), DayPart.DAY),
                new Availability(java.time.LocalDate.of(2021, 2, 16), DayPart.AFTERNOON));
        assertThat(lucia.preferredPartners()).containsExactly(carlos.interpreterId());
        assertThat(carlos.name()).isEqualTo("Gutiérrez, Carlos");
        assertThat(carlos.mode()).isEqualTo(WorkMode.ON_SITE);
        assertThat(carlos.preferredPartners()).containsExactly(lucia.interpreterId());
        assertThat(lucia.canInterpret("en", "es")).isTrue();
        assertThat(lucia.canInterpret("es", "en")).isTrue();
        assertThat(lucia.canInterpret("es", "fr")).isFalse();

        Map<String, String> before = writes.snapshot();
        JsonNode again = api.read(api.importCsv(conference, csv, false, null));
        assertThat(again.path("unchanged").asInt()).isEqualTo(3);
        assertThat(again.path("created").asInt() + again.path("updated").asInt()).isZero();
        assertThat(RedisWrites.changes(before, writes.snapshot())).isEmpty();
    }

    @Test
    void aDryRunReportsTheSameAndWritesNothing() {
        String conference = RosterApi.conference("dry");
        String csv = HEADER + "Ana Ortiz,ana@example.org,,es-A en-B,remote,2021-02-16,,\n";
        Map<String, String> before = writes.snapshot();
        HttpResponse<String> dry = api.importCsv(conference, csv, true, null);
        assertThat(dry.statusCode()).isEqualTo(200);
        assertThat(api.read(dry).path("dryRun").asBoolean()).isTrue();
        assertThat(api.read(dry).path("created").asInt()).isEqualTo(1);
        assertThat(RedisWrites.changes(before, writes.snapshot())).isEmpty();
        assertThat(roster.forConference(conference)).isEmpty();

        String bad = HEADER + "Ana Ortiz,ana@example.org,,es-B,remote,2021-02-16,,\n";
        assertThat(api.importCsv(conference, bad, true, null).statusCode()).isEqualTo(400);
        assertThat(RedisWrites.changes(before, writes.snapshot())).isEmpty();
    }

    @Test
    void oneWrongRowRefusesTheWholeFileNamingEveryProblemWithItsLine() {
        String conference = RosterApi.conference("refused");
        api.created(conference, RosterApi.body("Existing One", "existing@example.org", "reg-existing"));
        Map<String, String> before = writes.snapshot();
        String csv = "# a comment\n" + HEADER
                + "Good Row,good@example.org,,en-A fr-C,remote,2021-02-16,,\n"                      // line 3
                + "No A,noa@example.org,,en-B fr-C*,remote,2021-02-16,,\n"                          // line 4
                + "Bad Cells,bad@example.org,zoom,=1+1 en-A,elsewhere,2021-02-30 tomorrow,x,\n"     // line 5
                + "Good Row Again,GOOD@example.org,,en-A,remote,all,unknown@example.org,reg-existing\n" // line 6
                + "Multi \"\"line\"\",multi@example.org,,en-A,remote,none,,,extra\n";              // line 7
        HttpResponse<String> refused = api.importCsv(conference, csv, false, "fr");
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = api.read(refused);
        assertThat(problem.path("type").asString()).endsWith("/roster-import-refused");
        assertThat(problem.path("refusedRows").asInt()).isEqualTo(4);
        assertThat(problem.path("rows").asInt()).isEqualTo(5);
        assertThat(problem.path("detail").asString()).contains("4 de ses 5 lignes");
        List<String> errors = new ArrayList<>();
        problem.path("errors").forEach(error -> errors.add(error.path("line").asLong() + " "
                + error.path("column").asString("-") + ": " + error.path("message").asString()));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("4 languages: ").contains("au moins une langue A"))
                .anySatisfy(e -> assertThat(e).startsWith("4 languages: ").contains("retour"))
                .anySatisfy(e -> assertThat(e).startsWith("5 zoom_email: "))
                .anySatisfy(e -> assertThat(e).startsWith("5 languages: ").contains("=1+1"))
                .anySatisfy(e -> assertThat(e).startsWith("5 mode: ").contains("elsewhere"))
                .anySatisfy(e -> assertThat(e).startsWith("5 availability: ").contains("2021-02-30"))
                .anySatisfy(e -> assertThat(e).startsWith("5 availability: ").contains("tomorrow"))
                .anySatisfy(e -> assertThat(e).startsWith("5 partners: "))
                .anySatisfy(e -> assertThat(e).startsWith("6 email: ").contains("ligne 3"))
                .anySatisfy(e -> assertThat(e).startsWith("6 availability: ").contains("all"))
                .anySatisfy(e -> assertThat(e).startsWith("7 -: "));
        assertThat(errors).noneMatch(e -> e.startsWith("3 "));
        assertThat(RedisWrites.changes(before, writes.snapshot())).isEmpty();
        assertThat(roster.forConference(conference)).hasSize(1);

        // Partners and registrations are checked against the roster as it would be after the import.
        String crossed = HEADER + "New One,new@example.org,,en-A,remote,none,unknown@example.org,reg-existing\n";
        JsonNode cross = api.read(api.importCsv(conference, crossed, false, "es"));
        assertThat(cross.path("errors").toString()).contains("unknown@example.org")
                .contains("ya está vinculada a otro intérprete");
        assertThat(RedisWrites.changes(before, writes.snapshot())).isEmpty();
    }

    @Test
    void hostileCellsAreRefusedOrMadeHarmless() {
        String conference = RosterApi.conference("hostile");
        Map<String, String> before = writes.snapshot();
        String controls = HEADER
                + "Bell\u0007Name,bell@example.org,,en-A,remote,none,,\n"
                + "Evil\u202Eeman,bidi@example.org,,en-A,remote,none,,\n"
                + "\"Two\nLines\",two@example.org,,en-A,remote,none,,\n"
                + "Long,long@example.org,,en-A,remote,none,,\"" + "x".repeat(1_001) + "\"\n"
                + "Injected,inj@example.org,,en-A,remote,none,,\"=cmd|' /C calc'!A0\"\n";
        JsonNode refused = api.read(api.importCsv(conference, controls, false, null));
        List<Long> lines = new ArrayList<>();
        refused.path("errors").forEach(error -> lines.add(error.path("line").asLong()));
        assertThat(lines).containsExactly(2L, 3L, 4L, 6L, 7L);
        assertThat(refused.toString()).doesNotContain("\u202E").doesNotContain("\u0007");
        assertThat(RedisWrites.changes(before, writes.snapshot())).isEmpty();

        // A cell that a spreadsheet would take for a formula is plain text here, and comes out of the export guarded.
        String formulas = HEADER
                + "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",formula@example.org,,en-A,remote,none,,\n"
                + "\"#hashtag\",hash@example.org,,en-A,remote,none,,\n"
                + "@SUM(A1),at@example.org,,en-A,remote,none,,\n";
        HttpResponse<String> imported = api.importCsv(conference, formulas, false, null);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        HttpResponse<String> export = api.get(api.interpreters(conference) + ".csv", RosterApi.ORGANISER);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(export.body()).startsWith("\uFEFF" + HEADER.strip());
        assertThat(export.body()).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"")
                .contains("'@SUM(A1)").contains("\"#hashtag\"");
        // The export imports back as it is: nothing changes.
        JsonNode again = api.read(api.upload(conference, "text/csv; charset=utf-8",
                export.body().getBytes(StandardCharsets.UTF_8), false, null));
        assertThat(again.path("unchanged").asInt()).isEqualTo(3);
        assertThat(roster.forConference(conference)).extracting(InterpreterProfile::name)
                .contains("=HYPERLINK(\"http://evil.example\",\"click\")", "#hashtag", "@SUM(A1)");
    }

    @Test
    void aFileThatIsNoRosterIsRefusedAsAWhole() {
        String conference = RosterApi.conference("files");
        Map<String, String> before = writes.snapshot();
        assertProblem(api.upload(conference, "application/json", "{}".getBytes(StandardCharsets.UTF_8), false, null),
                415, "/unsupported-media-type");
        assertProblem(api.upload(conference, "text/csv; charset=utf-8",
                (HEADER + "Jos\u00e9,jose@example.org,,es-A,remote,none,,\n").getBytes(StandardCharsets.ISO_8859_1), false,
                null), 400, "/csv-invalid");
        assertProblem(api.importCsv(conference, HEADER + "\"Unclosed,a@example.org,,en-A,remote,none,,\n", false, null),
                400, "/csv-invalid");
        assertProblem(api.importCsv(conference, "name,email,languages,mode,availability,colour\n", false, "es"), 400,
                "/csv-invalid");
        assertProblem(api.importCsv(conference, "name,email,languages\nA,a@example.org,en-A\n", false, null), 400,
                "/csv-invalid");
        assertProblem(api.importCsv(conference, "name,name,email,languages,mode,availability\n", false, null), 400,
                "/csv-invalid");
        assertProblem(api.importCsv(conference, "# only a comment\n\n", false, null), 400, "/csv-invalid");
        assertProblem(api.importCsv(conference, HEADER, false, null), 400, "/csv-invalid");
        StringBuilder many = new StringBuilder(HEADER);
        for (int i = 0; i <= CsvRosterFile.MAX_ROWS; i++) {
            many.append("P").append(i).append(",p").append(i).append("@example.org,,en-A,remote,none,,\n");
        }
        assertProblem(api.importCsv(conference, many.toString(), false, null), 400, "/csv-invalid");
        assertProblem(api.upload(conference, "text/csv", new byte[1_048_577], false, null), 413, "/payload-too-large");
        assertProblem(api.importCsv("Not_A_Conference", HEADER + "A,a@example.org,,en-A,remote,none,,\n", false, null),
                404, "/not-found");
        assertThat(RedisWrites.changes(before, writes.snapshot())).isEmpty();

        // A file saved by a spreadsheet in a French or Spanish locale (semicolons, Latin-1) is read as it is.
        HttpResponse<String> latin = api.upload(conference, "text/csv; charset=ISO-8859-1",
                "name;email;languages;mode;availability\nJos\u00e9 P\u00e9rez;jose@example.org;es-A en-C;remote;none\n"
                        .getBytes(StandardCharsets.ISO_8859_1), false, null);
        assertThat(latin.statusCode()).as(latin.body()).isEqualTo(200);
        assertThat(roster.forConference(conference)).extracting(InterpreterProfile::name).containsExactly("José Pérez");
    }

    @Test
    void rowsMatchEntriesByEmailAndAbsentColumnsKeepWhatEntriesHold() {
        String conference = RosterApi.conference("upsert");
        api.importCsv(conference, HEADER
                + "Ana Ortiz,ana@example.org,ana.zoom@example.org,es-A en-B,remote,2021-02-16,bea@example.org,reg-a\n"
                + "Bea Soto,bea@example.org,,es-A en-C,remote,2021-02-16,,reg-b\n", false, null);
        InterpreterProfile ana = byEmail(conference, "ana@example.org");
        InterpreterProfile bea = byEmail(conference, "bea@example.org");

        // Without the zoom_email, partners and registration_id columns: a changed name only.
        JsonNode renamed = api.read(api.importCsv(conference, "name,email,languages,mode,availability\n"
                + "Ana Ortiz Gil,ANA@example.org,es-A en-B,remote,2021-02-16\n"
                + "Bea Soto,bea@example.org,es-A en-C,remote,2021-02-16\n", false, null));
        assertThat(renamed.path("updated").asInt()).isEqualTo(1);
        assertThat(renamed.path("unchanged").asInt()).isEqualTo(1);
        InterpreterProfile after = roster.find(conference, ana.interpreterId()).orElseThrow();
        assertThat(after.name()).isEqualTo("Ana Ortiz Gil");
        assertThat(after.version()).isEqualTo(2);
        assertThat(after.zoomEmail()).isEqualTo("ana.zoom@example.org");
        assertThat(after.registrationId()).isEqualTo("reg-a");
        assertThat(after.preferredPartners()).containsExactly(bea.interpreterId());

        // Two entries swap their registrations in one import.
        JsonNode swapped = api.read(api.importCsv(conference, "email,name,languages,mode,availability,registration_id\n"
                + "ana@example.org,Ana Ortiz Gil,es-A en-B,remote,2021-02-16,reg-b\n"
                + "bea@example.org,Bea Soto,es-A en-C,remote,2021-02-16,reg-a\n", false, null));
        assertThat(swapped.path("updated").asInt()).as(swapped.toString()).isEqualTo(2);
        assertThat(roster.byRegistration(conference, "reg-a")).map(InterpreterProfile::interpreterId)
                .contains(bea.interpreterId());
        assertThat(roster.byRegistration(conference, "reg-b")).map(InterpreterProfile::interpreterId)
                .contains(ana.interpreterId());
    }

    private InterpreterProfile byEmail(String conference, String email) {
        return roster.forConference(conference).stream().filter(p -> p.email().equals(email)).findFirst().orElseThrow();
    }

    private void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
        assertThat(api.read(response).path("type").asString()).endsWith(type);
        assertThat(api.read(response).path("detail").asString()).isNotBlank();
    }
}

package dev.hybridconf.rapporteur.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import dev.hybridconf.rapporteur.analysis.DayTrends;
import dev.hybridconf.rapporteur.analysis.ThemeCount;
import dev.hybridconf.rapporteur.analysis.TrendsMother;
import dev.hybridconf.rapporteur.programme.ConferenceInfo;
import dev.hybridconf.rapporteur.programme.DayInfo;
import dev.hybridconf.rapporteur.summary.PublishedText;
import dev.hybridconf.rapporteur.summary.PublishedVersion;
import dev.hybridconf.rapporteur.testing.InMemoryProgramme;
import dev.hybridconf.rapporteur.testing.RapporteurApi;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * What the readers' service tests share: the whole service on a random port with the real Redis and broker, the
 * readers' ports filled by hand ({@link ReadingTestPorts}), a public base address that is not the service's own (so
 * links that leak the request's host show), and a conference of their own per test. Readers send no token.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "platform.public-base-url=" + ReadingServiceTest.PUBLIC_BASE)
@PlatformInfrastructure
@Import(ReadingTestPorts.class)
abstract class ReadingServiceTest {

    static final String PUBLIC_BASE = "https://conference.example.org/hybridconf";
    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final LocalDate DAY1 = LocalDate.of(2021, 2, 16);
    static final LocalDate DAY2 = LocalDate.of(2021, 2, 17);
    static final LocalDate DAY3 = LocalDate.of(2021, 2, 18);
    static final Instant PUBLISHED = Instant.parse("2021-02-16T17:05:00Z");

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    InMemoryProgramme programme;

    @Autowired
    ReadingTestPorts.FixedPublications publications;

    @Autowired
    ReadingTestPorts.FixedTrends trends;

    private RapporteurApi api;

    @BeforeEach
    void readersApi() {
        api = new RapporteurApi(port);
    }

    /** A conference of its own (id prefixed {@code prefix}) over three Seminar days, in these working languages. */
    ConferenceInfo conference(String prefix, String... languages) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        ConferenceInfo conference = new ConferenceInfo(id,
                Map.of("en", "Seminar Campus 2021", "fr", "Séminaire Campus 2021", "es", "Seminario Campus 2021"),
                MADRID, List.of(languages),
                List.of(new DayInfo(DAY1, Map.of("en", "Housing", "fr", "Logement", "es", "Vivienda")),
                        new DayInfo(DAY2, Map.of("en", "Mobility", "fr", "Mobilité", "es", "Movilidad")),
                        new DayInfo(DAY3, Map.of())));
        programme.put(conference);
        return conference;
    }

    /** Publishes {@code version} of {@code day} with these texts (language → Markdown), at {@code at}. */
    PublishedVersion publish(ConferenceInfo conference, LocalDate day, int version, Instant at,
            Map<String, String> markdown, Map<String, String> notes) {
        Map<String, PublishedText> texts = new java.util.TreeMap<>();
        markdown.forEach((language, text) -> texts.put(language, new PublishedText(language, version, text, false,
                null)));
        return publish(new PublishedVersion(conference.id(), day, version, at, texts,
                conference.languages().stream().filter(l -> !markdown.containsKey(l)).toList(), notes));
    }

    PublishedVersion publish(PublishedVersion version) {
        publications.publish(version);
        return version;
    }

    /** The day's analysis with these themes (key → breakouts), labelled per language. */
    void analyse(ConferenceInfo conference, LocalDate day, List<ThemeCount> themes) {
        DayTrends mother = TrendsMother.dayTrends("9a7e5c3b-1d2f-4e6a-8b0c-1d2e3f4a5b6c",
                "0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e");
        trends.store(new DayTrends(conference.id(), day, mother.method(), mother.reporting(),
                mother.reportingByLanguage(), false, mother.trends(), mother.sdgs(), themes));
    }

    HttpResponse<String> get(String path, String... headers) {
        return api.get(path, null, headers);
    }

    JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return api.read(response);
    }

    /** A refusal as problem details, with its type's last segment. */
    JsonNode problem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = api.read(response);
        assertThat(problem.path("type").asText()).endsWith("/" + slug);
        return problem;
    }

    static Document xml(String text) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + text, e);
        }
    }

    static String base(ConferenceInfo conference) {
        return "/api/rapporteur/conferences/" + conference.id();
    }
}

package dev.hybridconf.session.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.EventPayload;
import dev.hybridconf.contracts.interpretation.InterpretationPlanPublished;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.AssignedInterpreter;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Channel;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Participants read each session's languages in the programme (real HTTP, Kafka and Redis): the floor languages
 * before any interpretation plan is published, then the channels of the published plan with where they reach
 * listeners (in the room, on Zoom), named in en/fr/es, never the interpreters. Each event is applied once, an older
 * plan version arriving late changes nothing, the view rebuilds from the topic to the same reads, and the programme
 * filters on a language given on the floor or as a channel, refusing a code that is not one in the reader's language.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class InterpretedProgrammeTests {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String SOURCE = "interpretation-language-service";

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

    @Autowired
    EventCodec codec;

    @Autowired
    MeterRegistry meters;

    private final TestTokens tokens = TestTokens.shared();
    private final KafkaProbe kafka = KafkaProbe.shared();
    private ProgrammeApi api;
    private String conference;

    @BeforeEach
    void conference() {
        api = new ProgrammeApi(port, bootstrap, topics.physical("session.events"));
        conference = api.createLocalAction("interp", tokens.organiser());
    }

    @Test
    void beforeAnyPlanASessionReadsItsFloorLanguagesWithTheirNames() {
        String plenary = schedule("plenary", "PLENARY", "09:30", "11:00", "Sala Mirador", "HYBRID", "en", "fr");

        JsonNode languages = session(plenary).get("languages");

        assertThat(languages.get("floor")).extracting(f -> f.get("code").asString()).containsExactly("en", "fr");
        assertThat(languages.get("floor").get(1).get("name").get("en").asString()).isEqualTo("French");
        assertThat(languages.get("floor").get(1).get("name").get("fr").asString()).isEqualTo("français");
        assertThat(languages.get("floor").get(1).get("name").get("es").asString()).isEqualTo("francés");
        assertThat(languages.get("channels")).isEmpty();
        assertThat(languages.get("planVersion").isNull()).isTrue();
        assertThat(dayOne(programme("")).get(0).get("languages")).isEqualTo(languages);
    }

    @Test
    void publishedChannelsShowWhereTheyAreDeliveredOnceEachAndAnOlderPlanArrivingLateChangesNothing() {
        String plenary = schedule("plenary", "PLENARY", "09:30", "11:00", "Sala Mirador", "HYBRID", "en");
        double appliedBefore = count("applied");
        double duplicatesBefore = count("duplicate");
        double olderBefore = count("older");

        CloudEvent second = event(plenary, 2, List.of(
                new Channel("fr", false, Delivery.BOTH, true, null),
                new Channel("es", false, Delivery.ZOOM, false, null),
                new Channel("ils", true, Delivery.ROOM, true, null)));
        publish(second);
        publish(second);
        await().atMost(DEADLINE).until(() -> count("applied") > appliedBefore && count("duplicate") > duplicatesBefore);

        HttpResponse<String> read = api.get("/api/sessions/" + plenary, tokens.participant());
        assertThat(read.body()).as("no interpreter, id or e-mail reaches participants")
                .doesNotContain("@", "interpreter-", "zoomEmail");
        JsonNode languages = api.read(read).get("languages");
        assertThat(languages.get("planVersion").asLong()).isEqualTo(2);
        assertThat(languages.get("floor")).extracting(f -> f.get("code").asString()).containsExactly("en");
        assertThat(channels(languages)).containsExactly(
                "fr BOTH room zoom covered", "es ZOOM zoom gap", "ils ROOM room covered sign");
        assertThat(languages.get("channels").get(2).get("name").get("es").asString())
                .isEqualTo("signos internacionales");
        assertThat(languages.get("channels").get(1).get("name").get("fr").asString()).isEqualTo("espagnol");
        assertThat(dayOne(programme("")).get(0).get("languages")).isEqualTo(languages);

        // Plan 1 arrives late (a replay of the interpretation service's outbox): the session keeps plan 2.
        publish(event(plenary, 1, List.of(new Channel("ar", false, Delivery.BOTH, true, null))));
        await().atMost(DEADLINE).until(() -> count("older") > olderBefore);
        assertThat(session(plenary).get("languages")).isEqualTo(languages);

        // The plan's own event is not the programme's business; plan 3 drops the interpretation.
        double skippedBefore = meterCount(InterpretationPlanPublished.TYPE, "skipped");
        publishPayload(new InterpretationPlanPublished(conference, 3, 0, 0, 0, 0));
        publish(event(plenary, 3, List.of()));
        await().atMost(DEADLINE).until(() -> meterCount(InterpretationPlanPublished.TYPE, "skipped") > skippedBefore
                && session(plenary).get("languages").get("planVersion").asLong() == 3);
        assertThat(session(plenary).get("languages").get("channels")).isEmpty();
        assertThat(session(plenary).get("languages").get("floor")).extracting(f -> f.get("code").asString())
                .containsExactly("en");
    }

    @Test
    void theProgrammeFiltersOnALanguageGivenOnTheFloorOrAsAChannel() {
        String english = schedule("english", "BREAKOUT", "09:00", "10:00", "Room A", "IN_PERSON", "en");
        String french = schedule("french", "BREAKOUT", "09:00", "10:00", "Room B", "ONLINE", "fr");
        String both = schedule("both", "PLENARY", "10:30", "12:00", "Sala Mirador", "HYBRID", "en", "fr");
        double appliedBefore = count("applied");
        publish(event(french, 1, List.of(new Channel("es", false, Delivery.ZOOM, true, null),
                new Channel("en", false, Delivery.ZOOM, true, null))));
        publish(event(both, 1, List.of(new Channel("ar", false, Delivery.BOTH, false, null))));
        await().atMost(DEADLINE).until(() -> count("applied") >= appliedBefore + 2);

        assertThat(ids(programme("language=es"))).containsExactly(french);
        assertThat(ids(programme("language=en"))).containsExactly(english, french, both);
        assertThat(ids(programme("language=fr"))).containsExactly(french, both);
        assertThat(ids(programme("language=ar"))).as("an uncovered channel is still offered").containsExactly(both);
        assertThat(ids(programme("language=ils"))).isEmpty();
        assertThat(ids(programme("language=ES&kind=breakout"))).containsExactly(french);
        assertThat(ids(programme("language=%20%20"))).as("blank: no filter").containsExactly(english, french, both);
    }

    @Test
    void aLanguageThatIsNotACodeIsRefusedInTheReadersLanguageWithProblemDetails() {
        schedule("english", "BREAKOUT", "09:00", "10:00", "Room A", "IN_PERSON", "en");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("en", "must be a language code of two or three lower-case letters, such as en, fr, es or ils");
        expected.put("fr", "doit être un code de langue de deux ou trois lettres minuscules, comme en, fr, es ou ils");
        expected.put("es", "debe ser un código de idioma de dos o tres letras minúsculas, como en, fr, es o ils");
        List<String> notCodes = List.of("e", "engl", "e1", "en-GB", "en_GB", "%C3%A9s", "%F0%9F%98%80", "-1",
                "'%20OR%201%3D1--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "..%2F..%2Fetc%2Fpasswd", "a".repeat(3_000));
        for (String value : notCodes) {
            expected.forEach((reader, message) -> {
                HttpResponse<String> refused = api.send("GET", "/api/sessions/conferences/" + conference
                        + "/programme?language=" + value, tokens.participant(), reader);
                assertThat(refused.statusCode()).as(value).isEqualTo(400);
                assertThat(refused.headers().firstValue("Content-Type").orElse("")).as(value)
                        .startsWith("application/problem+json");
                JsonNode error = api.read(refused).get("errors").get(0);
                assertThat(error.get("field").asString()).isEqualTo("language");
                assertThat(error.get("message").asString()).as(value + " in " + reader).isEqualTo(message);
            });
        }
        // Hidden characters: refused with problem details too (here or by the kit's filters), never a 5xx.
        for (String value : List.of("a%00b", "e%07s", "a%0D%0ASet-Cookie:x=1", "%E2%80%AEes", "es%E2%80%8B")) {
            HttpResponse<String> refused = api.get("/api/sessions/conferences/" + conference
                    + "/programme?language=" + value, tokens.participant());
            assertThat(refused.statusCode()).as(value).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).as(value)
                    .startsWith("application/problem+json");
        }
    }

    @Test
    void rebuildingTheViewFromTheTopicGivesTheSameReads() {
        String plenary = schedule("plenary", "PLENARY", "09:30", "11:00", "Sala Mirador", "HYBRID", "en");
        String breakout = schedule("breakout", "BREAKOUT", "11:30", "13:00", "Room A", "HYBRID", "fr");
        double appliedBefore = count("applied");
        publish(event(plenary, 1, List.of(new Channel("fr", false, Delivery.BOTH, true, null))));
        publish(event(plenary, 2, List.of(new Channel("es", false, Delivery.BOTH, true, null))));
        publish(event(breakout, 2, List.of(new Channel("en", false, Delivery.ROOM, false, null))));
        publish(event(breakout, 1, List.of(new Channel("ar", false, Delivery.ROOM, true, null))));
        await().atMost(DEADLINE).until(() -> count("applied") >= appliedBefore + 3
                && session(breakout).get("languages").get("planVersion").asLong() == 2
                && session(plenary).get("languages").get("planVersion").asLong() == 2);
        JsonNode programmeBefore = programme("");

        HttpResponse<String> refused = api.json("POST", "/actuator/views/interpretation", tokens.participant(), "{}");
        assertThat(refused.statusCode()).isEqualTo(403);
        HttpResponse<String> rebuild = api.json("POST", "/actuator/views/interpretation", tokens.organiser(), "{}");
        assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(200);

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(programme("")).isEqualTo(programmeBefore));
        assertThat(channels(session(plenary).get("languages"))).containsExactly("es BOTH room zoom covered");
        assertThat(channels(session(breakout).get("languages"))).containsExactly("en ROOM room gap");
    }

    private CloudEvent event(String sessionId, long planVersion, List<Channel> channels) {
        List<AssignedInterpreter> interpreters = new ArrayList<>();
        for (Channel channel : channels) {
            interpreters.add(new AssignedInterpreter("interpreter-" + channel.language(),
                    channel.delivery().onZoom() ? channel.language() + ".booth@interpreters.example" : null,
                    "en", channel.language(), channel.signLanguage(), channel.delivery() == Delivery.ZOOM));
        }
        return codec.wrap(SOURCE, new SessionInterpretationPublished(sessionId, conference, planVersion, List.of("en"),
                channels, interpreters));
    }

    private void publishPayload(EventPayload payload) {
        publish(codec.wrap(SOURCE, payload));
    }

    private void publish(CloudEvent event) {
        kafka.send(topics.physical("interpretation.events"), event.subject(), codec.toJson(event));
    }

    private double count(String outcome) {
        return meterCount(SessionInterpretationPublished.TYPE, outcome);
    }

    private double meterCount(String type, String outcome) {
        Counter counter = meters.find("events.consumed").tags("type", type, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Each channel as "code delivery [room] [zoom] covered|gap [sign]". */
    private static List<String> channels(JsonNode languages) {
        return languages.get("channels").valueStream().map(c -> (c.get("code").asString() + " "
                + c.get("delivery").asString() + (c.get("inRoom").asBoolean() ? " room" : "")
                + (c.get("onZoom").asBoolean() ? " zoom" : "") + (c.get("covered").asBoolean() ? " covered" : " gap")
                + (c.get("signLanguage").asBoolean() ? " sign" : ""))).toList();
    }

    private JsonNode session(String sessionId) {
        HttpResponse<String> read = api.get("/api/sessions/" + sessionId, tokens.participant());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return api.read(read);
    }

    private JsonNode programme(String query) {
        HttpResponse<String> read = api.get("/api/sessions/conferences/" + conference + "/programme?" + query,
                tokens.participant());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return api.read(read);
    }

    private static JsonNode dayOne(JsonNode programme) {
        return programme.get("days").get(0).get("sessions");
    }

    private static List<String> ids(JsonNode programme) {
        return dayOne(programme).valueStream().map(s -> s.get("id").asString()).toList();
    }

    private String schedule(String key, String kind, String start, String end, String room, String format,
            String... floor) {
        String languages = String.join("\", \"", floor);
        String capacity = "BREAKOUT".equals(kind) ? ", \"capacity\": 30" : "";
        HttpResponse<String> created = api.json("POST", "/api/sessions/conferences/" + conference + "/sessions",
                tokens.organiser(), """
                        {"key": "%s", "kind": "%s", "day": "2024-11-07", "start": "%s", "end": "%s", "room": "%s",
                         "format": "%s", "floorLanguages": ["%s"]%s,
                         "title": {"en": "%s", "fr": "%s (fr)", "es": "%s (es)"}}"""
                        .formatted(key, kind, start, end, room, format, languages, capacity, key, key, key));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = api.read(created).get("id").asString();
        assertThat(UUID.fromString(id)).isNotNull();
        return id;
    }
}

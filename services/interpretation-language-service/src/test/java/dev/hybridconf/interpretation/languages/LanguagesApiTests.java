package dev.hybridconf.interpretation.languages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.EventPayload;
import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.registration.RegistrationCancelled;
import dev.hybridconf.contracts.registration.RegistrationSubmitted;
import dev.hybridconf.contracts.session.ConferenceDay;
import dev.hybridconf.contracts.session.ConferencePublished;
import dev.hybridconf.contracts.session.SessionCancelled;
import dev.hybridconf.contracts.session.SessionEnrolled;
import dev.hybridconf.contracts.session.SessionScheduled;
import dev.hybridconf.interpretation.needs.ChannelNeed;
import dev.hybridconf.interpretation.needs.SessionNeed;
import dev.hybridconf.interpretation.needs.SessionNeeds;
import dev.hybridconf.kit.PlatformProperties;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.ConsumedRecord;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TranslationAssertions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Languages and demand end to end: programme and registration events published to the real broker, applied to the
 * real Redis, read and set through the HTTP API. A hybrid plenary counts the conference's approved participants, an
 * online breakout its enrolled ones (everyone remote); a break and a cancelled session are never listed; organisers'
 * settings move the needed channels; bad settings are refused with every wrong field named in the reader's language.
 */
@SpringBootTest
@AutoConfigureMockMvc
@PlatformInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguagesApiTests {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final String CONFERENCE = "languages-api-2026";
    static final String PLENARY = "plenary-opening";
    static final String BREAKOUT = "breakout-finance";
    static final String BREAK = "coffee";
    static final String CANCELLED = "breakout-cancelled";
    static final LocalDate DAY = LocalDate.of(2026, 6, 2);

    @Autowired
    MockMvc mvc;

    @Autowired
    TopicNames topics;

    @Autowired
    SessionNeeds needs;

    @Autowired
    PlatformProperties platform;

    @Autowired
    RedisStore store;

    private final EventCodec codec = new EventCodec();
    private final KafkaProbe kafka = KafkaProbe.shared();
    private final JsonMapper json = JsonMapper.builder().build();

    private final String r1 = UUID.randomUUID().toString();
    private final String r2 = UUID.randomUUID().toString();
    private final String r3 = UUID.randomUUID().toString();
    private final String r4 = UUID.randomUUID().toString();
    private final String r5 = UUID.randomUUID().toString();

    @BeforeAll
    void programmeAndRegistrations() throws Exception {
        List<CloudEvent> session = new ArrayList<>();
        session.add(versioned("session-service", new ConferencePublished(CONFERENCE, 1, 1,
                Map.of("en", "Languages API", "fr", "API des langues", "es", "API de idiomas"), "Europe/Madrid",
                List.of("en", "fr", "es"), DAY, DAY.plusDays(1), false, null,
                List.of(new ConferenceDay(DAY, Map.of()), new ConferenceDay(DAY.plusDays(1), Map.of()))), 1));
        session.add(versioned("session-service", scheduled(PLENARY, "PLENARY", "HYBRID", List.of("en"), 9), 1));
        session.add(versioned("session-service", scheduled(BREAKOUT, "BREAKOUT", "ONLINE", List.of("fr"), 11), 1));
        session.add(versioned("session-service", scheduled(BREAK, "BREAK", "IN_PERSON", List.of(), 10), 1));
        session.add(versioned("session-service", scheduled(CANCELLED, "BREAKOUT", "HYBRID", List.of("es"), 11), 1));
        session.add(versioned("session-service", new SessionCancelled(CANCELLED, CONFERENCE, 2, 2, "BREAKOUT", DAY,
                at(11), at(12), "Europe/Madrid"), 2));
        session.add(versioned("session-service", new SessionEnrolled(BREAKOUT, CONFERENCE, r1, "ENROLLED", null), 2));
        session.add(versioned("session-service", new SessionEnrolled(BREAKOUT, CONFERENCE, r2, "ENROLLED", null), 3));
        session.add(versioned("session-service", new SessionEnrolled(BREAKOUT, CONFERENCE, r3, "WAITLISTED", null),
                4));
        session.forEach(e -> kafka.send(topics.physical("session.events"), e.subject(), codec.toJson(e)));

        List<CloudEvent> registration = new ArrayList<>();
        registration.addAll(approved(r1, "IN_PERSON", "fr", null));
        registration.addAll(approved(r2, "REMOTE", "es", "en"));
        registration.addAll(approved(r3, "REMOTE", "fr", null));
        registration.add(versioned("registration-service", new RegistrationSubmitted(r4, CONFERENCE, "REMOTE", "es",
                "CO"), 1));
        registration.addAll(approved(r5, "IN_PERSON", "en", null));
        registration.add(versioned("registration-service", new RegistrationCancelled(r5, CONFERENCE, "IN_PERSON",
                true), 3));
        registration.forEach(e -> kafka.send(topics.physical("registration.events"), e.subject(), codec.toJson(e)));

        // Every event applied (events of different subjects are on different partitions, in no order).
        String group = topics.group(platform.serviceName());
        await().atMost(DEADLINE).until(() -> kafka.lag(group, topics.physical("session.events")) == 0
                && kafka.lag(group, topics.physical("registration.events")) == 0);
        await().atMost(DEADLINE).untilAsserted(() -> {
            JsonNode fr = demandOf(PLENARY, "fr");
            assertThat(fr).isNotNull();
            assertThat(fr.get("listeners").asInt()).isEqualTo(2);
            assertThat(demandOf(PLENARY, "en")).isNotNull();
        });
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(demandOf(BREAKOUT, "en")).isNotNull());
    }

    @Test
    void demandCountsApprovedParticipantsForPlenariesAndEnrolledOnesForBreakouts() throws Exception {
        JsonNode demand = read(get("/api/interpretation/conferences/" + CONFERENCE + "/demand"), "organiser");
        assertThat(demand.get("threshold").asInt()).isEqualTo(1);
        assertThat(demand.get("sessions").valueStream().map(s -> s.get("sessionId").asString()).toList())
                .containsExactly(PLENARY, BREAKOUT);

        // Plenary, hybrid, floor en: r1 fr in the room, r3 fr remote, r2 remote listening in en; r4 pending and r5
        // cancelled are no listeners.
        assertThat(demandOf(PLENARY, "fr").toString()).contains("\"room\":1", "\"remote\":1", "\"needed\":true",
                "\"why\":\"threshold\"");
        assertThat(demandOf(PLENARY, "en").toString()).contains("\"room\":0", "\"remote\":1", "\"needed\":false",
                "\"why\":\"floor\"");
        assertThat(demandOf(PLENARY, "es")).isNull();
        // Breakout, online, floor fr: r1 and r2 hold places (everyone remote online); r3 only waits.
        assertThat(demandOf(BREAKOUT, "en").toString()).contains("\"room\":0", "\"remote\":1", "\"needed\":true");
        assertThat(demandOf(BREAKOUT, "fr").toString()).contains("\"room\":0", "\"remote\":1", "\"why\":\"floor\"");

        SessionNeed plenary = needs.forSession(PLENARY).orElseThrow();
        assertThat(plenary.channels()).containsExactly(new ChannelNeed("fr", false,
                dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery.BOTH, 1, 1, false));
        assertThat(needs.forConference(CONFERENCE)).extracting(SessionNeed::sessionId).containsExactly(PLENARY,
                BREAKOUT);
        assertThat(needs.timeZone(CONFERENCE)).hasValue(java.time.ZoneId.of("Europe/Madrid"));
        assertThat(needs.days(CONFERENCE)).hasValue(List.of(DAY, DAY.plusDays(1)));
        assertThat(needs.forConference("nobody-knows-it")).isEmpty();
    }

    @Test
    void participantsSeeChannelsButNotDemandAndOnlyOrganisersChangeSettings() throws Exception {
        JsonNode asParticipant = read(get("/api/interpretation/sessions/" + PLENARY + "/languages"), "participant");
        assertThat(asParticipant.has("demand")).isFalse();
        assertThat(asParticipant.has("force")).isFalse();
        assertThat(asParticipant.get("delivery").asString()).isEqualTo("BOTH");
        assertThat(asParticipant.get("deliveryFromFormat").asBoolean()).isTrue();
        assertThat(asParticipant.get("channels").toString()).contains("\"language\":\"fr\"", "\"fr\":\"français\"");
        assertThat(asParticipant.get("floorLanguages").get(0).get("name").get("es").asString()).isEqualTo("inglés");

        JsonNode asOrganiser = read(get("/api/interpretation/sessions/" + PLENARY + "/languages"), "organiser");
        assertThat(asOrganiser.get("demand").isArray()).isTrue();

        assertThat(status(get("/api/interpretation/conferences/" + CONFERENCE + "/demand"), "participant"))
                .isEqualTo(403);
        assertThat(status(put("/api/interpretation/conferences/" + CONFERENCE + "/languages")
                .contentType(MediaType.APPLICATION_JSON).content("{\"threshold\":3}"), "participant")).isEqualTo(403);
        assertThat(status(put("/api/interpretation/sessions/" + PLENARY + "/languages")
                .contentType(MediaType.APPLICATION_JSON).content("{\"force\":[\"ar\"]}"), "interpreter")).isEqualTo(403);
        JsonNode languages = read(get("/api/interpretation/conferences/" + CONFERENCE + "/languages"), "participant");
        assertThat(languages.get("workingLanguages").valueStream().map(l -> l.get("code").asString()).toList())
                .containsExactly("en", "fr", "es");
    }

    @Test
    void unknownConferencesBreaksAndCancelledSessionsAreNotFound() throws Exception {
        for (String path : List.of("/api/interpretation/conferences/nowhere-2026/languages",
                "/api/interpretation/conferences/nowhere-2026/demand", "/api/interpretation/sessions/" + BREAK
                        + "/languages", "/api/interpretation/sessions/" + CANCELLED + "/languages",
                "/api/interpretation/sessions/nothing/languages")) {
            MockHttpServletResponse response = mvc.perform(get(path).with(as("organiser"))).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentType()).startsWith("application/problem+json");
        }
        assertThat(status(put("/api/interpretation/conferences/nowhere-2026/languages")
                .contentType(MediaType.APPLICATION_JSON).content("{}"), "organiser")).isEqualTo(404);
        assertThat(status(put("/api/interpretation/sessions/" + BREAK + "/languages")
                .contentType(MediaType.APPLICATION_JSON).content("{}"), "organiser")).isEqualTo(404);
    }

    @Test
    void organisersSettingsMoveTheNeededChannels() throws Exception {
        String conference = "/api/interpretation/conferences/" + CONFERENCE + "/languages";
        String breakout = "/api/interpretation/sessions/" + BREAKOUT + "/languages";
        try {
            JsonNode set = read(put(conference).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"extras\":[\"AR\",\"ils\"],\"alwaysOffer\":[\"es\",\"ils\"],\"threshold\":2}"),
                    "organiser");
            assertThat(set.get("extras").valueStream().map(l -> l.get("code").asString()).toList())
                    .containsExactly("ar", "ils");
            assertThat(set.get("extras").get(1).get("sign").asBoolean()).isTrue();
            assertThat(set.get("threshold").asInt()).isEqualTo(2);
            assertThat(set.get("changedBy").asString()).isEqualTo("organiser-1");

            // Plenary: fr has 2 listeners (threshold 2); es and ils are always offered; en is the floor.
            assertThat(channels(PLENARY)).containsExactly("es", "fr", "ils");
            // Breakout: en has 1 listener (below 2); es and ils always offered; fr the floor.
            assertThat(channels(BREAKOUT)).containsExactly("es", "ils");

            JsonNode session = read(put(breakout).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"delivery\":\"BOTH\",\"relayAllowed\":false,\"force\":[\"en\"],\"drop\":[\"ils\"]}"),
                    "organiser");
            assertThat(session.get("delivery").asString()).isEqualTo("BOTH");
            assertThat(session.get("deliveryFromFormat").asBoolean()).isFalse();
            assertThat(session.get("relayAllowed").asBoolean()).isFalse();
            assertThat(channels(BREAKOUT)).containsExactly("en", "es");
            assertThat(demandOf(BREAKOUT, "ils").get("why").asString()).isEqualTo("dropped");
            SessionNeed need = needs.forSession(BREAKOUT).orElseThrow();
            assertThat(need.relayAllowed()).isFalse();
            assertThat(need.channels()).extracting(ChannelNeed::language, ChannelNeed::forced)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("en", true),
                            org.assertj.core.groups.Tuple.tuple("es", true));
        } finally {
            read(put(conference).contentType(MediaType.APPLICATION_JSON).content("{}"), "organiser");
            read(put(breakout).contentType(MediaType.APPLICATION_JSON).content("{}"), "organiser");
        }
        assertThat(channels(PLENARY)).containsExactly("fr");
    }

    @Test
    void badSettingsAreRefusedFieldByFieldInTheReadersLanguageAndChangeNothing() throws Exception {
        String conference = "/api/interpretation/conferences/" + CONFERENCE + "/languages";
        MockHttpServletResponse refused = mvc.perform(put(conference).with(as("organiser"))
                .header("Accept-Language", "fr").contentType(MediaType.APPLICATION_JSON)
                .content("{\"extras\":[\"xx\",\"ar\",\"ar\"],\"alwaysOffer\":[\"pt\"],\"threshold\":0,\"colour\":1}"))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(refused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("colour");
        refused = mvc.perform(put(conference).with(as("organiser")).header("Accept-Language", "fr")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"extras\":[\"xx\",\"ar\",\"ar\"],\"alwaysOffer\":[\"pt\"],\"threshold\":0}"))
                .andReturn().getResponse();
        problem = json.readTree(refused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("extras[0]", "extras[2]", "alwaysOffer[0]", "threshold");
        assertThat(problem.get("errors").toString()).contains("ni une langue de travail de la conférence",
                "nombre entier d'auditeurs de 1 à 100000");

        MockHttpServletResponse session = mvc.perform(put("/api/interpretation/sessions/" + PLENARY + "/languages")
                .with(as("organiser")).header("Accept-Language", "es").contentType(MediaType.APPLICATION_JSON)
                .content("{\"delivery\":\"booth\",\"relayAllowed\":\"yes\",\"force\":[\"en\",\"ar\"],\"drop\":[\"ar\"]}"))
                .andReturn().getResponse();
        assertThat(session.getStatus()).isEqualTo(400);
        problem = json.readTree(session.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("delivery", "relayAllowed", "force[0]", "drop[0]");
        assertThat(problem.get("errors").toString()).contains("el único idioma que se habla en la sala",
                "no puede estar a la vez impuesto y retirado");

        assertThat(read(get(conference), "organiser").get("threshold").asInt()).isEqualTo(1);
        assertThat(read(get("/api/interpretation/sessions/" + PLENARY + "/languages"), "organiser").get("force")
                .isEmpty()).isTrue();
    }

    @Test
    void rebuildingTheViewFromOffsetZeroGivesTheSameDemand() throws Exception {
        JsonNode before = read(get("/api/interpretation/conferences/" + CONFERENCE + "/demand"), "organiser");
        int status = mvc.perform(post("/actuator/views/interpretation-demand").contentType(MediaType.APPLICATION_JSON)
                .with(as("organiser"))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(200);
        awaitReplayed();
        assertThat(read(get("/api/interpretation/conferences/" + CONFERENCE + "/demand"), "organiser"))
                .isEqualTo(before);
    }

    /**
     * Waits until the view's listener has handled every record of both topics: a record of a type it skips is put
     * last in each partition, and the listener's position in Redis (ADR 0016) must reach it.
     */
    private void awaitReplayed() {
        Map<String, Map<Integer, Long>> ends = new HashMap<>();
        for (String logical : List.of("session.events", "registration.events")) {
            String topic = topics.physical(logical);
            List<ProducerRecord<String, String>> sentinels = new ArrayList<>();
            for (int p = 0; p < platform.kafka().partitions(); p++) {
                sentinels.add(new ProducerRecord<>(topic, p, "sentinel", "{\"specversion\":\"1.0\",\"id\":\""
                        + UUID.randomUUID() + "\",\"source\":\"test\",\"type\":\"test.sentinel.v1\","
                        + "\"subject\":\"sentinel\",\"time\":\"2026-06-01T00:00:00Z\","
                        + "\"datacontenttype\":\"application/json\",\"data\":{}}"));
            }
            kafka.sendAll(sentinels);
            Map<Integer, Long> last = new HashMap<>();
            kafka.readAll(topic).forEach(r -> last.merge(r.partition(), r.offset(), Math::max));
            ends.put(topic, last);
        }
        await().atMost(DEADLINE).untilAsserted(() -> ends.forEach((topic, last) -> {
            Map<String, String> positions = store.redis()
                    .hgetAll(ConsumedRecord.positionsKey(store.keys(), "interpretation-demand", topic));
            last.forEach((partition, offset) -> assertThat(
                    Long.parseLong(positions.getOrDefault(Integer.toString(partition), "-1")))
                    .as("%s-%d", topic, partition).isGreaterThanOrEqualTo(offset));
        }));
    }

    @Test
    void brokenEventsGoToTheDeadLetterTopicAndTheRestIsApplied() throws Exception {
        String other = "languages-dlt-2026";
        kafka.send(topics.physical("session.events"), "poison", "{not an event");
        CloudEvent enrolled = versioned("session-service", new SessionEnrolled(BREAKOUT, CONFERENCE, r4, "ENROLLED",
                null), 9);
        kafka.send(topics.physical("session.events"), BREAKOUT,
                codec.toJson(enrolled).replace(SessionEnrolled.TYPE, "session.enrolled.v2"));
        CloudEvent published = versioned("session-service", new ConferencePublished(other, 1, 1, Map.of("en", "DLT"),
                "UTC", List.of("en", "fr"), DAY, DAY, false, null, List.of(new ConferenceDay(DAY, Map.of()))), 1);
        kafka.send(topics.physical("session.events"), other, codec.toJson(published));

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(status(
                get("/api/interpretation/conferences/" + other + "/languages"), "participant")).isEqualTo(200));
        // (a rebuild replays them: they may be there twice)
        java.util.function.Function<List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>>,
                java.util.Set<String>> reasons = records -> records.stream()
                        .map(r -> new String(r.headers().lastHeader("hybridconf-dlt-reason").value(),
                                java.nio.charset.StandardCharsets.UTF_8))
                        .collect(java.util.stream.Collectors.toSet());
        var dead = kafka.readUntil(topics.physical("session.events.dlt"), DEADLINE,
                records -> reasons.apply(records).size() >= 2);
        assertThat(reasons.apply(dead)).containsExactlyInAnyOrder("undecodable", "unknown-version");
    }

    @Test
    void everyMessageExistsInEnglishFrenchAndSpanish() {
        TranslationAssertions.assertCompleteInEnglishFrenchAndSpanish("i18n/messages");
    }

    private List<String> channels(String sessionId) throws Exception {
        return read(get("/api/interpretation/sessions/" + sessionId + "/languages"), "participant").get("channels")
                .valueStream().map(c -> c.get("language").asString()).toList();
    }

    /** One language of a session in the conference's demand, or null when the session does not list it. */
    private JsonNode demandOf(String sessionId, String language) throws Exception {
        JsonNode demand = read(get("/api/interpretation/conferences/" + CONFERENCE + "/demand"), "organiser");
        for (JsonNode session : demand.get("sessions")) {
            if (sessionId.equals(session.get("sessionId").asString())) {
                for (JsonNode l : session.get("languages")) {
                    if (language.equals(l.get("language").asString())) {
                        return l;
                    }
                }
            }
        }
        return null;
    }

    private JsonNode read(MockHttpServletRequestBuilder request, String role) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(as(role))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return json.readTree(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private int status(MockHttpServletRequestBuilder request, String role) throws Exception {
        return mvc.perform(request.with(as(role))).andReturn().getResponse().getStatus();
    }

    private List<CloudEvent> approved(String id, String mode, String preferred, String interpretation) {
        return List.of(
                versioned("registration-service", new RegistrationSubmitted(id, CONFERENCE, mode, preferred, "ES"), 1),
                versioned("registration-service", new RegistrationApproved(id, CONFERENCE, mode, preferred,
                        interpretation, null, List.of("participant")), 2));
    }

    private SessionScheduled scheduled(String id, String kind, String format, List<String> floor, int hour) {
        return new SessionScheduled(id, CONFERENCE, 1, 1, kind, DAY, at(hour), at(hour + 1), "Europe/Madrid", format,
                floor, false, null, List.of(), null, "IN_PERSON".equals(format) || "HYBRID".equals(format) ? "Hall A"
                        : null, null, null, Map.of("en", id, "fr", id, "es", id));
    }

    private static Instant at(int hour) {
        return DAY.atTime(hour, 0).atZone(java.time.ZoneId.of("Europe/Madrid")).toInstant();
    }

    private CloudEvent versioned(String source, EventPayload payload, long version) {
        return codec.wrap(source, payload).withAggregateVersion(version);
    }

    private static RequestPostProcessor as(String role) {
        return jwt().jwt(token -> token.subject(role + "-1")).authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}

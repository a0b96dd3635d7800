package dev.hybridconf.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.hybridconf.kit.fixture.KitFixtureApplication;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.testinfra.DeadLetterRecords;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * An operator sees the dead letters of each consumed topic with their reason, replays the fixed ones to their topic
 * once, and watches their depth as a metric (real broker, real Redis, through the kit's fixture service).
 */
@SpringBootTest(classes = KitFixtureApplication.class)
@AutoConfigureMockMvc
@PlatformInfrastructure
class DeadLetterReplayTests {

    private static final String BASE = "/api/fixture/operations/dead-letters";

    @Autowired
    MockMvc mvc;

    @Autowired
    RedisStore store;

    @Autowired
    TopicNames topics;

    @Autowired
    PlatformProperties platform;

    @Autowired
    MeterRegistry meters;

    private final KafkaProbe probe = KafkaProbe.shared();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aFixedDeadLetterIsListedWithItsReasonAndAppliedOnceAfterReplayAndASecondReplayDoesNothing() throws Exception {
        String note = "fixed-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String event = note(eventId, note);
        Instant before = Instant.now().minusSeconds(1);
        probe.sendAll(List.of(DeadLetterRecords.deadLetter(topics.deadLetter("fixture.events"),
                topics.physical("fixture.events"), note, event, "dev.hybridconf.kit.errors.ConflictException",
                "changed-concurrently")));

        JsonNode letter = awaitListed("fixture.events", eventId);
        assertThat(letter.get("eventType").asString()).isEqualTo("fixture.note-added.v1");
        assertThat(letter.get("key").asString()).isEqualTo(note);
        assertThat(letter.get("reason").asString()).isEqualTo("dev.hybridconf.kit.errors.ConflictException: changed-concurrently");
        assertThat(letter.get("originalTopic").asString()).isEqualTo(topics.physical("fixture.events"));
        assertThat(letter.get("originalOffset").asLong()).isEqualTo(42);
        assertThat(Instant.parse(letter.get("deadLetteredAt").asString())).isAfter(before);
        assertThat(absent(letter.path("replayedAt"))).isTrue();
        assertThat(applied(note)).as("a dead letter is not applied before its replay").isNull();

        String position = "{\"records\":[{\"partition\":%d,\"offset\":%d}]}".formatted(letter.get("partition").asInt(),
                letter.get("offset").asLong());
        JsonNode first = replay("fixture.events", position, 200);
        assertThat(first.get("replayed").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "1".equals(applied(note)));

        JsonNode second = replay("fixture.events", position, 200);
        assertThat(second.get("replayed").asInt()).isZero();
        assertThat(second.get("alreadyReplayed").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.redis().xlen(store.keys().outbox()) == 0
                && probe.lag(topics.group(platform.serviceName()), topics.physical("fixture.events")) == 0);
        assertThat(applied(note)).as("applied exactly once").isEqualTo("1");

        List<ConsumerRecord<String, String>> copies = probe.readAll(topics.physical("fixture.events")).stream()
                .filter(r -> r.value().contains(eventId)).toList();
        assertThat(copies).as("the replay reached the original topic once").hasSize(1);
        ConsumerRecord<String, String> copy = copies.get(0);
        assertThat(copy.key()).isEqualTo(note);
        assertThat(copy.value()).isEqualTo(event);
        assertThat(header(copy, "hybridconf-replay-of")).isEqualTo("fixture.events.dlt:%d:%d"
                .formatted(letter.get("partition").asInt(), letter.get("offset").asLong()));
        List<String> names = new ArrayList<>();
        copy.headers().forEach(h -> names.add(h.key()));
        assertThat(names).noneMatch(name -> name.startsWith("kafka_dlt-"));

        JsonNode listed = awaitListed("fixture.events", eventId);
        assertThat(listed.get("replayedBy").asString()).isEqualTo("operator-anna");
        assertThat(absent(listed.path("replayedAt"))).isFalse();
    }

    @Test
    void poisonIsListedWithTheExceptionThatRefusedItAndAReplayOfItStillBrokenIsDeadLetteredAgain() throws Exception {
        String poison = "{not json " + UUID.randomUUID();
        probe.send(topics.physical("fixture.events"), "poison", poison);

        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> find("fixture.events",
                l -> poison.equals(l.path("value").asString(null))), l -> l != null);
        assertThat(absent(letter.path("eventId"))).isTrue();
        assertThat(letter.get("reason").asString()).isEqualTo("undecodable");
        assertThat(letter.get("exception").asString()).contains("Exception");

        replay("fixture.events", "{\"records\":[{\"partition\":%d,\"offset\":%d}]}"
                .formatted(letter.get("partition").asInt(), letter.get("offset").asLong()), 200);

        String replayOf = "fixture.events.dlt:%d:%d".formatted(letter.get("partition").asInt(), letter.get("offset").asLong());
        var again = probe.readUntil(topics.deadLetter("fixture.events"), Duration.ofSeconds(30),
                records -> records.stream().anyMatch(r -> replayOf.equals(header(r, "hybridconf-replay-of"))));
        assertThat(again).filteredOn(r -> replayOf.equals(header(r, "hybridconf-replay-of")))
                .singleElement().satisfies(r -> assertThat(r.value()).isEqualTo(poison));
    }

    @Test
    void depthCountsTheDeadLettersNotReplayedAndReplayAllSendsEachOnce() throws Exception {
        String dlt = topics.deadLetter("fixture.quiet");
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        long depthBefore = awaitSteadyDepth("fixture.quiet");
        for (String id : ids) {
            var letter = DeadLetterRecords.deadLetter(dlt, topics.physical("fixture.quiet"), "k-" + id,
                    note(id, "k-" + id), "dev.hybridconf.contracts.MalformedEventException", "data.noteId: unknown");
            if (id.equals(ids.get(0))) {
                // A consumer's own words, when it gives them, come before Spring's exception headers.
                letter.headers().add("hybridconf-dlt-reason", "unknown-version".getBytes(StandardCharsets.UTF_8));
            }
            probe.sendAll(List.of(letter));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> depthGauge("fixture.quiet") == depthBefore + 3);
        assertThat(summaryDepth("fixture.quiet")).isEqualTo(depthBefore + 3);

        // Oldest first, one per page: the cursor walks through them in the order they were dead-lettered.
        List<String> walked = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = json.readTree(ok(get(BASE + "/fixture.quiet").param("order", "oldest").param("limit", "1")
                    .param("cursor", cursor == null ? "" : cursor)));
            assertThat(page.get("deadLetters").size()).isLessThanOrEqualTo(1);
            page.get("deadLetters").forEach(l -> {
                walked.add(l.get("eventId").asString());
                times.add(Instant.parse(l.get("deadLetteredAt").asString()));
            });
            cursor = absent(page.path("next")) ? null : page.get("next").asString();
        } while (cursor != null);
        assertThat(walked).containsAll(ids).doesNotHaveDuplicates();
        assertThat(times).isSorted();

        JsonNode first = find("fixture.quiet", l -> ids.get(0).equals(l.path("eventId").asString(null)));
        assertThat(first.get("reason").asString()).isEqualTo("unknown-version");
        assertThat(find("fixture.quiet", l -> ids.get(1).equals(l.path("eventId").asString(null))).get("reason")
                .asString()).isEqualTo("dev.hybridconf.contracts.MalformedEventException: data.noteId: unknown");
        replay("fixture.quiet", "{\"records\":[{\"partition\":%d,\"offset\":%d}]}"
                .formatted(first.get("partition").asInt(), first.get("offset").asLong()), 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> depthGauge("fixture.quiet") == depthBefore + 2);

        JsonNode all = replay("fixture.quiet", "{\"all\":true}", 200);
        assertThat(all.get("alreadyReplayed").asInt()).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> depthGauge("fixture.quiet") == 0);
        assertThat(replay("fixture.quiet", "{\"all\":true}", 200).get("replayed").asInt()).isZero();

        await().atMost(Duration.ofSeconds(30)).until(() -> store.redis().xlen(store.keys().outbox()) == 0);
        List<ConsumerRecord<String, String>> replayed = probe.readAll(topics.physical("fixture.quiet"));
        for (String id : ids) {
            assertThat(replayed).as("each dead letter replayed once").filteredOn(r -> r.value().contains(id)).hasSize(1);
        }
    }

    @Test
    void pagesWalkEveryDeadLetterOnceEvenWhenTimestampsWithinAPartitionAreOutOfOrder() throws Exception {
        // Producers' clocks differ: a later record of a partition may carry an earlier timestamp.
        String dlt = topics.deadLetter("fixture.paged");
        long now = System.currentTimeMillis();
        List<String> ids = new ArrayList<>();
        List<org.apache.kafka.clients.producer.ProducerRecord<String, String>> records = new ArrayList<>();
        long[] ages = {0, 20_000, 30_000, 90_000};
        for (int i = 0; i < ages.length; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            var letter = DeadLetterRecords.deadLetter(dlt, topics.physical("fixture.paged"), "k", note(id, "k"),
                    "java.lang.IllegalStateException", "refused");
            records.add(new org.apache.kafka.clients.producer.ProducerRecord<>(dlt, i % 2, now - ages[i], letter.key(),
                    letter.value(), letter.headers()));
        }
        probe.sendAll(records.subList(0, 2));
        probe.sendAll(records.subList(2, 4));
        await().atMost(Duration.ofSeconds(30)).until(() -> summaryDepth("fixture.paged") >= 4);

        for (String order : List.of("oldest", "newest")) {
            List<String> walked = new ArrayList<>();
            String cursor = null;
            do {
                JsonNode page = json.readTree(ok(get(BASE + "/fixture.paged").param("order", order).param("limit", "2")
                        .param("cursor", cursor == null ? "" : cursor)));
                page.get("deadLetters").forEach(l -> walked.add(l.get("eventId").asString()));
                cursor = absent(page.path("next")) ? null : page.get("next").asString();
            } while (cursor != null);
            assertThat(walked).as(order + " first").containsAll(ids).doesNotHaveDuplicates();
        }
    }

    @Test
    void badRequestsAreProblemsNeverErrors() throws Exception {
        problem(get(BASE + "/no.such.topic"), 404, "not-found");
        problem(get(BASE + "/fixture.quiet/0/999999999"), 404, "not-found");
        problem(get(BASE + "/fixture.quiet/4000/0"), 404, "not-found");
        problem(get(BASE + "/fixture.quiet/-1/0"), 400, "validation");
        problem(get(BASE + "/fixture.quiet").param("limit", "0"), 400, "validation");
        problem(get(BASE + "/fixture.quiet").param("limit", "501"), 400, "validation");
        problem(get(BASE + "/fixture.quiet").param("limit", "many"), 400, "validation");
        problem(get(BASE + "/fixture.quiet").param("order", "sideways"), 400, "validation");
        problem(get(BASE + "/fixture.quiet").param("cursor", "0:1,0:2"), 400, "validation");
        problem(get(BASE + "/fixture.quiet").param("cursor", "99:1"), 400, "validation");
        problem(get(BASE + "/fixture.quiet").param("cursor", "0:-1"), 400, "validation");
        problem(replayRequest("fixture.quiet", "{}"), 400, "validation");
        problem(replayRequest("fixture.quiet", "{\"all\":true,\"records\":[{\"partition\":0,\"offset\":0}]}"), 400,
                "validation");
        problem(replayRequest("fixture.quiet", "{\"records\":[{\"partition\":0,\"offset\":-3}]}"), 400, "validation");
        problem(replayRequest("fixture.quiet", "{\"records\":[{\"partition\":0,\"offset\":99999999}]}"), 404, "not-found");
        problem(replayRequest("no.such.topic", "{\"all\":true}"), 404, "not-found");

        MvcResult french = mvc.perform(get(BASE + "/no.such.topic").with(as("organiser")).header("Accept-Language", "fr"))
                .andReturn();
        assertThat(french.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("lettre morte");

        assertThat(mvc.perform(get(BASE)).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get(BASE).with(as("participant"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post(BASE + "/fixture.quiet/replay").with(as("participant"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"all\":true}")).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void theOverviewListsEveryConsumedTopicWithItsDeadLetterTopic() throws Exception {
        JsonNode overview = json.readTree(ok(get(BASE)));
        List<String> listed = new ArrayList<>();
        overview.get("topics").forEach(t -> listed.add(t.get("topic").asString() + "->" + t.get("deadLetterTopic").asString()));
        assertThat(listed).containsExactly("fixture.events->fixture.events.dlt", "fixture.quiet->fixture.quiet.dlt",
                "fixture.paged->fixture.paged.dlt");
        assertThat(overview.get("topics").get(0).get("partitions")).hasSize(3);
    }

    private static String note(String eventId, String noteId) {
        return """
                {"specversion":"1.0","id":"%s","source":"fixture-service","type":"fixture.note-added.v1","subject":"%s",\
                "time":"2026-11-23T09:00:00Z","datacontenttype":"application/json","aggregateversion":1,\
                "data":{"noteId":"%s","text":"fixed"}}""".formatted(eventId, noteId, noteId);
    }

    private JsonNode awaitListed(String topic, String eventId) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> find(topic, l -> eventId.equals(l.path("eventId").asString(null))), l -> l != null);
    }

    /** The newest 500 dead letters of the topic: the first matching one, or null. */
    private JsonNode find(String topic, java.util.function.Predicate<JsonNode> wanted) throws Exception {
        JsonNode page = json.readTree(ok(get(BASE + "/" + topic).param("limit", "500")));
        for (JsonNode letter : page.get("deadLetters")) {
            if (wanted.test(letter)) {
                return letter;
            }
        }
        return null;
    }

    private long awaitSteadyDepth(String topic) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            long summary = summaryDepth(topic);
            return depthGauge(topic) == summary ? summary : null;
        }, d -> d != null);
    }

    private long summaryDepth(String topic) throws Exception {
        for (JsonNode state : json.readTree(ok(get(BASE))).get("topics")) {
            if (topic.equals(state.get("topic").asString())) {
                return state.get("depth").asLong();
            }
        }
        throw new AssertionError("no " + topic + " in the overview");
    }

    private double depthGauge(String topic) {
        return meters.get("dead.letters.depth").tag("topic", topic).gauge().value();
    }

    private String applied(String note) {
        return store.redis().hget(store.keys().key("applied"), note);
    }

    private JsonNode replay(String topic, String body, int status) throws Exception {
        MvcResult result = mvc.perform(replayRequest(topic, body).with(as("organiser"))).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        return json.readTree(result.getResponse().getContentAsString());
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder replayRequest(String topic,
            String body) {
        return post(BASE + "/" + topic + "/replay").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String ok(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request.with(as("organiser"))).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private void problem(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, int status,
            String type) throws Exception {
        MvcResult result = mvc.perform(request.with(as("organiser"))).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(json.readTree(result.getResponse().getContentAsString()).get("type").asString())
                .isEqualTo("https://hybridconf.dev/problems/" + type);
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static RequestPostProcessor as(String role) {
        return jwt().jwt(token -> token.subject("operator-anna")).authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}

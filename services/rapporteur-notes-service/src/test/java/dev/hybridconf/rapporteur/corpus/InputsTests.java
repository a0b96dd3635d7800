package dev.hybridconf.rapporteur.corpus;

import static dev.hybridconf.rapporteur.corpus.InputsHistory.DAY1;
import static dev.hybridconf.rapporteur.corpus.InputsHistory.DAY2;
import static dev.hybridconf.rapporteur.corpus.InputsHistory.DAY3;
import static dev.hybridconf.rapporteur.corpus.InputsHistory.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.kit.messaging.FailureClass;
import dev.hybridconf.rapporteur.live.LiveEntry;
import dev.hybridconf.rapporteur.programme.ConferenceInfo;
import dev.hybridconf.rapporteur.programme.DayInfo;
import dev.hybridconf.rapporteur.programme.SessionInfo;
import dev.hybridconf.rapporteur.testing.RapporteurApi;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.TestTokens;
import redis.clients.jedis.StreamEntryID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inputs on the real Kafka topic and Redis: each event type of {@code session.events} becomes the copy the other
 * features read; histories delivered shuffled and repeated end as the ordered one; one effective change is one bump
 * of its day (and a dirty mark, and one live entry), and a duplicate or an older revision bumps nothing; a cancelled
 * breakout's conclusion leaves its day; a record its contract cannot read goes to the dead letters and the listener
 * goes on.
 */
class InputsTests extends InputsIntegrationTest {

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @LocalServerPort
    int port;

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final KafkaProbe kafka = KafkaProbe.shared();

    @Test
    void eachEventTypeBecomesTheCopy() {
        InputsHistory h = new InputsHistory(conference("copy"));
        h.published();
        h.renamed("Seminar on cities");
        h.scheduled("a", "BREAKOUT", DAY1, 10, "housing");
        h.scheduled("b", "BREAKOUT", DAY1, 10, "finance");
        h.scheduled("wrap", "WRAP_UP", DAY2, 9, null);
        h.retitled("a", "BREAKOUT", DAY1, 10, "Housing for all");
        h.moved("b", "BREAKOUT", DAY1, 10, DAY2, 14);
        h.conclusion("a", DAY1, 1, "fr", "Le logement abordable d'abord.");
        h.conclusion("a", DAY1, 2, "fr", "Le logement abordable, d'abord et partout.");
        h.lock("a", DAY1, at(DAY2, 9), "WRAP_UP", null, null);
        h.lock("a", DAY1, at(DAY2, 20), "UNLOCKED", at(DAY2, 20), "organiser-1");
        h.scheduled("c", "BREAKOUT", DAY1, 12, "climate");
        h.cancelled("c", "BREAKOUT", DAY1, 12);
        send(h.events());

        String a = h.id("a");
        // Each subject's events travel on its own partition: wait for the last one of every subject.
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(programme.session(h.id("c")).map(SessionInfo::cancelled)).contains(true);
            assertThat(corpus.lock(a).source()).isEqualTo("UNLOCKED");
            assertThat(programme.session(h.id("b")).map(SessionInfo::day)).contains(DAY2);
            assertThat(programme.session(h.id("wrap"))).isPresent();
            assertThat(programme.session(a).map(s -> s.title().get("en"))).contains("Housing for all");
            assertThat(programme.conference(h.conferenceId()).map(c -> c.name().get("en"))).contains("Seminar on cities");
            assertThat(corpus.current(a).map(Conclusion::revision)).contains(2L);
        });
        ConferenceInfo conference = programme.conference(h.conferenceId()).orElseThrow();
        assertThat(conference.name()).containsEntry("en", "Seminar on cities");
        assertThat(conference.zone()).isEqualTo(InputsHistory.ZONE);
        assertThat(conference.languages()).containsExactly("en", "fr", "es");
        assertThat(conference.days()).extracting(DayInfo::date).containsExactly(DAY1, DAY2, DAY3);
        SessionInfo breakout = programme.session(a).orElseThrow();
        assertThat(breakout.breakout()).isTrue();
        assertThat(breakout.title()).containsEntry("en", "Housing for all");
        assertThat(breakout.moderatorIds()).containsExactly("moderator-a");
        assertThat(breakout.rapporteurId()).isEqualTo("rapporteur-1");
        assertThat(programme.day(h.conferenceId(), DAY1)).extracting(SessionInfo::id)
                .containsExactlyInAnyOrder(a, h.id("c"));
        assertThat(programme.day(h.conferenceId(), DAY2)).extracting(SessionInfo::id)
                .containsExactlyInAnyOrder(h.id("b"), h.id("wrap"));

        Conclusion current = corpus.current(a).orElseThrow();
        assertThat(current.revision()).isEqualTo(2);
        assertThat(current.summary()).isEqualTo("Le logement abordable, d'abord et partout.");
        assertThat(current.themes()).containsExactly("Housing", "logement");
        assertThat(current.sdgs()).containsExactly(11);
        assertThat(current.lock().lockAt()).isEqualTo(at(DAY2, 20));
        assertThat(current.lock().relockAt()).isEqualTo(at(DAY2, 20));
        assertThat(current.lock().lockedAt(at(DAY2, 19))).isFalse();
        assertThat(current.lock().lockedAt(at(DAY2, 20))).isTrue();
        assertThat(corpus.revisions(a)).extracting(Conclusion::revision).containsExactly(1L, 2L);
        assertThat(corpus.day(h.conferenceId(), DAY1)).extracting(Conclusion::sessionId).containsExactly(a);
        assertThat(corpus.daysWithConclusions(h.conferenceId())).containsExactly(DAY1);
        assertThat(corpus.version(h.conferenceId(), DAY1)).isPositive();
    }

    @Test
    void shuffledAndRepeatedHistoriesEndAsTheOrderedOne() {
        InputsHistory ordered = InputsHistory.full(conference("ordered"));
        send(ordered.events());
        await().atMost(DEADLINE).until(() -> ordered.complete(programme, corpus));
        for (int seed = 1; seed <= 3; seed++) {
            InputsHistory shuffled = InputsHistory.full(conference("shuffled-" + seed));
            List<CloudEvent> events = new ArrayList<>(shuffled.events());
            Random random = new Random(seed);
            for (int i = 0; i < 6; i++) {
                events.add(events.get(random.nextInt(events.size())));
            }
            Collections.shuffle(events, random);
            send(events);
            await().atMost(DEADLINE).until(() -> shuffled.complete(programme, corpus));
            await().atMost(DEADLINE).untilAsserted(() -> assertThat(snapshot(shuffled))
                    .isEqualTo(snapshot(ordered)));
        }
    }

    @Test
    void aRevisionBumpsItsDayOnceAndItsDuplicateOrAnOlderOneNothing() {
        InputsHistory h = new InputsHistory(conference("bumps"));
        h.published();
        h.scheduled("a", "BREAKOUT", DAY1, 10, "housing");
        h.scheduled("b", "BREAKOUT", DAY2, 10, "housing");
        CloudEvent first = h.conclusion("a", DAY1, 1, "en", "Affordable housing first.");
        h.conclusion("b", DAY2, 1, "en", "Local finance.");
        send(h.events());
        String a = h.id("a");
        String c = h.conferenceId();
        await().atMost(DEADLINE).until(() -> corpus.current(h.id("b")).isPresent() && corpus.current(a).isPresent());
        long day1 = corpus.version(c, DAY1);
        long day2 = corpus.version(c, DAY2);
        long entries = liveEntries(c).size();
        store.redis().del(marks.dirtyKey());

        CloudEvent second = h.conclusion("a", DAY1, 2, "en", "Affordable housing first, and everywhere.");
        send(List.of(second));
        await().atMost(DEADLINE).until(() -> corpus.current(a).map(Conclusion::revision).orElse(0L) == 2);
        assertThat(corpus.version(c, DAY1)).isEqualTo(day1 + 1);
        assertThat(corpus.version(c, DAY2)).as("a later day is not changed, only marked").isEqualTo(day2);
        assertThat(store.redis().zrange(marks.dirtyKey(), 0, -1))
                .as("the day and the later day with conclusions, whose emergence depends on it")
                .contains(c + ":" + DAY1, c + ":" + DAY2);
        List<LiveEntry> live = liveEntries(c);
        assertThat(live).hasSize((int) entries + 1);
        assertThat(live.get(live.size() - 1)).isEqualTo(new LiveEntry("conclusion", a, DAY1, 2));

        // The same revision again at another offset, and the first one late: nothing changes.
        store.redis().del(marks.dirtyKey());
        send(List.of(second, first));
        // A marker behind them in the same partition: a lock decision, one bump of its own.
        send(List.of(h.lock("a", DAY1, at(DAY2, 9), "WRAP_UP", null, null)));
        await().atMost(DEADLINE).until(() -> "WRAP_UP".equals(corpus.lock(a).source()));
        assertThat(corpus.version(c, DAY1)).as("only the lock bumped").isEqualTo(day1 + 2);
        assertThat(liveEntries(c)).hasSize((int) entries + 2).last()
                .isEqualTo(new LiveEntry("lock", a, DAY1, 0));
        assertThat(corpus.current(a).orElseThrow().revision()).isEqualTo(2);
        assertThat(corpus.revisions(a)).hasSize(2);

        // The same lock decision again (a programme change that moved nothing for it): only its version moves.
        send(List.of(h.lock("a", DAY1, at(DAY2, 9), "WRAP_UP", null, null),
                h.lock("a", DAY1, null, "UNLOCKED", null, "organiser-1")));
        await().atMost(DEADLINE).until(() -> "UNLOCKED".equals(corpus.lock(a).source()));
        assertThat(corpus.version(c, DAY1)).as("the unlock bumped once, the repeat not").isEqualTo(day1 + 3);
        assertThat(corpus.lock(a).lockAt()).isNull();
    }

    @Test
    void aCancelledOrMovedBreakoutTakesItsConclusionOffItsDay() {
        InputsHistory h = new InputsHistory(conference("cancel"));
        h.published();
        h.scheduled("a", "BREAKOUT", DAY1, 10, "housing");
        h.scheduled("b", "BREAKOUT", DAY1, 10, "finance");
        h.conclusion("a", DAY1, 1, "en", "Affordable housing.");
        h.conclusion("b", DAY1, 1, "es", "Finanzas locales.");
        send(h.events());
        String c = h.conferenceId();
        await().atMost(DEADLINE).until(() -> corpus.day(c, DAY1).size() == 2);
        long day1 = corpus.version(c, DAY1);
        long day2 = corpus.version(c, DAY2);

        send(List.of(h.cancelled("a", "BREAKOUT", DAY1, 10)));
        await().atMost(DEADLINE).until(() -> corpus.day(c, DAY1).size() == 1);
        assertThat(corpus.day(c, DAY1)).extracting(Conclusion::sessionId).containsExactly(h.id("b"));
        assertThat(corpus.version(c, DAY1)).isEqualTo(day1 + 1);
        assertThat(liveEntries(c)).last().isEqualTo(new LiveEntry("session", h.id("a"), DAY1, 0));
        assertThat(corpus.current(h.id("a"))).as("kept, off the day").isPresent();

        send(List.of(h.moved("b", "BREAKOUT", DAY1, 10, DAY2, 11)));
        await().atMost(DEADLINE).until(() -> corpus.day(c, DAY2).size() == 1);
        assertThat(corpus.day(c, DAY1)).isEmpty();
        assertThat(corpus.day(c, DAY2).get(0).day()).isEqualTo(DAY2);
        assertThat(corpus.version(c, DAY1)).as("both days bumped").isEqualTo(day1 + 2);
        assertThat(corpus.version(c, DAY2)).isEqualTo(day2 + 1);
        assertThat(corpus.daysWithConclusions(c)).containsExactly(DAY2);
    }

    @Test
    void aRecordItsContractCannotReadGoesToTheDeadLettersAndTheListenerGoesOn() {
        InputsHistory h = new InputsHistory(conference("dlt"));
        h.published();
        h.scheduled("a", "BREAKOUT", DAY1, 10, "housing");
        CloudEvent broken = h.conclusion("a", DAY1, 1, "en", "Broken.");
        CloudEvent nextVersion = h.conclusion("a", DAY1, 2, "en", "Unknown version.");
        CloudEvent outOfRange = h.conclusion("a", DAY1, 4, "en", "SDG 18 does not exist.");
        CloudEvent good = h.conclusion("a", DAY1, 3, "en", "Readable.");
        send(h.events().subList(0, 2));
        kafka.send(topics.physical("session.events"), broken.subject(),
                h.json(broken).replace("\"revision\":1", "\"revision\":\"first\""));
        kafka.send(topics.physical("session.events"), nextVersion.subject(),
                h.json(nextVersion).replace("session.conclusion-posted.v1", "session.conclusion-posted.v2"));
        kafka.send(topics.physical("session.events"), outOfRange.subject(),
                h.json(outOfRange).replace("\"sdgs\":[11]", "\"sdgs\":[18]"));
        send(List.of(good));

        await().atMost(DEADLINE).until(() -> corpus.current(h.id("a")).isPresent());
        assertThat(corpus.revisions(h.id("a"))).extracting(Conclusion::revision).containsExactly(3L);
        List<ConsumerRecord<String, String>> dead = kafka.readUntil(topics.physical("session.events.dlt"), DEADLINE,
                records -> reasons(records, h.id("a")).size() >= 3);
        assertThat(reasons(dead, h.id("a"))).containsExactlyInAnyOrder("schema-invalid", "unknown-version",
                "schema-invalid");
    }

    @Test
    void rapporteursAndOrganisersReadABreakoutsConclusionsInTheConferenceZone() throws Exception {
        InputsHistory h = new InputsHistory(conference("api"));
        h.published();
        h.scheduled("a", "BREAKOUT", DAY1, 10, "housing");
        h.conclusion("a", DAY1, 1, "fr", "Le logement abordable d'abord.");
        h.conclusion("a", DAY1, 2, "fr", "Le logement abordable, partout.");
        h.lock("a", DAY1, at(DAY2, 9), "WRAP_UP", null, null);
        send(h.events());
        String a = h.id("a");
        await().atMost(DEADLINE).until(() -> corpus.lock(a).source() != null
                && corpus.current(a).map(Conclusion::revision).orElse(0L) == 2);

        HttpResponse<String> read = get("/api/rapporteur/sessions/" + a + "/conclusions",
                TestTokens.shared().token("rapporteur-" + UUID.randomUUID(), "rapporteur"), "en");
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(read.body());
        assertThat(body.get("conferenceId").asString()).isEqualTo(h.conferenceId());
        assertThat(body.get("day").asString()).isEqualTo("2021-02-16");
        assertThat(body.get("current").get("revision").asLong()).isEqualTo(2);
        assertThat(body.get("current").get("summary").asString()).isEqualTo("Le logement abordable, partout.");
        assertThat(body.get("revisions")).hasSize(2);
        assertThat(body.get("revisions").get(0).get("postedAt").asString()).as("in the conference zone")
                .isEqualTo("2021-02-16T18:00:01+01:00");
        assertThat(body.get("lock").get("source").asString()).isEqualTo("WRAP_UP");
        assertThat(body.get("lock").get("lockAt").asString()).isEqualTo("2021-02-17T09:00+01:00");
        assertThat(body.get("lock").get("locked").asBoolean()).as("2021 is over").isTrue();
        assertThat(get("/api/rapporteur/sessions/" + a + "/conclusions", TestTokens.shared().organiser(), "en")
                .statusCode()).isEqualTo(200);

        assertThat(get("/api/rapporteur/sessions/" + a + "/conclusions", TestTokens.shared().participant(), "en")
                .statusCode()).as("participants read published summaries, not conclusions").isEqualTo(403);
        String unknown = "/api/rapporteur/sessions/" + UUID.randomUUID() + "/conclusions";
        for (String language : List.of("en", "fr", "es")) {
            HttpResponse<String> missing = get(unknown, TestTokens.shared().organiser(), language);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(missing.body()).get("detail").asString()).isNotBlank()
                    .doesNotContain("inputs.session.not-found");
        }
        assertThat(JSON.readTree(get(unknown, TestTokens.shared().organiser(), "fr").body()).get("detail").asString())
                .startsWith("Ce service ne connaît aucune session");
    }

    @Test
    void racingCopiesOfTheSameEventsBumpOncePerEffectiveChange() throws Exception {
        // Two replicas during a rebalance, a relay resending: the same events applied at once, in random orders.
        InputsHistory h = new InputsHistory(conference("race"));
        String c = h.conferenceId();
        List<CloudEvent> revisions = new ArrayList<>();
        for (int r = 1; r <= 6; r++) {
            revisions.add(h.conclusion("a", DAY1, r, "en", "Affordable housing, revision " + r + "."));
        }
        dev.hybridconf.contracts.EventCodec codec = new dev.hybridconf.contracts.EventCodec();
        List<CloudEvent> copies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            copies.addAll(revisions);
        }
        Collections.shuffle(copies, new Random(13));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (CloudEvent copy : copies) {
                done.add(pool.submit(() -> corpus.apply(copy, codec.payload(copy,
                        dev.hybridconf.contracts.session.ConclusionPosted.class))));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        String a = h.id("a");
        assertThat(corpus.current(a).orElseThrow().revision()).isEqualTo(6);
        assertThat(corpus.revisions(a)).extracting(Conclusion::revision).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        List<LiveEntry> live = liveEntries(c);
        assertThat(live).as("one entry per revision that became current, none for copies").isNotEmpty()
                .allSatisfy(e -> assertThat(e.type()).isEqualTo("conclusion"));
        assertThat(live).extracting(LiveEntry::revision).doesNotHaveDuplicates().isSorted();
        assertThat(corpus.version(c, DAY1)).as("the day's version counts exactly those").isEqualTo(live.size());
    }

    private HttpResponse<String> get(String path, String token, String language) {
        return new RapporteurApi(port).get(path, token, "Accept-Language", language);
    }

    private static List<String> reasons(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key()))
                .map(r -> new String(r.headers().lastHeader(FailureClass.REASON_HEADER).value(),
                        StandardCharsets.UTF_8))
                .toList();
    }

    private String snapshot(InputsHistory h) {
        return h.snapshot(programme, corpus);
    }

    private List<LiveEntry> liveEntries(String conferenceId) {
        return store.redis().xrange(LiveEntry.streamKey(store.keys(), conferenceId), (StreamEntryID) null,
                (StreamEntryID) null).stream().map(e -> LiveEntry.from(e.getFields())).collect(Collectors.toList());
    }

    private void send(List<CloudEvent> events) {
        new InputsHistory("unused").send(kafka, topics.physical("session.events"), events);
    }

    private static String conference(String name) {
        return "inputs-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

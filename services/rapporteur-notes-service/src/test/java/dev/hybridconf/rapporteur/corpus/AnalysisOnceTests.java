package dev.hybridconf.rapporteur.corpus;

import static dev.hybridconf.rapporteur.corpus.InputsHistory.DAY1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.rapporteur.analysis.Trend;
import dev.hybridconf.rapporteur.live.LiveEntry;
import dev.hybridconf.rapporteur.trends.StoredTrends;
import dev.hybridconf.rapporteur.trends.Trends;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import redis.clients.jedis.StreamEntryID;

/**
 * The whole service on the real broker and Redis, as the last acceptance line reads: a revised or unlocked
 * conclusion updates the day's analysis exactly once, and replays and duplicates change nothing. Conclusions arrive
 * from {@code session.events} through the inputs listener; the trend worker analyses with the Lucene analyser and
 * the conference's thesaurus, so one concept raised in three languages counts once, by three breakouts.
 *
 * <p>Runs are counted by the {@code trends} entries the worker appends to the conference's live stream (one per
 * stored analysis, in the same step); a run is over when the stored analysis is of the day's current corpus version
 * and the day is no longer marked.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class AnalysisOnceTests {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    CorpusStore corpus;

    @Autowired
    CorpusMarks marks;

    @Autowired
    Trends trends;

    @Autowired
    RedisStore store;

    @Autowired
    TopicNames topics;

    private final KafkaProbe kafka = KafkaProbe.shared();

    @Test
    void aRevisedOrUnlockedConclusionUpdatesTheAnalysisOnceAndReplaysAndDuplicatesChangeNothing() throws Exception {
        InputsHistory h = new InputsHistory("analysis-once-" + UUID.randomUUID().toString().substring(0, 8));
        String c = h.conferenceId();
        h.published();
        for (String key : List.of("a", "b", "c", "d")) {
            h.scheduled(key, "BREAKOUT", DAY1, 10, "housing");
        }
        CloudEvent first = h.conclusion("a", DAY1, 1, "en",
                "Affordable housing must be at the heart of recovery plans. Public transport links the districts.");
        h.conclusion("b", DAY1, 1, "fr",
                "Le logement abordable manque dans les métropoles. Les budgets participatifs renforcent la confiance.");
        h.conclusion("c", DAY1, 1, "es",
                "La vivienda asequible es un derecho. Los presupuestos participativos fortalecen la confianza.");
        send(h.events());
        await().atMost(DEADLINE).until(() -> corpus.day(c, DAY1).size() == 3);

        // The organisers' thesaurus: one concept, three languages.
        HttpResponse<String> thesaurus = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/rapporteur/conferences/" + c + "/thesaurus"))
                .header("Authorization", "Bearer " + TestTokens.shared().organiser())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"concepts": [{"id": "affordable-housing", "labels": {"en": ["affordable housing"],
                          "fr": ["logement abordable"], "es": ["vivienda asequible"]}, "ignore": false}]}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(thesaurus.statusCode()).as(thesaurus.body()).isEqualTo(200);

        StoredTrends analysed = settled(c);
        Trend housing = analysed.trends().trends().stream().filter(t -> t.key().equals("c:affordable-housing"))
                .findFirst().orElseThrow(() -> new AssertionError(analysed.trends().trends()));
        assertThat(housing.breakouts()).as("one concept, once per breakout, whatever the language").isEqualTo(3);
        assertThat(housing.languages()).containsExactly("en", "es", "fr");
        assertThat(housing.evidence()).isNotEmpty();
        assertThat(analysed.trends().reporting()).isEqualTo(3);
        long runs = runs(c);

        // A revision: the analysis runs once, and sees it.
        CloudEvent second = h.conclusion("a", DAY1, 2, "en",
                "Affordable housing must be at the heart of recovery plans, and rents capped.");
        send(List.of(second));
        StoredTrends revised = settled(c);
        assertThat(revised.corpusVersion()).isGreaterThan(analysed.corpusVersion());
        assertThat(runs(c)).as("one run for one revision").isEqualTo(runs + 1);

        // The same revision again and the first one late, then an organiser's unlock behind them in the same
        // partition: only the unlock changes anything, and the analysis runs once for it.
        send(List.of(second, first, second));
        send(List.of(h.lock("a", DAY1, null, "UNLOCKED", null, "organiser-1")));
        await().atMost(DEADLINE).until(() -> "UNLOCKED".equals(corpus.lock(h.id("a")).source()));
        StoredTrends unlocked = settled(c);
        assertThat(unlocked.corpusVersion()).as("the duplicates moved nothing, the unlock once")
                .isEqualTo(revised.corpusVersion() + 1);
        assertThat(runs(c)).as("no run for the replays, one for the unlock").isEqualTo(runs + 2);
        assertThat(corpus.current(h.id("a")).orElseThrow().revision()).isEqualTo(2);
    }

    /**
     * A wrap-up starting changes nothing in the corpus (no event is needed for a lock time to pass), yet the day's
     * analysis must then say it is complete: the worker marks the day due again for its next lock time.
     */
    @Test
    void theDayIsCompleteOnceItsLastBreakoutLocksWithoutAnotherEvent() {
        InputsHistory h = new InputsHistory("analysis-lock-" + UUID.randomUUID().toString().substring(0, 8));
        String c = h.conferenceId();
        h.published();
        h.scheduled("a", "BREAKOUT", DAY1, 10, "housing");
        h.conclusion("a", DAY1, 1, "en", "Affordable housing must be at the heart of recovery plans.");
        java.time.Instant lockAt = java.time.Instant.now().plusSeconds(3);
        h.lock("a", DAY1, lockAt, "WRAP_UP", null, null);
        send(h.events());
        await().atMost(DEADLINE).until(() -> lockAt.equals(corpus.lock(h.id("a")).lockAt()));

        StoredTrends before = await().atMost(DEADLINE).until(() -> trends.day(c, DAY1).orElse(null),
                stored -> stored != null && stored.corpusVersion() == corpus.version(c, DAY1));
        if (before.analysedAt().isBefore(lockAt)) {
            assertThat(before.trends().complete()).as("reported, not locked yet").isFalse();
            assertThat(store.redis().zscore(marks.dirtyKey(), c + ":" + DAY1)).as("due again at the lock")
                    .isEqualTo((double) lockAt.toEpochMilli());
        }
        StoredTrends after = await().atMost(DEADLINE).until(() -> trends.day(c, DAY1).orElse(null),
                stored -> stored != null && stored.trends().complete());
        assertThat(after.corpusVersion()).as("the same corpus, analysed again").isEqualTo(before.corpusVersion());
        assertThat(after.analysedAt()).isAfterOrEqualTo(lockAt);
    }

    /** Waits until the day's analysis is of its current corpus version and nothing more is due; answers it. */
    private StoredTrends settled(String c) {
        String member = c + ":" + DAY1;
        StoredTrends[] stored = new StoredTrends[1];
        await().atMost(DEADLINE).until(() -> {
            stored[0] = trends.day(c, DAY1).orElse(null);
            return stored[0] != null && stored[0].corpusVersion() == corpus.version(c, DAY1) && !stored[0].pending()
                    && store.redis().zscore(marks.dirtyKey(), member) == null;
        });
        return stored[0];
    }

    /** The analyses stored for the conference so far: one {@code trends} live entry each. */
    private long runs(String c) {
        return store.redis().xrange(LiveEntry.streamKey(store.keys(), c), (StreamEntryID) null, (StreamEntryID) null)
                .stream().map(e -> LiveEntry.from(e.getFields())).filter(e -> e.type().equals("trends")).count();
    }

    private void send(List<CloudEvent> events) {
        new InputsHistory("unused").send(kafka, topics.physical("session.events"), events);
    }
}

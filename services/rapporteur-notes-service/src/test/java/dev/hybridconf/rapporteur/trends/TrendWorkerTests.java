package dev.hybridconf.rapporteur.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.hybridconf.kit.lease.Leases;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.rapporteur.analysis.AnalysisInput;
import dev.hybridconf.rapporteur.analysis.AnalysisSettings;
import dev.hybridconf.rapporteur.live.LiveEntry;
import dev.hybridconf.rapporteur.thesaurus.ThesaurusStore;
import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The trend worker on a real Redis with a counting analyser: an effective corpus change gives exactly one analysis,
 * stored with its version and announced on the live stream; a replay gives none; several replicas analyse each
 * change once; a change on an earlier day reruns the later days once each; and however changes interleave with the
 * runs, what a reader gets is the latest corpus or says {@code pending}.
 */
class TrendWorkerTests extends TrendsIntegrationTest {

    static final LocalDate DAY3 = LocalDate.of(2021, 2, 18);

    @Autowired
    RedisStore store;
    @Autowired
    ThesaurusStore thesauri;
    @Autowired
    AnalysisProperties properties;
    @Autowired
    MeterRegistry meters;
    @Autowired
    TrendWorker springWorker;

    private final List<TrendWorker> replicas = new ArrayList<>();
    private final List<Leases> replicaLeases = new ArrayList<>();

    @AfterEach
    void stopReplicas() {
        replicas.forEach(TrendWorker::stop);
        replicaLeases.forEach(Leases::close);
    }

    /** Another replica's worker: its own lease holder, the same Redis. */
    private TrendWorker replica(String name) {
        return replica(name, analyzer);
    }

    private TrendWorker replica(String name, dev.hybridconf.rapporteur.analysis.TrendAnalyzer analyzer) {
        Leases leases = new Leases(store.redis(), store.keys(), name);
        TrendWorker worker = new TrendWorker(store, leases, corpus, programme, thesauri, analyzer, properties,
                AnalysisSettings.DEFAULTS, Clock.systemUTC(), meters, name);
        replicaLeases.add(leases);
        replicas.add(worker);
        worker.start();
        return worker;
    }

    private StoredTrends awaitStored(String conference, LocalDate day, long version) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> trends.day(conference, day),
                stored -> stored.isPresent() && stored.get().corpusVersion() == version && !stored.get().pending())
                .orElseThrow();
    }

    private String fingerprintNow(String conference, LocalDate day) {
        java.util.TreeMap<LocalDate, List<dev.hybridconf.rapporteur.corpus.Conclusion>> earlier = new java.util.TreeMap<>();
        corpus.daysWithConclusions(conference).stream().filter(d -> d.isBefore(day))
                .forEach(d -> earlier.put(d, corpus.day(conference, d)));
        return CountingAnalyzer.fingerprint(new AnalysisInput(conference, day, corpus.day(conference, day), earlier,
                thesauri.current(conference), AnalysisSettings.DEFAULTS, 0));
    }

    @Test
    void oneCorpusChangeIsAnalysedExactlyOnceAndAnnouncedOnTheLiveStream() {
        String conference = TrendsApi.conference("worker-once");
        programme.conference(conference, DAY1);
        programme.breakout(conference, "s-1", DAY1);

        assertThat(corpus.post(conference, "s-1", DAY1, 1, "en", "Affordable housing is scarce.")).isTrue();

        StoredTrends stored = awaitStored(conference, DAY1, 1);
        assertThat(stored.trends().method()).isEqualTo("fake/s-1@1;earlier=0;t0");
        assertThat(stored.thesaurusVersion()).isZero();
        assertThat(store.redis().zscore(store.keys().key("analysis", "dirty"), conference + ":" + DAY1)).isNull();
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> analyzer.runs(conference, DAY1) == 1);

        List<StreamEntry> live = store.redis().xrange(LiveEntry.streamKey(store.keys(), conference),
                (redis.clients.jedis.StreamEntryID) null, (redis.clients.jedis.StreamEntryID) null);
        assertThat(live).hasSize(1);
        assertThat(LiveEntry.from(live.get(0).getFields())).isEqualTo(new LiveEntry("trends", null, DAY1, 1));
    }

    @Test
    void aReplayedOrDuplicatedConclusionRunsNoAnalysis() {
        String conference = TrendsApi.conference("worker-replay");
        programme.conference(conference, DAY1);
        corpus.post(conference, "s-1", DAY1, 2, "fr", "Le logement abordable manque.");
        StoredTrends first = awaitStored(conference, DAY1, 1);

        assertThat(corpus.post(conference, "s-1", DAY1, 2, "fr", "Le logement abordable manque.")).isFalse();
        assertThat(corpus.post(conference, "s-1", DAY1, 1, "fr", "Une version plus ancienne.")).isFalse();

        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> analyzer.runs(conference, DAY1) == 1);
        assertThat(trends.day(conference, DAY1)).get().extracting(StoredTrends::analysedAt)
                .isEqualTo(first.analysedAt());
    }

    @Test
    void threeReplicasAnalyseEachMarkedDayOnce() {
        String conference = TrendsApi.conference("worker-replicas");
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            days.add(DAY1.plusDays(i));
        }
        programme.conference(conference, days.toArray(LocalDate[]::new));
        replica("replica-b");
        replica("replica-c");

        // Every day changes at once: three workers see the same twelve marks.
        for (int i = 0; i < days.size(); i++) {
            corpus.post(conference, "s-" + i, days.get(i), 1, "es", "La vivienda asequible escasea.");
        }

        for (LocalDate day : days) {
            awaitStored(conference, day, 1);
        }
        // A day's later days are marked again by each earlier day's change: the last marks may still be running.
        await().atMost(Duration.ofSeconds(20)).until(() -> store.redis()
                .zrangeByScore(store.keys().key("analysis", "dirty"), "-inf", "+inf").stream()
                .noneMatch(member -> member.startsWith(conference + ":")));
        for (LocalDate day : days) {
            assertThat(trends.day(conference, day)).get().extracting(s -> s.trends().method())
                    .isEqualTo(fingerprintNow(conference, day));
        }
        // Days change in order, so no day is marked again by an earlier one: one analysis each, by one replica.
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> days.stream().allMatch(day -> analyzer.runs(conference, day) == 1));
    }

    @Test
    void threeReplicasAnalyseASingleChangeOnce() {
        String conference = TrendsApi.conference("worker-single");
        programme.conference(conference, DAY1);
        replica("replica-d");
        replica("replica-e");
        for (long revision = 1; revision <= 5; revision++) {
            corpus.post(conference, "s-1", DAY1, revision, "en", "Revision " + revision);
            awaitStored(conference, DAY1, revision);
            long expected = revision;
            await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(3))
                    .until(() -> analyzer.runs(conference, DAY1) == expected);
        }
    }

    @Test
    void aRevisionOnDayOneRerunsEveryLaterDayOnce() {
        String conference = TrendsApi.conference("worker-days");
        programme.conference(conference, DAY1, DAY2, DAY3);
        corpus.post(conference, "s-1", DAY1, 1, "en", "Affordable housing.");
        corpus.post(conference, "s-2", DAY2, 1, "fr", "Logement abordable.");
        corpus.post(conference, "s-3", DAY3, 1, "es", "Vivienda asequible.");
        awaitStored(conference, DAY1, 1);
        awaitStored(conference, DAY2, 1);
        awaitStored(conference, DAY3, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !((RedisTrends) trends).markedDirty(conference, DAY2)
                && !((RedisTrends) trends).markedDirty(conference, DAY3));
        int day2 = analyzer.runs(conference, DAY2);
        int day3 = analyzer.runs(conference, DAY3);

        corpus.post(conference, "s-1", DAY1, 2, "en", "Affordable housing, revised.");

        awaitStored(conference, DAY1, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> analyzer.runs(conference, DAY2) == day2 + 1
                && analyzer.runs(conference, DAY3) == day3 + 1
                && !((RedisTrends) trends).markedDirty(conference, DAY3));
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> analyzer.runs(conference, DAY1) == 2
                && analyzer.runs(conference, DAY2) == day2 + 1 && analyzer.runs(conference, DAY3) == day3 + 1);
        assertThat(trends.day(conference, DAY3)).get().extracting(s -> s.trends().method())
                .isEqualTo("fake/s-3@1;earlier=2;t0");
    }

    @Test
    void randomisedConcurrentChangesEndOnTheLatestCorpusAndNeverShowAStaleAnalysisAsCurrent() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String conference = TrendsApi.conference("worker-random");
        programme.conference(conference, DAY1, DAY2);
        replica("replica-f");
        replica("replica-g");
        int writers = 4;
        int changesEach = 40;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            long writerSeed = random.nextLong();
            futures.add(pool.submit(() -> {
                Random mine = new Random(writerSeed);
                start.await();
                for (int i = 0; i < changesEach; i++) {
                    String session = "s-" + mine.nextInt(5);
                    LocalDate day = mine.nextInt(4) == 0 ? DAY1 : DAY2;
                    String key = session + "@" + day;
                    synchronized (corpus) {
                        long next = corpus.current(conference, key).map(c -> c.revision() + 1).orElse(1L);
                        corpus.post(conference, key, day, next, "en", "Change " + next);
                    }
                    if (mine.nextBoolean()) {
                        Thread.onSpinWait();
                    }
                }
                return null;
            }));
        }
        futures.add(pool.submit(() -> {
            start.await();
            while (writing.get()) {
                for (LocalDate day : List.of(DAY1, DAY2)) {
                    long before = corpus.version(conference, day);
                    Optional<StoredTrends> read = trends.day(conference, day);
                    if (read.isPresent() && !read.get().pending() && read.get().corpusVersion() < before) {
                        violations.add(day + ": stored " + read.get().corpusVersion() + " < " + before + " not pending");
                    }
                }
            }
            return null;
        }));
        start.countDown();
        for (int w = 0; w < writers; w++) {
            futures.get(w).get(60, TimeUnit.SECONDS);
        }
        writing.set(false);
        futures.get(writers).get(10, TimeUnit.SECONDS);
        pool.shutdown();

        for (LocalDate day : List.of(DAY1, DAY2)) {
            long last = corpus.version(conference, day);
            if (last == 0) {
                continue;
            }
            StoredTrends stored = awaitStored(conference, day, last);
            await().atMost(Duration.ofSeconds(10)).until(() -> !((RedisTrends) trends).markedDirty(conference, day));
            assertThat(trends.day(conference, day)).as("seed %d", seed).get()
                    .satisfies(s -> assertThat(s.pending()).isFalse())
                    .extracting(s -> s.trends().method()).isEqualTo(fingerprintNow(conference, day));
            assertThat(stored.corpusVersion()).as("seed %d", seed).isEqualTo(last);
        }
        assertThat(violations).as("seed %d", seed).isEmpty();
    }

    @Test
    void aFailedAnalysisIsCountedAndTriedAgainLaterNotInALoop() {
        String conference = TrendsApi.conference("worker-failing");
        programme.conference(conference, DAY1);
        double failedBefore = meters.counter("rapporteur.analysis.runs", "outcome", "failed").count();

        corpus.post(conference, "s-1", DAY1, 1, "en", CountingAnalyzer.FAIL);

        // The worker counts the failure, then postpones the day: wait for both.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(meters.counter("rapporteur.analysis.runs", "outcome", "failed").count())
                    .isGreaterThan(failedBefore);
            Double postponed = store.redis().zscore(store.keys().key("analysis", "dirty"), conference + ":" + DAY1);
            assertThat(postponed).as("due again later, not at once").isNotNull()
                    .isGreaterThan((double) System.currentTimeMillis());
        });
        assertThat(trends.day(conference, DAY1)).isEmpty();

        // The moderator corrects it: a new change brings the day forward again.
        corpus.post(conference, "s-1", DAY1, 2, "en", "Affordable housing.");
        awaitStored(conference, DAY1, 2);
        assertThat(analyzer.runs(conference, DAY1)).isEqualTo(2);
    }

    @Test
    void aStoppingWorkerFinishesTheAnalysisUnderWayStoresItAndGivesUpItsLease() throws Exception {
        String conference = TrendsApi.conference("worker-shutdown");
        programme.conference(conference, DAY1);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TrendWorker slow = replica("replica-slow", input -> {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return analyzer.analyse(input);
        });
        springWorker.stop();
        ExecutorService stopper = Executors.newSingleThreadExecutor();
        try {
            corpus.post(conference, "s-1", DAY1, 1, "en", "Affordable housing.");
            assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();

            java.util.concurrent.Future<?> stopping = stopper.submit((Runnable) slow::stop);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !stopping.isDone());
            release.countDown();
            stopping.get(15, TimeUnit.SECONDS);

            assertThat(slow.isRunning()).isFalse();
            assertThat(trends.day(conference, DAY1)).get().extracting(StoredTrends::corpusVersion).isEqualTo(1L);
            assertThat(store.redis().exists(store.keys().key("lease", "{analysis:" + conference + ":" + DAY1 + "}")))
                    .as("lease released").isFalse();
        } finally {
            release.countDown();
            stopper.shutdown();
            springWorker.start();
        }
    }
}

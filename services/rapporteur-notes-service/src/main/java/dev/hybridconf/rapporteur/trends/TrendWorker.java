package dev.hybridconf.rapporteur.trends;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import dev.hybridconf.kit.lease.Lease;
import dev.hybridconf.kit.lease.Leases;
import dev.hybridconf.kit.redis.RedisScript;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.rapporteur.analysis.AnalysisInput;
import dev.hybridconf.rapporteur.analysis.AnalysisSettings;
import dev.hybridconf.rapporteur.analysis.DayTrends;
import dev.hybridconf.rapporteur.analysis.Thesaurus;
import dev.hybridconf.rapporteur.analysis.TrendAnalyzer;
import dev.hybridconf.rapporteur.corpus.Conclusion;
import dev.hybridconf.rapporteur.corpus.Corpus;
import dev.hybridconf.rapporteur.live.LiveEntry;
import dev.hybridconf.rapporteur.programme.Programme;
import dev.hybridconf.rapporteur.programme.SessionInfo;
import dev.hybridconf.rapporteur.thesaurus.ThesaurusKeys;
import dev.hybridconf.rapporteur.thesaurus.ThesaurusStore;
import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.params.ZAddParams;
import redis.clients.jedis.resps.Tuple;

/**
 * Keeps every marked day's analysis up to date, on every replica, each day analysed by one of them at a time.
 *
 * <p>Every {@code poll-interval} it takes the due members of {@code analysis:dirty} and, for each, the kit lease
 * {@code analysis:<c>:<day>}. Under it, it reads the mark's score (gone: another replica did the work), the
 * conference's corpus versions (hash {@code corpus:version:<c>}, this day and every earlier one), then the thesaurus,
 * the conclusions of the day and of the earlier days with conclusions, and the day's breakouts, and runs the
 * {@link TrendAnalyzer}. It stores the result ({@code analysis:<c>:<day>}) in one Lua step that first checks the
 * lease's fence and that every version it read is still current; the same step adds a {@code trends}
 * {@link LiveEntry} to the conference's live stream and removes the mark, unless the day was marked again since.
 * A version that moved meanwhile writes nothing: the day is analysed again at once (a few times), then left marked
 * for the next poll. A failed analysis leaves the mark, postponed by {@code retry-after}.
 *
 * <p>So a change of the corpus (one bump by the inputs) gives one analysis, a replay (no bump) none, and whatever
 * the interleaving of changes and runs the stored analysis is of the latest versions or is read as {@code pending}.
 * Counter {@code rapporteur.analysis.runs{outcome=stored|superseded|failed}}.
 *
 * <p>The live entry is written by this worker's own script ({@code redis/rapporteur-trends-store.lua}) because the
 * kit's {@code AtomicWrite} had no {@code xadd} when it was written.
 */
public class TrendWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TrendWorker.class);
    private static final RedisScript STORE = RedisScript.fromClasspath("/redis/rapporteur-trends-store.lua");
    /** Live stream length kept, as the inputs keep it. */
    static final long LIVE_MAX_LENGTH = 10_000;
    private static final int BATCH = 100;
    private static final int ATTEMPTS = 5;

    private final RedisStore store;
    private final TrendKeys keys;
    private final Leases leases;
    private final Corpus corpus;
    private final Programme programme;
    private final ThesaurusStore thesauri;
    private final TrendAnalyzer analyzer;
    private final AnalysisProperties properties;
    private final AnalysisSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String name;
    private ScheduledExecutorService poller;
    private volatile boolean running;

    public TrendWorker(RedisStore store, Leases leases, Corpus corpus, Programme programme, ThesaurusStore thesauri,
            TrendAnalyzer analyzer, AnalysisProperties properties, AnalysisSettings settings, Clock clock,
            MeterRegistry meters, String name) {
        this.store = store;
        this.keys = new TrendKeys(store.keys());
        this.leases = leases;
        this.corpus = corpus;
        this.programme = programme;
        this.thesauri = thesauri;
        this.analyzer = analyzer;
        this.properties = properties;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        this.name = name;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        AtomicInteger threads = new AtomicInteger();
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        long every = Math.max(1, properties.pollInterval().toMillis());
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    /** Stops polling and waits (up to 10 s) for the analysis under way, whose lease is then released. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        poller.shutdown();
        try {
            if (!poller.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("The trend worker {} did not stop within 10 s", name);
                poller.shutdownNow();
            }
        } catch (InterruptedException e) {
            poller.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the listeners and the kit's Redis go (stopped in reverse phase order). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }

    private void poll() {
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("Trend worker {}: poll failed, trying again at the next one: {}", name, e.toString());
        }
    }

    /** Analyses the due days once each; answers how many it stored. */
    int drain() {
        List<Tuple> due = store.redis().zrangeByScoreWithScores(keys.dirty(), Double.NEGATIVE_INFINITY,
                clock.millis(), 0, BATCH);
        int stored = 0;
        for (Tuple member : due) {
            if (!running && poller != null) {
                break;
            }
            Optional<TrendKeys.Member> parsed = TrendKeys.Member.parse(member.getElement());
            if (parsed.isEmpty()) {
                log.warn("Dropping {} from the days to analyse: not <conference>:<day>", member.getElement());
                store.redis().zrem(keys.dirty(), member.getElement());
                continue;
            }
            if (analyse(parsed.get())) {
                stored++;
            }
        }
        return stored;
    }

    /** One day under its lease; false when another replica holds it, nothing was marked or nothing could be stored. */
    boolean analyse(TrendKeys.Member member) {
        Optional<Lease> taken = leases.tryAcquire(TrendKeys.leaseName(member), properties.leaseTtl());
        if (taken.isEmpty()) {
            return false;
        }
        try (Lease lease = taken.get().keepRenewed()) {
            // A demo thesaurus loads on the first read and marks the days again: load it before the mark is read.
            thesauri.current(member.conferenceId());
            for (int attempt = 0; attempt < ATTEMPTS && lease.held(); attempt++) {
                Double score = store.redis().zscore(keys.dirty(), member.toString());
                if (score == null) {
                    return false;
                }
                String outcome;
                try {
                    outcome = runOnce(member, score, lease);
                } catch (RuntimeException e) {
                    count("failed");
                    log.error("Analysing {} failed; trying again in {}", member, properties.retryAfter(), e);
                    postpone(member);
                    return false;
                }
                switch (outcome) {
                    case "STORED", "STORED_DIRTY" -> {
                        count("stored");
                        return true;
                    }
                    case "FENCED" -> {
                        count("superseded");
                        return false;
                    }
                    default -> count("superseded");
                }
            }
            return false;
        }
    }

    private String runOnce(TrendKeys.Member member, double score, Lease lease) {
        String c = member.conferenceId();
        LocalDate day = member.day();
        // Versions first: whatever is read after them is at least as new, and the store checks they did not move.
        SortedMap<String, String> versions = new TreeMap<>();
        store.redis().hgetAll(keys.corpusVersions(c)).forEach((field, version) -> {
            if (field.compareTo(day.toString()) <= 0) {
                versions.put(field, version);
            }
        });
        long version = Long.parseLong(versions.getOrDefault(day.toString(), "0"));
        Thesaurus thesaurus = thesauri.current(c);
        List<Conclusion> today = corpus.day(c, day);
        SortedMap<LocalDate, List<Conclusion>> earlier = new TreeMap<>();
        for (LocalDate other : corpus.daysWithConclusions(c)) {
            if (other.isBefore(day)) {
                earlier.put(other, corpus.day(c, other));
            }
        }
        int breakouts = (int) programme.day(c, day).stream().filter(SessionInfo::breakout)
                .filter(session -> !session.cancelled()).count();
        // As of now: the day is complete once every breakout reported and its conclusions locked.
        DayTrends trends = analyzer.analyse(new AnalysisInput(c, day, today, earlier, thesaurus, settings,
                breakouts, clock.instant()));
        StoredTrends stored = new StoredTrends(trends, version, thesaurus.version(), clock.instant(), false);
        // Nothing changes in the corpus when a lock time passes (no event is needed when a wrap-up starts), so the
        // day is marked again for its next one: the analysis then says whether the day is complete.
        String nextLock = today.stream().map(conclusion -> conclusion.lock().lockAt())
                .filter(at -> at != null && at.isAfter(stored.analysedAt())).min(Instant::compareTo)
                .map(at -> Long.toString(at.toEpochMilli())).orElse("");
        List<String> args = new ArrayList<>();
        args.add(day.toString());
        args.add(member.toString());
        args.add(Double.toString(score));
        args.add(Long.toString(thesaurus.version()));
        args.add(Long.toString(lease.token()));
        args.add(RedisTrends.JSON.writeValueAsString(stored));
        args.add(Long.toString(LIVE_MAX_LENGTH));
        args.add(nextLock);
        args.add(Integer.toString(versions.size()));
        versions.forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        for (Map.Entry<String, String> field : new LiveEntry("trends", null, day, version).fields().entrySet()) {
            args.add(field.getKey());
            args.add(field.getValue());
        }
        return String.valueOf(STORE.run(store.redis(), List.of(keys.corpusVersions(c),
                ThesaurusKeys.thesaurus(store.keys(), c), keys.dirty(), keys.analysis(c, day),
                LiveEntry.streamKey(store.keys(), c), lease.fenceKey()), args));
    }

    /** A failed day waits {@code retry-after} (a new mark by a change brings it forward again). */
    private void postpone(TrendKeys.Member member) {
        try {
            store.redis().zadd(keys.dirty(), clock.millis() + properties.retryAfter().toMillis(), member.toString(),
                    ZAddParams.zAddParams().xx());
        } catch (RuntimeException e) {
            log.warn("Could not postpone {}: {}", member, e.toString());
        }
    }

    private void count(String outcome) {
        meters.counter("rapporteur.analysis.runs", "outcome", outcome).increment();
    }
}

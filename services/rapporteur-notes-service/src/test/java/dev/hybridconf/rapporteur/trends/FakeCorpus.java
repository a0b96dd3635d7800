package dev.hybridconf.rapporteur.trends;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.rapporteur.corpus.Conclusion;
import dev.hybridconf.rapporteur.corpus.Corpus;
import dev.hybridconf.rapporteur.corpus.LockState;

/**
 * The corpus as the inputs keep it, for the tests of what reads it: conclusions in memory, and the part the trend
 * worker depends on exactly as the inputs write it: one effective change = one step that bumps
 * {@code corpus:version:<c>} (field = day) and marks {@code analysis:dirty} for that day and the conference's later
 * days with conclusions; a revision not above the kept one (a replay, a duplicate) writes nothing.
 */
public class FakeCorpus implements Corpus {

    private final RedisStore store;
    private final Map<String, Conclusion> current = new ConcurrentHashMap<>();

    public FakeCorpus(RedisStore store) {
        this.store = store;
    }

    /** Posts a revision of a breakout's conclusion; false (nothing written, no bump) unless newer than the kept one. */
    public synchronized boolean post(String conferenceId, String sessionId, LocalDate day, long revision,
            String language, String summary) {
        Conclusion kept = current.get(conferenceId + "/" + sessionId);
        if (kept != null && kept.revision() >= revision) {
            return false;
        }
        Conclusion conclusion = new Conclusion(sessionId, conferenceId, day, revision, language, summary,
                List.of(summary), List.of("Cities should act together."), List.of("Housing"), List.of(11),
                "5b0f7c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e", Instant.parse("2021-02-16T11:30:00Z"), LockState.OPEN);
        current.put(conferenceId + "/" + sessionId, conclusion);
        bump(conferenceId, day);
        return true;
    }

    /** The change's step: version + 1 and the day (and later days with conclusions) marked, atomically. */
    public void bump(String conferenceId, LocalDate day) {
        long now = System.currentTimeMillis();
        AtomicWrite write = store.atomically().hincrBy(store.keys().key("corpus", "version", conferenceId),
                day.toString(), 1);
        String dirty = store.keys().key("analysis", "dirty");
        write.zadd(dirty, now, conferenceId + ":" + day);
        for (LocalDate later : daysWithConclusions(conferenceId)) {
            if (later.isAfter(day)) {
                write.zadd(dirty, now, conferenceId + ":" + later);
            }
        }
        write.execute();
    }

    @Override
    public List<Conclusion> day(String conferenceId, LocalDate day) {
        return current.values().stream().filter(c -> c.conferenceId().equals(conferenceId) && c.day().equals(day))
                .sorted(Comparator.comparing(Conclusion::sessionId)).toList();
    }

    @Override
    public List<LocalDate> daysWithConclusions(String conferenceId) {
        return current.values().stream().filter(c -> c.conferenceId().equals(conferenceId)).map(Conclusion::day)
                .distinct().sorted().toList();
    }

    /** Tests reuse session ids across conferences; real ones are UUIDs. */
    @Override
    public Optional<Conclusion> current(String sessionId) {
        return current.values().stream().filter(c -> c.sessionId().equals(sessionId)).findFirst();
    }

    public Optional<Conclusion> current(String conferenceId, String sessionId) {
        return Optional.ofNullable(current.get(conferenceId + "/" + sessionId));
    }

    @Override
    public List<Conclusion> revisions(String sessionId) {
        return current(sessionId).map(List::of).orElse(new ArrayList<>());
    }

    @Override
    public long version(String conferenceId, LocalDate day) {
        String version = store.redis().hget(store.keys().key("corpus", "version", conferenceId), day.toString());
        return version == null ? 0 : Long.parseLong(version);
    }
}

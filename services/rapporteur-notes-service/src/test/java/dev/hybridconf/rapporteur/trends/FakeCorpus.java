package dev.hybridconf.rapporteur.trends;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.rapporteur.corpus.Conclusion;
import dev.hybridconf.rapporteur.corpus.LockState;
import dev.hybridconf.rapporteur.testing.InMemoryCorpus;

/**
 * The corpus as the inputs keep it, for the tests of what reads it: conclusions in memory, and the part the trend
 * worker depends on exactly as the inputs write it: one effective change = one step that bumps
 * {@code corpus:version:<c>} (field = day) and marks {@code analysis:dirty} for that day and the conference's later
 * days with conclusions; a revision not above the kept one (a replay, a duplicate) writes nothing.
 */
public class FakeCorpus extends InMemoryCorpus {

    private final RedisStore store;

    public FakeCorpus(RedisStore store) {
        this.store = store;
    }

    /** Posts a revision of a breakout's conclusion; false (nothing written, no bump) unless newer than the kept one. */
    public boolean post(String conferenceId, String sessionId, LocalDate day, long revision, String language,
            String summary) {
        return post(new Conclusion(sessionId, conferenceId, day, revision, language, summary, List.of(summary),
                List.of("Cities should act together."), List.of("Housing"), List.of(11),
                "5b0f7c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e", Instant.parse("2021-02-16T11:30:00Z"), LockState.OPEN));
    }

    /** Each effective change bumps, as the inputs do. */
    @Override
    protected void changed(String conferenceId, LocalDate day) {
        bump(conferenceId, day);
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
    public long version(String conferenceId, LocalDate day) {
        String version = store.redis().hget(store.keys().key("corpus", "version", conferenceId), day.toString());
        return version == null ? 0 : Long.parseLong(version);
    }
}

package dev.hybridconf.rapporteur.corpus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.rapporteur.live.LiveEntry;

/**
 * What one effective change of the inputs adds to its atomic step, so that it is seen exactly once: the corpus version
 * of each day it changed ({@code HINCRBY corpus:version:<c> <day> 1}), the analysis' dirty mark of those days and of
 * every later day of the conference whose corpus was ever counted ({@code ZADD analysis:dirty <now millis>
 * <c>:<day>}: a later day's emergence depends on the earlier ones), and the entries of the conference's live stream
 * ({@code XADD live:<c> MAXLEN ~ 10000}). A replay or a duplicate never reaches here (the write that calls it is
 * stopped by its marker, position or version), so it bumps nothing.
 */
@Component
public class CorpusMarks {

    /** About how many entries a conference's live stream keeps. */
    public static final long LIVE_MAX_LENGTH = 10_000;

    private final RedisStore store;
    private final KeySpace keys;
    private final Clock clock;

    CorpusMarks(RedisStore store, Clock clock) {
        this.store = store;
        this.keys = store.keys();
        this.clock = clock;
    }

    /** Adds the bumps of {@code days} (none: entries only) and the live entries to {@code write}. */
    public AtomicWrite mark(AtomicWrite write, String conferenceId, Collection<LocalDate> days,
            List<LiveEntry> entries) {
        if (!days.isEmpty()) {
            String versions = versionKey(conferenceId);
            Set<LocalDate> dirty = new TreeSet<>(days);
            LocalDate first = dirty.iterator().next();
            for (String counted : store.redis().hkeys(versions)) {
                LocalDate day = LocalDate.parse(counted);
                if (day.isAfter(first)) {
                    dirty.add(day);
                }
            }
            double now = clock.millis();
            for (LocalDate day : days) {
                write.hincrBy(versions, day.toString(), 1);
            }
            for (LocalDate day : dirty) {
                write.zadd(dirtyKey(), now, conferenceId + ":" + day);
            }
        }
        for (LiveEntry entry : entries) {
            write.xadd(LiveEntry.streamKey(keys, conferenceId), LIVE_MAX_LENGTH, entry.fields());
        }
        return write;
    }

    /** {@code corpus:version:<conferenceId>}: a hash, one counter per day (ISO date). */
    public String versionKey(String conferenceId) {
        return keys.key("corpus", "version", conferenceId);
    }

    /** {@code analysis:dirty}: a sorted set of {@code <conferenceId>:<day>} scored by when it was marked (millis). */
    public String dirtyKey() {
        return keys.key("analysis", "dirty");
    }
}

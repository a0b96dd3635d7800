package dev.hybridconf.rapporteur.thesaurus;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.rapporteur.analysis.Concept;
import dev.hybridconf.rapporteur.analysis.Thesaurus;
import dev.hybridconf.rapporteur.corpus.Corpus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * The thesauri in Redis ({@link ThesaurusKeys}). A replacement is one atomic step guarded by the version it was
 * made on: the new concepts, the version + 1, and every day of the conference with conclusions marked for a new
 * analysis ({@code analysis:dirty}, scored now), so a change of the thesaurus is never kept without the analyses
 * that depend on it being redone. A replacement equal to what is kept changes nothing (no new version).
 *
 * <p>A conference without a thesaurus that has a demo one ({@link DemoThesauri}) gets it the first time its
 * thesaurus is read, through the same write (by {@code demo-loader}, only if still none).
 */
@Component
class RedisThesaurusStore implements ThesaurusStore {

    private static final Logger log = LoggerFactory.getLogger(RedisThesaurusStore.class);
    private static final TypeReference<List<Concept>> CONCEPTS = new TypeReference<>() {
    };
    static final String DEMO_LOADER = "demo-loader";

    private final RedisStore store;
    private final KeySpace keys;
    private final Corpus corpus;
    private final DemoThesauri demos;
    private final Clock clock;

    RedisThesaurusStore(RedisStore store, Corpus corpus, DemoThesauri demos, Clock clock) {
        this.store = store;
        this.keys = store.keys();
        this.corpus = corpus;
        this.demos = demos;
        this.clock = clock;
    }

    @Override
    public Thesaurus current(String conferenceId) {
        return stored(conferenceId).thesaurus();
    }

    /** What is kept (the demo thesaurus loaded first when there is none and one exists). */
    StoredThesaurus stored(String conferenceId) {
        StoredThesaurus kept = read(conferenceId);
        if (kept.version() > 0) {
            return kept;
        }
        Optional<List<Concept>> demo = demos.forConference(conferenceId);
        if (demo.isEmpty()) {
            return kept;
        }
        try {
            StoredThesaurus loaded = replace(conferenceId, demo.get(), 0L, DEMO_LOADER);
            log.info("Demo thesaurus of {} loaded: {} concepts", conferenceId, loaded.concepts().size());
            return loaded;
        } catch (ThesaurusProblem loadedMeanwhile) {
            return read(conferenceId);
        }
    }

    private StoredThesaurus read(String conferenceId) {
        Map<String, String> hash = store.redis().hgetAll(ThesaurusKeys.thesaurus(keys, conferenceId));
        String version = hash.get(ThesaurusKeys.VERSION);
        if (version == null) {
            return new StoredThesaurus(conferenceId, 0, List.of(), null, null);
        }
        List<Concept> concepts;
        try {
            concepts = ThesaurusForm.JSON.readValue(hash.getOrDefault("concepts", "[]"), CONCEPTS);
        } catch (JacksonException unreadable) {
            log.error("The thesaurus of {} (version {}) cannot be read; analysed without it", conferenceId, version);
            concepts = List.of();
        }
        String updatedAt = hash.get("updatedAt");
        return new StoredThesaurus(conferenceId, Long.parseLong(version), concepts,
                updatedAt == null ? null : Instant.parse(updatedAt), hash.get("updatedBy"));
    }

    /**
     * Replaces the whole thesaurus.
     *
     * @param expected the version the change was made on ({@code If-Match}), or null for the current one
     * @throws ThesaurusProblem 412 when {@code expected} is not the current version; 409 when others changed it
     *                          while this change (without {@code If-Match}) was written
     */
    StoredThesaurus replace(String conferenceId, List<Concept> concepts, Long expected, String by) {
        StoredThesaurus current = read(conferenceId);
        if (expected != null && expected != current.version()) {
            throw ThesaurusProblem.versionMismatch(conferenceId, current.version());
        }
        String json = ThesaurusForm.JSON.writeValueAsString(concepts);
        if (current.version() > 0 && json.equals(ThesaurusForm.JSON.writeValueAsString(current.concepts()))) {
            return current;
        }
        String key = ThesaurusKeys.thesaurus(keys, conferenceId);
        AtomicWrite write = store.atomically();
        if (current.version() == 0) {
            write.requireAbsent(key, () -> stale(expected, conferenceId));
        } else {
            write.requireField(key, ThesaurusKeys.VERSION, Long.toString(current.version()),
                    () -> stale(expected, conferenceId));
        }
        Instant now = clock.instant();
        long version = current.version() + 1;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(ThesaurusKeys.VERSION, Long.toString(version));
        fields.put("concepts", json);
        fields.put("updatedAt", now.toString());
        fields.put("updatedBy", by);
        write.hset(key, fields);
        String dirty = keys.key("analysis", "dirty");
        for (LocalDate day : corpus.daysWithConclusions(conferenceId)) {
            write.zadd(dirty, now.toEpochMilli(), conferenceId + ":" + day);
        }
        write.execute();
        return new StoredThesaurus(conferenceId, version, concepts, now, by);
    }

    private ThesaurusProblem stale(Long expected, String conferenceId) {
        return expected == null ? ThesaurusProblem.changedConcurrently()
                : ThesaurusProblem.versionMismatch(conferenceId, read(conferenceId).version());
    }
}

package dev.hybridconf.interpretation.plan;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.hybridconf.kit.errors.ProblemException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.RedisStore;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the plan's state (see {@link PlanKeys}). The draft and the published plan are JSON documents in
 * hashes beside a revision, so that every change of the published plan is a compare-and-set on its revision in one
 * atomic step with its events.
 */
@Component
class PlanStore {

    /** The published plan and its revision (0 and empty before the first publication). */
    record Published(Optional<PublishedPlan> plan, long revision) {

        long version() {
            return plan.map(PublishedPlan::version).orElse(0L);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(PlanStore.class);

    private final RedisStore store;
    private final PlanKeys keys;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    PlanStore(RedisStore store) {
        this.store = store;
        this.keys = new PlanKeys(store.keys());
    }

    PlanKeys keys() {
        return keys;
    }

    RedisStore redis() {
        return store;
    }

    /**
     * The draft; one this version cannot read (written before the plan's model changed) counts as none: the next
     * solve replaces it.
     */
    Optional<Draft> draft(String conferenceId) {
        String stored = store.redis().hget(keys.draft(conferenceId), "json");
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(stored, Draft.class));
        } catch (JacksonException unreadable) {
            log.warn("The draft plan of {} cannot be read; solve again: {}", conferenceId, unreadable.getMessage());
            return Optional.empty();
        }
    }

    Published published(String conferenceId) {
        Map<String, String> hash = store.redis().hgetAll(keys.published(conferenceId));
        if (hash == null || hash.isEmpty() || hash.get("json") == null) {
            return new Published(Optional.empty(), 0);
        }
        return new Published(Optional.of(json.readValue(hash.get("json"), PublishedPlan.class)),
                Long.parseLong(hash.getOrDefault("revision", "0")));
    }

    /** Writes the draft (the caller adds its conditions). */
    AtomicWrite writeDraft(AtomicWrite write, Draft draft) {
        return write.hset(keys.draft(draft.conferenceId()), Map.of("id", draft.id(), "json", json.writeValueAsString(draft)));
    }

    /** The draft must still be the one read. */
    AtomicWrite requireDraft(AtomicWrite write, Draft draft, Supplier<? extends ProblemException> otherwise) {
        return write.requireField(keys.draft(draft.conferenceId()), "id", draft.id(), otherwise);
    }

    /** Writes a new revision of the published plan if it is still at {@code read}'s revision. */
    AtomicWrite writePublished(AtomicWrite write, Published read, PublishedPlan plan,
            Supplier<? extends ProblemException> changedMeanwhile) {
        String key = keys.published(plan.conferenceId());
        if (read.revision() == 0) {
            write.requireAbsent(key, changedMeanwhile);
        } else {
            write.requireField(key, "revision", Long.toString(read.revision()), changedMeanwhile);
        }
        return write.hset(key, Map.of("revision", Long.toString(read.revision() + 1),
                "version", Long.toString(plan.version()), "json", json.writeValueAsString(plan)));
    }
}

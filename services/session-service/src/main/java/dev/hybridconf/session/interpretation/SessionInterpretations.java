package dev.hybridconf.session.interpretation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished;
import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.AtomicWrite.Outcome;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.session.programme.InterpretationReader;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The session service's copy of each session's published interpretation channels.
 *
 * <p>Key (under {@code session:}): {@code interpretation:<sessionId>} (hash: {@code planVersion},
 * {@code conferenceId}, {@code channels} as JSON {@code [{language, signLanguage, delivery, covered}]}). An event is
 * a complete snapshot of the session's interpretation in one plan version: it replaces what is held when its
 * {@code planVersion} is above the held one, in one Lua step starting with {@code onlyOnce(event id)} (the
 * listener's position and marker) and guarded by {@code requireBelow(planVersion)}, so a redelivered event, a
 * replay or an older plan arriving late changes nothing. The interpreters the event names (ids, Zoom e-mails) are
 * never stored here.
 */
@Service
class SessionInterpretations implements InterpretationReader {

    /** How long an applied event id is remembered; far longer than any redelivery or relay retry. */
    static final Duration REMEMBER_EVENTS = Duration.ofDays(30);

    private static final int ATTEMPTS = 5;
    private static final String PLAN_VERSION = "planVersion";
    private static final String CHANNELS = "channels";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final RedisStore store;
    private final KeySpace keys;

    SessionInterpretations(RedisStore store) {
        this.store = store;
        this.keys = store.keys();
    }

    /**
     * Applies a published session interpretation once.
     *
     * @return {@code applied}, {@code duplicate} (this event was applied before) or {@code older} (the copy holds
     *         this plan version or a newer one: only the event id is recorded)
     */
    String apply(CloudEvent event, SessionInterpretationPublished published) {
        String key = key(published.sessionId());
        for (int attempt = 1; ; attempt++) {
            String held = store.redis().hget(key, PLAN_VERSION);
            boolean newer = held == null || Long.parseLong(held) < published.planVersion();
            // First in the step: a repeat is a duplicate whatever the versions.
            AtomicWrite write = store.atomically().onlyOnce(event.id().toString(), REMEMBER_EVENTS);
            if (newer) {
                write.requireBelow(key, PLAN_VERSION, published.planVersion(), SessionInterpretations::changedConcurrently)
                        .hset(key, Map.of(
                                PLAN_VERSION, Long.toString(published.planVersion()),
                                "conferenceId", published.conferenceId(),
                                CHANNELS, channels(published.channels())));
            }
            try {
                Outcome outcome = write.execute();
                return outcome == Outcome.DUPLICATE ? "duplicate" : newer ? "applied" : "older";
            } catch (ConflictException e) {
                // A newer plan landed between the read and the write (another replica during a rebalance).
                if (!"interpretation-changed-concurrently".equals(e.slug()) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Map<String, Published> published(Collection<String> sessionIds) {
        Map<String, Published> found = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return found;
        }
        Map<String, Response<List<String>>> responses = new LinkedHashMap<>();
        try (AbstractPipeline pipeline = store.redis().pipelined()) {
            for (String id : sessionIds) {
                responses.put(id, pipeline.hmget(key(id), PLAN_VERSION, CHANNELS));
            }
            pipeline.sync();
        }
        responses.forEach((id, response) -> {
            List<String> fields = response.get();
            if (fields != null && fields.get(0) != null) {
                found.put(id, new Published(Long.parseLong(fields.get(0)), channels(fields.get(1))));
            }
        });
        return found;
    }

    /** Only what participants may read of each channel (the pivot of a relay booth is the planners' business). */
    private static String channels(List<SessionInterpretationPublished.Channel> channels) {
        List<Channel> kept = new ArrayList<>();
        for (SessionInterpretationPublished.Channel c : channels) {
            kept.add(new Channel(c.language(), c.signLanguage(), c.delivery().name(), c.covered()));
        }
        return JSON.writeValueAsString(kept);
    }

    private static List<Channel> channels(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        return List.copyOf(JSON.readValue(stored, new TypeReference<ArrayList<Channel>>() {
        }));
    }

    private static ConflictException changedConcurrently() {
        return new ConflictException("interpretation-changed-concurrently", "interpretation.changed-concurrently");
    }

    private String key(String sessionId) {
        return keys.key("interpretation", sessionId);
    }
}

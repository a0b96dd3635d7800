package dev.hybridconf.streaming.interpretation;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished;
import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.RedisStore;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's copy of each session's published interpretation ({@link InterpretationKeys#desired}): a snapshot
 * replaces the stored one only when its plan version is greater (a late or repeated event changes nothing), each
 * event id is applied once, and the session is marked due {@code linger} later in the same atomic step. It never
 * calls Zoom.
 */
@Component
public class InterpretationCopy {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RedisStore store;
    private final UnifiedJedis redis;
    private final InterpretationKeys keys;
    private final InterpretationProperties properties;
    private final Clock clock;

    InterpretationCopy(RedisStore store, InterpretationKeys keys, InterpretationProperties properties, Clock clock) {
        this.store = store;
        this.redis = store.redis();
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /** Applies one snapshot; answers {@code applied}, {@code older} (not a newer plan) or {@code duplicate}. */
    String published(CloudEvent event, SessionInterpretationPublished snapshot) {
        String key = keys.desired(snapshot.sessionId());
        AtomicWrite write = store.atomically().onlyOnce(event.id().toString(), properties.rememberEvents())
                .requireBelow(key, InterpretationKeys.PLAN_VERSION, snapshot.planVersion(),
                        () -> new ConflictException("interpretation-plan-older", "interpretation.plan-older",
                                snapshot.sessionId()))
                .hset(key, Map.of("conferenceId", snapshot.conferenceId(),
                        InterpretationKeys.PLAN_VERSION, Long.toString(snapshot.planVersion()),
                        InterpretationKeys.SNAPSHOT, JSON.writeValueAsString(snapshot),
                        "receivedAt", clock.instant().toString()))
                .zadd(keys.due(), clock.millis() + properties.linger().toMillis(), snapshot.sessionId());
        try {
            return write.execute() == AtomicWrite.Outcome.DUPLICATE ? "duplicate" : "applied";
        } catch (ConflictException older) {
            return "older";
        }
    }

    /** The session's published interpretation, if any was received. */
    public Optional<SessionInterpretationPublished> find(String sessionId) {
        return Optional.ofNullable(parse(redis.hget(keys.desired(sessionId), InterpretationKeys.SNAPSHOT)));
    }

    /** Reads a stored snapshot; null for none (or one no longer readable, which the next publication replaces). */
    public static SessionInterpretationPublished parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(json, SessionInterpretationPublished.class);
        } catch (JacksonException unreadable) {
            return null;
        }
    }
}

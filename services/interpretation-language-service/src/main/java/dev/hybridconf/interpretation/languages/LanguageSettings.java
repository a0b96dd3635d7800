package dev.hybridconf.interpretation.languages;

import static dev.hybridconf.kit.redis.StoredValues.instant;
import static dev.hybridconf.kit.redis.StoredValues.optional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organisers' language settings, owned by this service (not part of the rebuildable demand view):
 * {@code lang:settings:conference:<conferenceId>} and {@code lang:settings:session:<sessionId>}, each a hash
 * replaced as a whole in one step. Absent settings read as the defaults (threshold 1, nothing extra, nothing forced
 * or dropped, relay allowed, delivery from the format).
 */
@Service
public class LanguageSettings {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };

    private final RedisStore store;
    private final KeySpace keys;
    private final Clock clock;

    LanguageSettings(RedisStore store, Clock clock) {
        this.store = store;
        this.keys = store.keys();
        this.clock = clock;
    }

    public ConferenceSettings conference(String conferenceId) {
        return conferenceOf(store.redis().hgetAll(conferenceKey(conferenceId)));
    }

    public SessionSettings session(String sessionId) {
        return sessionOf(store.redis().hgetAll(sessionKey(sessionId)));
    }

    /** {@link #session} for many sessions in one round trip. */
    public Map<String, SessionSettings> sessions(Collection<String> sessionIds) {
        Map<String, Response<Map<String, String>>> read = new HashMap<>();
        try (AbstractPipeline pipeline = store.redis().pipelined()) {
            for (String id : sessionIds) {
                read.put(id, pipeline.hgetAll(sessionKey(id)));
            }
            pipeline.sync();
        }
        Map<String, SessionSettings> settings = new HashMap<>();
        read.forEach((id, response) -> settings.put(id, sessionOf(response.get())));
        return settings;
    }

    ConferenceSettings replace(String conferenceId, List<String> extras, List<String> alwaysOffer, int threshold,
            String by) {
        Instant now = clock.instant();
        String key = conferenceKey(conferenceId);
        store.atomically().delete(key).hset(key, conferenceHash(extras, alwaysOffer, threshold, by, now)).execute();
        return new ConferenceSettings(extras, alwaysOffer, threshold, by, now);
    }

    /**
     * Sets a conference's settings unless an organiser (or an earlier call) set some: for settings that come with
     * demo data, so that a restart or a second replica writes nothing new and an organiser's choice stays.
     *
     * @return whether this call set them
     */
    public boolean setIfUnset(String conferenceId, List<String> extras, List<String> alwaysOffer, int threshold,
            String by) {
        String key = conferenceKey(conferenceId);
        try {
            store.atomically()
                    .requireAbsent(key, () -> new ConflictException("settings-exist", "demand.changed-concurrently", key))
                    .hset(key, conferenceHash(extras, alwaysOffer, threshold, by, clock.instant()))
                    .execute();
            return true;
        } catch (ConflictException exist) {
            return false;
        }
    }

    SessionSettings replace(String sessionId, Delivery delivery, boolean relayAllowed, List<String> force,
            List<String> drop, String by) {
        Instant now = clock.instant();
        String key = sessionKey(sessionId);
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("delivery", delivery == null ? "" : delivery.name());
        hash.put("relayAllowed", Boolean.toString(relayAllowed));
        hash.put("force", JSON.writeValueAsString(force));
        hash.put("drop", JSON.writeValueAsString(drop));
        hash.put("changedBy", by == null ? "" : by);
        hash.put("changedAt", now.toString());
        store.atomically().delete(key).hset(key, hash).execute();
        return new SessionSettings(delivery, relayAllowed, force, drop, by, now);
    }

    private static Map<String, String> conferenceHash(List<String> extras, List<String> alwaysOffer, int threshold,
            String by, Instant at) {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("extras", JSON.writeValueAsString(extras));
        hash.put("alwaysOffer", JSON.writeValueAsString(alwaysOffer));
        hash.put("threshold", Integer.toString(threshold));
        hash.put("changedBy", by == null ? "" : by);
        hash.put("changedAt", at.toString());
        return hash;
    }

    private static ConferenceSettings conferenceOf(Map<String, String> hash) {
        if (hash == null || hash.isEmpty()) {
            return ConferenceSettings.DEFAULTS;
        }
        return new ConferenceSettings(list(hash.get("extras")), list(hash.get("alwaysOffer")),
                Integer.parseInt(hash.getOrDefault("threshold", "1")), optional(hash.get("changedBy")),
                instant(hash.get("changedAt")));
    }

    private static SessionSettings sessionOf(Map<String, String> hash) {
        if (hash == null || hash.isEmpty()) {
            return SessionSettings.DEFAULTS;
        }
        String delivery = hash.getOrDefault("delivery", "");
        return new SessionSettings(delivery.isEmpty() ? null : Delivery.valueOf(delivery),
                !"false".equals(hash.get("relayAllowed")), list(hash.get("force")), list(hash.get("drop")),
                optional(hash.get("changedBy")), instant(hash.get("changedAt")));
    }

    private static List<String> list(String json) {
        return json == null || json.isEmpty() ? List.of() : new ArrayList<>(JSON.readValue(json, LIST));
    }

    private String conferenceKey(String conferenceId) {
        return keys.key("lang", "settings", "conference", conferenceId);
    }

    private String sessionKey(String sessionId) {
        return keys.key("lang", "settings", "session", sessionId);
    }
}

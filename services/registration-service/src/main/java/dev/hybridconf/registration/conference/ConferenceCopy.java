package dev.hybridconf.registration.conference;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.stereotype.Service;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.session.ConferenceEvent;
import dev.hybridconf.contracts.session.RegistrationTerms;
import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registration service's copy of the conferences the session service published. Each snapshot is
 * applied in one Lua step that starts with {@code onlyOnce(event id)} and requires the stored programme
 * version to be older than the snapshot's, so a redelivered, replayed or late snapshot changes nothing.
 *
 * <p>Redis keys: {@code conference:<id>} (hash: {@code name} as JSON, {@code timeZone}, {@code invitationOnly},
 * {@code inPersonCapacity}, {@code remoteCapacity}, {@code opensAt}, {@code closesAt} (empty when not stated),
 * {@code programmeVersion}), {@code conferences} (set of the ids).
 */
@Service
public class ConferenceCopy {

    /** How long an applied event id is remembered; far longer than any redelivery or relay retry. */
    static final Duration REMEMBER_EVENTS = Duration.ofDays(30);

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String NONE = "";

    /** What applying a snapshot did. */
    public enum Outcome {
        APPLIED,
        DUPLICATE,
        /** Older than the snapshot held (a late or replayed event): only its id was recorded. */
        STALE
    }

    private final RedisStore store;
    private final KeySpace keys;

    ConferenceCopy(RedisStore store) {
        this.store = store;
        this.keys = store.keys();
    }

    /** Replaces what is held about the conference with the snapshot, if it is newer. */
    public Outcome apply(CloudEvent event, ConferenceEvent snapshot) {
        String key = conferenceKey(snapshot.conferenceId());
        RegistrationTerms terms = snapshot.registration();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", snapshot.conferenceId());
        fields.put("name", JSON.writeValueAsString(snapshot.name()));
        fields.put("timeZone", snapshot.timeZone());
        fields.put("invitationOnly", Boolean.toString(snapshot.invitationOnly()));
        fields.put("inPersonCapacity", text(terms.inPersonCapacity()));
        fields.put("remoteCapacity", text(terms.remoteCapacity()));
        fields.put("opensAt", text(terms.opensAt()));
        fields.put("closesAt", text(terms.closesAt()));
        fields.put("programmeVersion", Long.toString(snapshot.programmeVersion()));
        String eventId = event.id().toString();
        try {
            AtomicWrite.Outcome outcome = store.atomically()
                    .onlyOnce(eventId, REMEMBER_EVENTS)
                    .requireBelow(key, "programmeVersion", snapshot.programmeVersion(),
                            () -> new ConflictException("conference-snapshot-stale", "conference.not-found",
                                    snapshot.conferenceId()))
                    .hset(key, fields)
                    .sadd(indexKey(), snapshot.conferenceId())
                    .execute();
            return outcome == AtomicWrite.Outcome.DUPLICATE ? Outcome.DUPLICATE : Outcome.APPLIED;
        } catch (ConflictException stale) {
            AtomicWrite.Outcome seen = store.atomically().onlyOnce(eventId, REMEMBER_EVENTS).execute();
            return seen == AtomicWrite.Outcome.DUPLICATE ? Outcome.DUPLICATE : Outcome.STALE;
        }
    }

    /** The conference, if the session service has published it. */
    public Optional<KnownConference> find(String conferenceId) {
        if (conferenceId == null || conferenceId.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> hash = store.redis().hgetAll(conferenceKey(conferenceId));
        return hash == null || hash.isEmpty() ? Optional.empty() : Optional.of(fromHash(hash));
    }

    /** Every conference known, by id. */
    public List<String> ids() {
        return new ArrayList<>(new TreeSet<>(store.redis().smembers(indexKey())));
    }

    private static KnownConference fromHash(Map<String, String> hash) {
        Map<String, String> name = JSON.readValue(hash.getOrDefault("name", "{}"),
                new TypeReference<LinkedHashMap<String, String>>() {
                });
        return new KnownConference(hash.get("id"), name, ZoneId.of(hash.getOrDefault("timeZone", "UTC")),
                Boolean.parseBoolean(hash.get("invitationOnly")),
                new RegistrationTerms(integer(hash.get("inPersonCapacity")), integer(hash.get("remoteCapacity")),
                        instant(hash.get("opensAt")), instant(hash.get("closesAt"))),
                Long.parseLong(hash.getOrDefault("programmeVersion", "0")));
    }

    private static String text(Object value) {
        return value == null ? NONE : value.toString();
    }

    private static Integer integer(String stored) {
        return stored == null || stored.isEmpty() ? null : Integer.valueOf(stored);
    }

    private static Instant instant(String stored) {
        return stored == null || stored.isEmpty() ? null : Instant.parse(stored);
    }

    private String conferenceKey(String conferenceId) {
        return keys.key("conference", conferenceId);
    }

    private String indexKey() {
        return keys.key("conferences");
    }
}

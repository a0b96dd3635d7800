package dev.hybridconf.session.programme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;

/**
 * Where the programme lives in Redis, and the one way it changes.
 *
 * <p>Keys (under the service prefix {@code session:}):
 * <ul>
 * <li>{@code conference:<id>} (hash): details, days (JSON), {@code version}, {@code programmeVersion};</li>
 * <li>{@code conferences} (sorted set): conference ids by first day;</li>
 * <li>{@code session:<sessionId>} (hash): one session ({@link ProgrammeSession#toHash()});</li>
 * <li>{@code conference:<id>:sessions} (sorted set): the conference's session ids by start, cancelled ones included;</li>
 * <li>{@code conference:<id>:changelog} (sorted set): one JSON {@link ChangelogEntry} per programme version, scored by it.</li>
 * </ul>
 *
 * <p>Reads are public: they are the seam the features built on the programme (enrolment,
 * conclusions, live status, exports) read it through. Writes happen only in {@link #commit}.
 */
@Service
public class ProgrammeStore {

    private final RedisStore store;
    private final KeySpace keys;
    private final ObjectProvider<ProgrammeHook> hooks;

    ProgrammeStore(RedisStore store, ObjectProvider<ProgrammeHook> hooks) {
        this.store = store;
        this.keys = store.keys();
        this.hooks = hooks;
    }

    public Optional<Conference> conference(String conferenceId) {
        Map<String, String> hash = store.redis().hgetAll(conferenceKey(conferenceId));
        return hash == null || hash.isEmpty() ? Optional.empty() : Optional.of(Conference.fromHash(hash));
    }

    /** Every conference, by first day. */
    public List<Conference> conferences() {
        List<String> ids = store.redis().zrange(conferencesKey(), 0, -1);
        List<Conference> found = new ArrayList<>(ids.size());
        for (Map<String, String> hash : hashes(ids.stream().map(this::conferenceKey).toList())) {
            found.add(Conference.fromHash(hash));
        }
        return found;
    }

    public Optional<ProgrammeSession> session(String sessionId) {
        Map<String, String> hash = store.redis().hgetAll(sessionKey(sessionId));
        return hash == null || hash.isEmpty() ? Optional.empty() : Optional.of(ProgrammeSession.fromHash(hash));
    }

    /** Every session of the conference by start time, cancelled ones included. */
    public List<ProgrammeSession> sessions(String conferenceId) {
        List<String> ids = store.redis().zrange(sessionsKey(conferenceId), 0, -1);
        return hashes(ids.stream().map(this::sessionKey).toList()).stream().map(ProgrammeSession::fromHash).toList();
    }

    /** The changelog entries after programme version {@code since}, oldest first, at most {@code limit}. */
    public List<ChangelogEntry> changelog(String conferenceId, long since, int limit) {
        return store.redis().zrangeByScore(changelogKey(conferenceId), since + 1, Double.POSITIVE_INFINITY, 0, limit)
                .stream().map(json -> HashCodec.JSON.readValue(json, ChangelogEntry.class)).toList();
    }

    Map<String, ProgrammeSession> sessionsByKey(String conferenceId) {
        Map<String, ProgrammeSession> byKey = new LinkedHashMap<>();
        sessions(conferenceId).forEach(s -> byKey.put(s.key(), s));
        return byKey;
    }

    /**
     * Writes a plan in one Lua step: the sessions, the conference with its next programme version,
     * the events (conference first) and the changelog entry, with whatever the {@link ProgrammeHook}s
     * add. Guarded by the programme version the plan was made on, so a plan made on a programme that
     * changed meanwhile writes nothing.
     *
     * @throws ConflictException {@code programme-changed-concurrently} when the programme changed since it was read,
     *                           {@code conference-exists} when a new conference's id was taken meanwhile
     */
    void commit(ProgrammeDiff.Plan plan) {
        Conference after = plan.after();
        String conferenceKey = conferenceKey(after.id());
        AtomicWrite write = store.atomically();
        if (plan.before() == null) {
            write.requireAbsent(conferenceKey, () -> new ConflictException("conference-exists", "conference.exists",
                    after.id()));
        } else {
            write.requireField(conferenceKey, "programmeVersion", Long.toString(plan.before().programmeVersion()),
                    ProgrammeStore::changedConcurrently);
        }
        for (ProgrammeDiff.SessionChange change : plan.sessions()) {
            String key = sessionKey(change.after().id());
            if (change.before() == null) {
                write.requireAbsent(key, ProgrammeStore::changedConcurrently);
            } else {
                write.requireField(key, "version", Long.toString(change.before().version()),
                        ProgrammeStore::changedConcurrently);
            }
        }
        write.delete(conferenceKey).hset(conferenceKey, after.toHash())
                .zadd(conferencesKey(), after.startDate().toEpochDay(), after.id());
        plan.conferenceEvents().forEach(write::emit);
        for (ProgrammeDiff.SessionChange change : plan.sessions()) {
            ProgrammeSession session = change.after();
            String key = sessionKey(session.id());
            write.delete(key).hset(key, session.toHash())
                    .zadd(sessionsKey(after.id()), session.start().toEpochMilli(), session.id());
            hooks.orderedStream().forEach(hook -> hook.sessionChanging(change.before(), session, write));
            change.events().forEach(write::emit);
        }
        if (!plan.sessions().isEmpty() || plan.before() != null) {
            Map<String, ProgrammeSession> sessionsAfter = new LinkedHashMap<>();
            if (plan.before() != null) {
                sessions(after.id()).forEach(s -> sessionsAfter.put(s.id(), s));
            }
            plan.sessions().forEach(change -> sessionsAfter.put(change.after().id(), change.after()));
            List<ProgrammeSession> whole = List.copyOf(sessionsAfter.values());
            hooks.orderedStream().forEach(hook -> hook.programmeChanging(after, whole, write));
        }
        write.zadd(changelogKey(after.id()), plan.entry().version(), HashCodec.JSON.writeValueAsString(plan.entry()));
        write.execute();
    }

    static ConflictException changedConcurrently() {
        return new ConflictException("programme-changed-concurrently", "programme.changed-concurrently");
    }

    private List<Map<String, String>> hashes(List<String> hashKeys) {
        List<Map<String, String>> found = new ArrayList<>(hashKeys.size());
        if (hashKeys.isEmpty()) {
            return found;
        }
        try (AbstractPipeline pipeline = store.redis().pipelined()) {
            List<Response<Map<String, String>>> responses = new ArrayList<>(hashKeys.size());
            for (String key : hashKeys) {
                responses.add(pipeline.hgetAll(key));
            }
            pipeline.sync();
            for (Response<Map<String, String>> response : responses) {
                Map<String, String> hash = response.get();
                if (hash != null && !hash.isEmpty()) {
                    found.add(hash);
                }
            }
        }
        return found;
    }

    private String conferenceKey(String conferenceId) {
        return keys.key("conference", conferenceId);
    }

    private String conferencesKey() {
        return keys.key("conferences");
    }

    private String sessionsKey(String conferenceId) {
        return keys.key("conference", conferenceId, "sessions");
    }

    private String changelogKey(String conferenceId) {
        return keys.key("conference", conferenceId, "changelog");
    }

    private String sessionKey(String sessionId) {
        return keys.key("session", sessionId);
    }
}

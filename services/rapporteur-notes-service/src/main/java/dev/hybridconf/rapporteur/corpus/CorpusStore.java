package dev.hybridconf.rapporteur.corpus;

import static dev.hybridconf.kit.redis.StoredValues.instant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.stereotype.Service;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.session.ConclusionPosted;
import dev.hybridconf.contracts.session.ConclusionsLockChanged;
import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.AtomicWrite.Outcome;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.rapporteur.live.LiveEntry;
import dev.hybridconf.rapporteur.programme.ProgrammeCopy;
import dev.hybridconf.rapporteur.programme.SessionInfo;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The breakouts' conclusions and lock decisions, kept from {@code session.conclusion-posted.v1} and
 * {@code session.conclusions-lock-changed.v1} ({@link Corpus} for the other features).
 * <ul>
 * <li>A revision above the one held becomes the current one and joins the history; one below it only joins the
 * history (an event that arrived late), and one already there changes nothing.</li>
 * <li>A lock decision replaces the one held when its event is newer (its {@code aggregateversion}, else its
 * {@code changedAt}); when its {@code (lockAt, source, relockAt)} is the one held, only the version moves.</li>
 * </ul>
 * Each effective change (a new current revision, a lock decision that moved) bumps its day and appends to the live
 * stream in the same step ({@link CorpusMarks}). A breakout's day is the programme's (a moved breakout takes its
 * conclusion along), else the day its conclusion was posted for; a cancelled breakout's conclusion is kept but leaves
 * its day.
 *
 * <p>Keys ({@code rapporteur:} key space): {@code corpus:<sessionId>} (hash: {@code revision}, {@code current} as
 * JSON, {@code conferenceId}, {@code day}), {@code corpus:<sessionId>:revisions} (sorted set: every revision as JSON,
 * scored by its number), {@code corpus:<sessionId>:lock} (hash: {@code lockAt}, {@code source}, {@code relockAt},
 * {@code version}, {@code changedAt}), {@code corpus:conference:<conferenceId>} (set of the session ids with
 * conclusions), {@code corpus:version:<conferenceId>} (hash: day → version).
 */
@Service
public class CorpusStore implements Corpus {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int ATTEMPTS = 50;

    /** One revision as kept. */
    record StoredRevision(long revision, String language, String summary, List<String> keyPoints,
            List<String> recommendations, List<String> themes, List<Integer> sdgs, String postedBy, Instant postedAt,
            LocalDate day) {
    }

    private final RedisStore store;
    private final KeySpace keys;
    private final ProgrammeCopy programme;
    private final CorpusMarks marks;

    CorpusStore(RedisStore store, ProgrammeCopy programme, CorpusMarks marks) {
        this.store = store;
        this.keys = store.keys();
        this.programme = programme;
        this.marks = marks;
    }

    /** Keeps a posted revision (see the class comment). */
    public Outcome apply(CloudEvent event, ConclusionPosted posted) {
        String key = currentKey(posted.sessionId());
        StoredRevision revision = new StoredRevision(posted.revision(), posted.language(), posted.summary(),
                posted.keyPoints(), posted.recommendations(), posted.themes(), posted.sdgs(), posted.postedBy(),
                posted.postedAt(), posted.day());
        String json = JSON.writeValueAsString(revision);
        for (int attempt = 1; ; attempt++) {
            Map<String, String> held = store.redis().hgetAll(key);
            long current = Long.parseLong(held.getOrDefault("revision", "0"));
            boolean inHistory = store.redis().zcount(revisionsKey(posted.sessionId()), posted.revision(),
                    posted.revision()) > 0;
            AtomicWrite write = store.atomically().onlyOnce(event.id().toString(), ProgrammeCopy.REMEMBER_EVENTS);
            if (posted.revision() <= current && inHistory) {
                Outcome outcome = write.execute();
                return outcome == Outcome.DUPLICATE ? Outcome.DUPLICATE : Outcome.OLDER;
            }
            if (held.isEmpty()) {
                write.requireAbsent(key, () -> changedConcurrently(posted.sessionId()));
            } else {
                write.requireField(key, "revision", Long.toString(current),
                        () -> changedConcurrently(posted.sessionId()));
            }
            if (!inHistory) {
                write.zadd(revisionsKey(posted.sessionId()), posted.revision(), json);
            }
            if (posted.revision() > current) {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("revision", Long.toString(posted.revision()));
                fields.put("current", json);
                fields.put("conferenceId", posted.conferenceId());
                fields.put("day", posted.day().toString());
                write.hset(key, fields).sadd(conferenceKey(posted.conferenceId()), posted.sessionId());
                Optional<SessionInfo> session = programme.session(posted.sessionId());
                if (live(session)) {
                    LocalDate day = session.map(SessionInfo::day).filter(Objects::nonNull).orElse(posted.day());
                    marks.mark(write, posted.conferenceId(), List.of(day),
                            List.of(new LiveEntry("conclusion", posted.sessionId(), day, posted.revision())));
                }
            }
            try {
                return write.execute();
            } catch (ConflictException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Keeps a lock decision (see the class comment). */
    public Outcome apply(CloudEvent event, ConclusionsLockChanged changed) {
        String key = lockKey(changed.sessionId());
        long version = event.aggregateVersion().isPresent() ? event.aggregateVersion().getAsLong() : 0;
        for (int attempt = 1; ; attempt++) {
            Map<String, String> held = store.redis().hgetAll(key);
            AtomicWrite write = store.atomically().onlyOnce(event.id().toString(), ProgrammeCopy.REMEMBER_EVENTS);
            if (!newer(version, changed.changedAt(), held)) {
                Outcome outcome = write.execute();
                return outcome == Outcome.DUPLICATE ? Outcome.DUPLICATE : Outcome.OLDER;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("lockAt", text(changed.lockAt()));
            fields.put("source", text(changed.source()));
            fields.put("relockAt", text(changed.relockAt()));
            fields.put("version", Long.toString(version));
            fields.put("changedAt", text(changed.changedAt()));
            fields.put("conferenceId", changed.conferenceId());
            fields.put("day", changed.day().toString());
            boolean moved = !Objects.equals(held.get("lockAt"), fields.get("lockAt"))
                    || !Objects.equals(held.get("source"), fields.get("source"))
                    || !Objects.equals(held.get("relockAt"), fields.get("relockAt"));
            if (held.isEmpty()) {
                write.requireAbsent(key, () -> changedConcurrently(changed.sessionId()));
            } else {
                write.requireField(key, "changedAt", held.get("changedAt"),
                        () -> changedConcurrently(changed.sessionId()));
            }
            write.hset(key, fields);
            Optional<SessionInfo> session = programme.session(changed.sessionId());
            if (moved && live(session)) {
                LocalDate day = session.map(SessionInfo::day).filter(Objects::nonNull).orElse(changed.day());
                marks.mark(write, changed.conferenceId(), List.of(day),
                        List.of(new LiveEntry("lock", changed.sessionId(), day, 0)));
            }
            try {
                return write.execute();
            } catch (ConflictException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Newer by the event's version when both have one, else by when it was changed. */
    private static boolean newer(long version, Instant changedAt, Map<String, String> held) {
        if (held.isEmpty()) {
            return true;
        }
        long heldVersion = Long.parseLong(held.getOrDefault("version", "0"));
        if (version > 0 && heldVersion > 0) {
            return version > heldVersion;
        }
        String heldAt = held.get("changedAt");
        return heldAt == null || heldAt.isEmpty() || changedAt.isAfter(Instant.parse(heldAt));
    }

    /** A breakout on the programme (or one the copy has not heard of yet: its conclusion came first). */
    private static boolean live(Optional<SessionInfo> session) {
        return session.map(s -> !s.cancelled() && (s.kind() == null || s.breakout())).orElse(true);
    }

    @Override
    public List<Conclusion> day(String conferenceId, LocalDate day) {
        return conclusions(conferenceId).stream().filter(c -> c.day().equals(day)).toList();
    }

    @Override
    public List<LocalDate> daysWithConclusions(String conferenceId) {
        return List.copyOf(new TreeSet<>(conclusions(conferenceId).stream().map(Conclusion::day).toList()));
    }

    /** The current conclusion of every live breakout of the conference, by session id (three pipelined reads). */
    private List<Conclusion> conclusions(String conferenceId) {
        if (conferenceId == null || conferenceId.isBlank() || conferenceId.length() > 200) {
            return List.of();
        }
        List<String> ids = List.copyOf(new TreeSet<>(store.redis().smembers(conferenceKey(conferenceId))));
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, SessionInfo> sessions = new HashMap<>();
        programme.sessions(conferenceId).forEach(s -> sessions.put(s.id(), s));
        List<Response<Map<String, String>>> currents = new ArrayList<>(ids.size());
        List<Response<Map<String, String>>> locks = new ArrayList<>(ids.size());
        try (AbstractPipeline pipeline = store.redis().pipelined()) {
            for (String id : ids) {
                currents.add(pipeline.hgetAll(currentKey(id)));
                locks.add(pipeline.hgetAll(lockKey(id)));
            }
            pipeline.sync();
        }
        List<Conclusion> found = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Optional<SessionInfo> session = Optional.ofNullable(sessions.get(ids.get(i)));
            Map<String, String> held = currents.get(i).get();
            if (live(session) && held != null && held.get("current") != null) {
                StoredRevision revision = JSON.readValue(held.get("current"), StoredRevision.class);
                found.add(conclusion(ids.get(i), held.get("conferenceId"), revision, session,
                        lockOf(locks.get(i).get())));
            }
        }
        return found;
    }

    @Override
    public Optional<Conclusion> current(String sessionId) {
        if (!plausible(sessionId)) {
            return Optional.empty();
        }
        return current(sessionId, programme.session(sessionId));
    }

    private Optional<Conclusion> current(String sessionId, Optional<SessionInfo> session) {
        Map<String, String> held = store.redis().hgetAll(currentKey(sessionId));
        if (held == null || held.get("current") == null) {
            return Optional.empty();
        }
        StoredRevision revision = JSON.readValue(held.get("current"), StoredRevision.class);
        return Optional.of(conclusion(sessionId, held.get("conferenceId"), revision, session, lock(sessionId)));
    }

    @Override
    public List<Conclusion> revisions(String sessionId) {
        if (!plausible(sessionId)) {
            return List.of();
        }
        Map<String, String> held = store.redis().hgetAll(currentKey(sessionId));
        if (held == null || held.get("conferenceId") == null) {
            return List.of();
        }
        Optional<SessionInfo> session = programme.session(sessionId);
        LockState lock = lock(sessionId);
        return store.redis().zrange(revisionsKey(sessionId), 0, -1).stream()
                .map(json -> JSON.readValue(json, StoredRevision.class))
                .sorted(Comparator.comparingLong(StoredRevision::revision))
                .map(r -> conclusion(sessionId, held.get("conferenceId"), r, session, lock)).toList();
    }

    @Override
    public long version(String conferenceId, LocalDate day) {
        String version = store.redis().hget(marks.versionKey(conferenceId), day.toString());
        return version == null ? 0 : Long.parseLong(version);
    }

    /** The lock decision last heard for the breakout ({@link LockState#OPEN} before any). */
    public LockState lock(String sessionId) {
        return lockOf(store.redis().hgetAll(lockKey(sessionId)));
    }

    private static LockState lockOf(Map<String, String> held) {
        if (held == null || held.isEmpty()) {
            return LockState.OPEN;
        }
        return new LockState(instant(held.get("lockAt")), emptyToNull(held.get("source")),
                instant(held.get("relockAt")));
    }

    private static Conclusion conclusion(String sessionId, String conferenceId, StoredRevision r,
            Optional<SessionInfo> session, LockState lock) {
        LocalDate day = session.map(SessionInfo::day).filter(Objects::nonNull).orElse(r.day());
        return new Conclusion(sessionId, conferenceId, day, r.revision(), r.language(), r.summary(),
                nonNull(r.keyPoints()), nonNull(r.recommendations()), nonNull(r.themes()), nonNull(r.sdgs()),
                r.postedBy(), r.postedAt(), lock);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static boolean plausible(String sessionId) {
        return sessionId != null && !sessionId.isBlank() && sessionId.length() <= 200;
    }

    private static ConflictException changedConcurrently(String sessionId) {
        return new ConflictException("session-changed-concurrently", "inputs.changed-concurrently", sessionId);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private String currentKey(String sessionId) {
        return keys.key("corpus", sessionId);
    }

    private String revisionsKey(String sessionId) {
        return keys.key("corpus", sessionId, "revisions");
    }

    private String lockKey(String sessionId) {
        return keys.key("corpus", sessionId, "lock");
    }

    private String conferenceKey(String conferenceId) {
        return keys.key("corpus", "conference", conferenceId);
    }
}

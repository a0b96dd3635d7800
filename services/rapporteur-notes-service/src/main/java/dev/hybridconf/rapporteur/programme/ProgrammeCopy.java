package dev.hybridconf.rapporteur.programme;

import static dev.hybridconf.kit.redis.StoredValues.date;
import static dev.hybridconf.kit.redis.StoredValues.instant;
import static dev.hybridconf.kit.redis.StoredValues.optional;
import static dev.hybridconf.kit.redis.StoredValues.zone;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.session.ConferenceDay;
import dev.hybridconf.contracts.session.ConferenceEvent;
import dev.hybridconf.contracts.session.ConferencePublished;
import dev.hybridconf.contracts.session.ConferenceUpdated;
import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.AtomicWrite.Outcome;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.rapporteur.corpus.CorpusMarks;
import dev.hybridconf.rapporteur.live.LiveEntry;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's copy of the programme, kept from {@code session.events} ({@link Programme} for the other features).
 * Every event is applied in one Lua step that starts with {@code onlyOnce(event id)} (the listener's position and
 * marker), and only where it is newer than what the copy holds:
 * <ul>
 * <li>a conference snapshot replaces the one held when its {@code programmeVersion} is higher;</li>
 * <li>a session's facts come in three groups, each with the {@code sessionVersion} of the event that last set it:
 * details (kind, title, track, slot, moderators, rapporteur: {@code scheduled}, {@code updated}), times (day, start,
 * end: those two, {@code rescheduled} and {@code cancelled}) and status ({@code scheduled} puts it on the programme,
 * {@code cancelled} takes it off). An event sets only the groups where it is newer, so the copy ends the same
 * whatever order events arrive in.</li>
 * </ul>
 * A breakout that joins or leaves a day (scheduled, moved, cancelled) changes that day's corpus: the same step bumps
 * the corpus version of every day concerned and appends a {@code session} entry to the live stream
 * ({@link CorpusMarks}); any other change of a breakout (a title) only appends the live entry.
 *
 * <p>Keys ({@code rapporteur:} key space): {@code prog:conference:<id>} (hash), {@code prog:conference:<id>:sessions}
 * (set of session ids), {@code prog:session:<id>} (hash).
 */
@Service
public class ProgrammeCopy implements Programme {

    /** How long the listener remembers an event id it applied. */
    public static final Duration REMEMBER_EVENTS = Duration.ofDays(30);
    private static final int ATTEMPTS = 50;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<StoredDay>> DAYS = new TypeReference<>() {
    };
    private static final String NONE = "";
    private static final String REV = "rev";

    /** A conference day as stored. */
    record StoredDay(String date, Map<String, String> theme) {
    }

    /** The details of a session ({@code session.scheduled.v1}, {@code session.updated.v1}). */
    public record Details(String kind, Map<String, String> title, String track, String slot, List<String> moderatorIds,
            String rapporteurId) {
    }

    /** When a session runs. */
    public record Times(LocalDate day, Instant start, Instant end) {
    }

    /**
     * What one session event says: the groups it carries (null when it does not carry one) and the session's version
     * after it.
     *
     * @param kind   the session's kind as the event names it (every session event does)
     * @param status {@code SCHEDULED} or {@code CANCELLED}, or null
     */
    public record SessionChange(String sessionId, String conferenceId, long version, String kind, Details details,
            Times times, String status) {
    }

    private final RedisStore store;
    private final KeySpace keys;
    private final CorpusMarks marks;

    ProgrammeCopy(RedisStore store, CorpusMarks marks) {
        this.store = store;
        this.keys = store.keys();
        this.marks = marks;
    }

    /** Replaces the conference held with the snapshot if the snapshot is newer. */
    public Outcome apply(CloudEvent event, ConferenceEvent snapshot) {
        String key = conferenceKey(snapshot.conferenceId());
        List<String> languages = List.of();
        List<ConferenceDay> days = List.of();
        if (snapshot instanceof ConferencePublished p) {
            languages = p.languages();
            days = p.days();
        } else if (snapshot instanceof ConferenceUpdated u) {
            languages = u.languages();
            days = u.days();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", snapshot.conferenceId());
        fields.put("name", JSON.writeValueAsString(snapshot.name() == null ? Map.of() : snapshot.name()));
        fields.put("timeZone", text(snapshot.timeZone()));
        fields.put("languages", JSON.writeValueAsString(codes(languages)));
        fields.put("days", JSON.writeValueAsString(days.stream()
                .map(d -> new StoredDay(d.date().toString(), d.theme() == null ? Map.of() : d.theme()))
                .sorted(Comparator.comparing(StoredDay::date)).toList()));
        fields.put("programmeVersion", Long.toString(snapshot.programmeVersion()));
        String eventId = event.id().toString();
        try {
            return store.atomically()
                    .onlyOnce(eventId, REMEMBER_EVENTS)
                    .requireBelow(key, "programmeVersion", snapshot.programmeVersion(),
                            () -> new ConflictException("conference-snapshot-older", "inputs.changed-concurrently",
                                    snapshot.conferenceId()))
                    .delete(key)
                    .hset(key, fields)
                    .execute();
        } catch (ConflictException older) {
            Outcome seen = store.atomically().onlyOnce(eventId, REMEMBER_EVENTS).execute();
            return seen == Outcome.DUPLICATE ? Outcome.DUPLICATE : Outcome.OLDER;
        }
    }

    /** Applies the groups of a session event that are newer than those held. */
    public Outcome apply(CloudEvent event, SessionChange change) {
        String key = sessionKey(change.sessionId());
        for (int attempt = 1; ; attempt++) {
            Map<String, String> held = store.redis().hgetAll(key);
            Map<String, String> fields = new LinkedHashMap<>();
            if (held.getOrDefault("kind", NONE).isEmpty() && change.kind() != null) {
                fields.put("kind", change.kind());
            }
            if (change.details() != null && newer(change.version(), held.get("detailsVersion"))) {
                Details d = change.details();
                fields.put("kind", text(d.kind()));
                fields.put("title", JSON.writeValueAsString(d.title() == null ? Map.of() : d.title()));
                fields.put("track", text(d.track()));
                fields.put("slot", text(d.slot()));
                fields.put("moderators", JSON.writeValueAsString(d.moderatorIds() == null ? List.of()
                        : d.moderatorIds()));
                fields.put("rapporteurId", text(d.rapporteurId()));
                fields.put("detailsVersion", Long.toString(change.version()));
            }
            if (change.times() != null && newer(change.version(), held.get("timesVersion"))) {
                Times t = change.times();
                fields.put("day", text(t.day()));
                fields.put("start", text(t.start()));
                fields.put("end", text(t.end()));
                fields.put("timesVersion", Long.toString(change.version()));
            }
            if (change.status() != null && newer(change.version(), held.get("statusVersion"))) {
                fields.put("status", change.status());
                fields.put("statusVersion", Long.toString(change.version()));
            }
            AtomicWrite write = store.atomically().onlyOnce(event.id().toString(), REMEMBER_EVENTS);
            Map<String, String> after = new LinkedHashMap<>(held);
            after.putAll(fields);
            if (fields.isEmpty() || sameFacts(held, after)) {
                if (!fields.isEmpty()) {
                    // Only versions moved (the same facts again): kept, so an older event stays older.
                    write.hset(key, fields);
                }
                Outcome outcome = write.execute();
                return outcome == Outcome.DUPLICATE ? Outcome.DUPLICATE : fields.isEmpty() ? Outcome.OLDER : outcome;
            }
            String conference = held.getOrDefault("conferenceId", NONE).isEmpty() ? change.conferenceId()
                    : held.get("conferenceId");
            after.put("id", change.sessionId());
            after.put("conferenceId", text(conference));
            fields.put("id", change.sessionId());
            fields.put("conferenceId", text(conference));
            long rev = Long.parseLong(held.getOrDefault(REV, "0"));
            fields.put(REV, Long.toString(rev + 1));
            if (held.isEmpty()) {
                write.requireAbsent(key, () -> changedConcurrently(change.sessionId()));
            } else {
                write.requireField(key, REV, Long.toString(rev), () -> changedConcurrently(change.sessionId()));
            }
            write.hset(key, fields).sadd(keys.key("prog", "conference", conference, "sessions"), change.sessionId());
            markDays(write, conference, change.sessionId(), held, after);
            try {
                return write.execute();
            } catch (ConflictException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * A breakout that joined or left a day bumps that day's corpus (both days when it moved) and announces the day's
     * breakouts changed; a breakout whose other facts changed only announces it.
     */
    private void markDays(AtomicWrite write, String conferenceId, String sessionId, Map<String, String> before,
            Map<String, String> after) {
        boolean breakout = "BREAKOUT".equals(before.get("kind")) || "BREAKOUT".equals(after.get("kind"));
        LocalDate dayAfter = date(after.get("day"));
        if (!breakout || conferenceId == null || conferenceId.isEmpty()) {
            return;
        }
        Set<LocalDate> joinedOrLeft = new LinkedHashSet<>();
        LocalDate dayBefore = date(before.get("day"));
        boolean liveBefore = onDay(before);
        boolean liveAfter = onDay(after);
        if (liveBefore && (!liveAfter || !Objects.equals(dayBefore, dayAfter))) {
            joinedOrLeft.add(dayBefore);
        }
        if (liveAfter && (!liveBefore || !Objects.equals(dayBefore, dayAfter))) {
            joinedOrLeft.add(dayAfter);
        }
        List<LiveEntry> entries = new ArrayList<>();
        for (LocalDate day : joinedOrLeft) {
            entries.add(new LiveEntry("session", sessionId, day, 0));
        }
        if (joinedOrLeft.isEmpty() && dayAfter != null) {
            entries.add(new LiveEntry("session", sessionId, dayAfter, 0));
        }
        marks.mark(write, conferenceId, joinedOrLeft, entries);
    }

    /** On a day's programme: scheduled (not cancelled), with a day and a kind. */
    private static boolean onDay(Map<String, String> hash) {
        return "BREAKOUT".equals(hash.get("kind")) && !hash.getOrDefault("day", NONE).isEmpty()
                && "SCHEDULED".equals(hash.get("status"));
    }

    /** Whether the facts a reader sees are the same (versions aside). */
    private static boolean sameFacts(Map<String, String> before, Map<String, String> after) {
        for (String field : List.of("kind", "title", "track", "slot", "moderators", "rapporteurId", "day", "start",
                "end", "status")) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                return false;
            }
        }
        return !before.isEmpty();
    }

    @Override
    public Optional<ConferenceInfo> conference(String conferenceId) {
        if (conferenceId == null || conferenceId.isBlank() || conferenceId.length() > 200) {
            return Optional.empty();
        }
        Map<String, String> hash = store.redis().hgetAll(conferenceKey(conferenceId));
        return hash == null || hash.isEmpty() ? Optional.empty() : Optional.of(conferenceOf(hash));
    }

    @Override
    public List<SessionInfo> day(String conferenceId, LocalDate day) {
        return sessions(conferenceId).stream().filter(s -> day.equals(s.day())).toList();
    }

    @Override
    public Optional<SessionInfo> session(String sessionId) {
        if (sessionId == null || sessionId.isBlank() || sessionId.length() > 200) {
            return Optional.empty();
        }
        Map<String, String> hash = store.redis().hgetAll(sessionKey(sessionId));
        return hash == null || !hash.containsKey("id") ? Optional.empty() : Optional.of(sessionOf(hash));
    }

    /** Every session of the conference the copy knows (cancelled ones too), by start then id. */
    public List<SessionInfo> sessions(String conferenceId) {
        if (conferenceId == null || conferenceId.isBlank() || conferenceId.length() > 200) {
            return List.of();
        }
        Collection<String> ids = store.redis().smembers(keys.key("prog", "conference", conferenceId, "sessions"));
        List<Response<Map<String, String>>> read = new ArrayList<>(ids.size());
        if (!ids.isEmpty()) {
            try (AbstractPipeline pipeline = store.redis().pipelined()) {
                for (String id : ids) {
                    read.add(pipeline.hgetAll(sessionKey(id)));
                }
                pipeline.sync();
            }
        }
        List<SessionInfo> sessions = new ArrayList<>(ids.size());
        for (Response<Map<String, String>> response : read) {
            Map<String, String> hash = response.get();
            if (hash != null && hash.containsKey("id")) {
                sessions.add(sessionOf(hash));
            }
        }
        sessions.sort(Comparator.comparing(SessionInfo::start, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(SessionInfo::id));
        return sessions;
    }

    private static ConferenceInfo conferenceOf(Map<String, String> hash) {
        List<DayInfo> days = new ArrayList<>();
        for (StoredDay day : JSON.readValue(hash.getOrDefault("days", "[]"), DAYS)) {
            days.add(new DayInfo(LocalDate.parse(day.date()), day.theme() == null ? Map.of() : day.theme()));
        }
        return new ConferenceInfo(hash.get("id"), JSON.readValue(hash.getOrDefault("name", "{}"), MAP),
                zone(hash.get("timeZone")), JSON.readValue(hash.getOrDefault("languages", "[]"), LIST), days);
    }

    private static SessionInfo sessionOf(Map<String, String> hash) {
        return new SessionInfo(hash.get("id"), optional(hash.get("conferenceId")), optional(hash.get("kind")),
                date(hash.get("day")), instant(hash.get("start")), instant(hash.get("end")),
                JSON.readValue(hash.getOrDefault("title", "{}"), MAP), optional(hash.get("track")),
                optional(hash.get("slot")), JSON.readValue(hash.getOrDefault("moderators", "[]"), LIST),
                optional(hash.get("rapporteurId")), "CANCELLED".equals(hash.get("status")));
    }

    /** Language codes: trimmed, lower case, blanks left out. */
    static List<String> codes(List<String> languages) {
        if (languages == null) {
            return List.of();
        }
        return languages.stream().filter(l -> l != null && !l.isBlank())
                .map(l -> l.strip().toLowerCase(Locale.ROOT)).distinct().toList();
    }

    /** Unversioned events (from before versions) always apply, in the order they arrive. */
    private static boolean newer(long version, String held) {
        return version <= 0 || held == null || held.isEmpty() || version > Long.parseLong(held);
    }

    private static ConflictException changedConcurrently(String sessionId) {
        return new ConflictException("session-changed-concurrently", "inputs.changed-concurrently", sessionId);
    }

    private static String text(Object value) {
        return value == null ? NONE : value.toString();
    }

    private String conferenceKey(String conferenceId) {
        return keys.key("prog", "conference", conferenceId);
    }

    private String sessionKey(String sessionId) {
        return keys.key("prog", "session", sessionId);
    }
}

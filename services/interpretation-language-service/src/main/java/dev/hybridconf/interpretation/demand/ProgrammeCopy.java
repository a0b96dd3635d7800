package dev.hybridconf.interpretation.demand;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The copy of conferences and sessions, from {@code session.events}. Every event is applied in one Lua step that
 * starts with {@code onlyOnce(event id)} (the listener's position and marker), and only where it is newer than what
 * the copy holds:
 * <ul>
 * <li>a conference snapshot replaces the one held when its {@code programmeVersion} is higher (the step requires
 * the stored one to be below it);</li>
 * <li>a session's facts come in three groups, each with the {@code sessionVersion} of the event that last set it:
 * details (kind, format, floor languages, room, slot, title: {@code scheduled}, {@code updated}), times (day,
 * start, end, zone: those two and {@code rescheduled}) and status ({@code scheduled} puts it on the programme,
 * {@code cancelled} takes it off). An event sets only the groups where it is newer, so the copy ends the same
 * whatever order events arrive in (a replayed dead letter, a repeat after a relay takeover). The step requires the
 * record's revision to be the one read; a lost race is decided again.</li>
 * </ul>
 *
 * <p>Keys ({@code interpretation:} key space): {@code lang:conference:<id>} (hash), {@code lang:conferences} (set of
 * ids), {@code lang:session:<id>} (hash), {@code lang:conference:<id>:sessions} (set of session ids).
 */
@Service
public class ProgrammeCopy {

    static final Duration REMEMBER_EVENTS = Duration.ofDays(30);
    /** A record that kept changing under this many attempts is left to the container's (transient) retry. */
    static final int ATTEMPTS = 50;

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };
    private static final String NONE = "";
    private static final String REV = "rev";

    /** The details of a session ({@code session.scheduled.v1}, {@code session.updated.v1}). */
    public record Details(String kind, String format, List<String> floorLanguages, String room, String slot,
            Map<String, String> title) {
    }

    /** When a session runs. */
    public record Times(LocalDate day, Instant start, Instant end, String timeZone) {
    }

    /**
     * What one session event says: the groups it carries (null when it does not carry one) and the session's
     * version after it.
     *
     * @param status {@code SCHEDULED} or {@code CANCELLED}, or null
     */
    public record SessionChange(String sessionId, String conferenceId, long version, Details details, Times times,
            String status) {
    }

    private final RedisStore store;
    private final KeySpace keys;

    ProgrammeCopy(RedisStore store) {
        this.store = store;
        this.keys = store.keys();
    }

    /** Replaces the conference held with the snapshot if the snapshot is newer. */
    Outcome apply(CloudEvent event, ConferenceEvent snapshot) {
        String key = conferenceKey(snapshot.conferenceId());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", snapshot.conferenceId());
        fields.put("name", JSON.writeValueAsString(snapshot.name()));
        fields.put("timeZone", snapshot.timeZone());
        fields.put("programmeVersion", Long.toString(snapshot.programmeVersion()));
        List<String> languages = List.of();
        LocalDate start = null;
        LocalDate end = null;
        List<ConferenceDay> days = List.of();
        if (snapshot instanceof ConferencePublished p) {
            languages = p.languages();
            start = p.startDate();
            end = p.endDate();
            days = p.days();
        } else if (snapshot instanceof ConferenceUpdated u) {
            languages = u.languages();
            start = u.startDate();
            end = u.endDate();
            days = u.days();
        }
        fields.put("languages", JSON.writeValueAsString(codes(languages)));
        fields.put("startDate", text(start));
        fields.put("endDate", text(end));
        fields.put("days", JSON.writeValueAsString(days.stream().map(d -> d.date().toString()).toList()));
        String eventId = event.id().toString();
        try {
            return store.atomically()
                    .onlyOnce(eventId, REMEMBER_EVENTS)
                    .requireBelow(key, "programmeVersion", snapshot.programmeVersion(),
                            () -> new ConflictException("conference-snapshot-older", "demand.changed-concurrently",
                                    snapshot.conferenceId()))
                    .delete(key)
                    .hset(key, fields)
                    .sadd(keys.key("lang", "conferences"), snapshot.conferenceId())
                    .execute();
        } catch (ConflictException older) {
            Outcome seen = store.atomically().onlyOnce(eventId, REMEMBER_EVENTS).execute();
            return seen == Outcome.DUPLICATE ? Outcome.DUPLICATE : Outcome.OLDER;
        }
    }

    /** Applies the groups of a session event that are newer than those held. */
    Outcome apply(CloudEvent event, SessionChange change) {
        String key = sessionKey(change.sessionId());
        for (int attempt = 1; ; attempt++) {
            Map<String, String> held = store.redis().hgetAll(key);
            Map<String, String> fields = new LinkedHashMap<>();
            if (change.details() != null && newer(change.version(), held.get("detailsVersion"))) {
                Details d = change.details();
                fields.put("kind", text(d.kind()));
                fields.put("format", text(d.format()));
                fields.put("floor", JSON.writeValueAsString(codes(d.floorLanguages())));
                fields.put("room", text(d.room()));
                fields.put("slot", text(d.slot()));
                fields.put("title", JSON.writeValueAsString(d.title() == null ? Map.of() : d.title()));
                fields.put("detailsVersion", Long.toString(change.version()));
            }
            if (change.times() != null && newer(change.version(), held.get("timesVersion"))) {
                Times t = change.times();
                fields.put("day", text(t.day()));
                fields.put("start", text(t.start()));
                fields.put("end", text(t.end()));
                fields.put("timeZone", text(t.timeZone()));
                fields.put("timesVersion", Long.toString(change.version()));
            }
            if (change.status() != null && newer(change.version(), held.get("statusVersion"))) {
                fields.put("status", change.status());
                fields.put("statusVersion", Long.toString(change.version()));
            }
            AtomicWrite write = store.atomically().onlyOnce(event.id().toString(), REMEMBER_EVENTS);
            if (fields.isEmpty()) {
                return write.execute() == Outcome.DUPLICATE ? Outcome.DUPLICATE : Outcome.OLDER;
            }
            String conference = held.getOrDefault("conferenceId", NONE).isEmpty() ? change.conferenceId()
                    : held.get("conferenceId");
            fields.put("id", change.sessionId());
            fields.put("conferenceId", text(conference));
            long rev = Long.parseLong(held.getOrDefault(REV, "0"));
            fields.put(REV, Long.toString(rev + 1));
            if (held.isEmpty()) {
                write.requireAbsent(key, () -> changedConcurrently(change.sessionId()));
            } else {
                write.requireField(key, REV, Long.toString(rev), () -> changedConcurrently(change.sessionId()));
            }
            write.hset(key, fields);
            if (conference != null && !conference.isEmpty()) {
                write.sadd(keys.key("lang", "conference", conference, "sessions"), change.sessionId());
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

    /** The conference, once its {@code conference.published.v1} was seen. */
    public Optional<KnownConference> conference(String conferenceId) {
        if (conferenceId == null || conferenceId.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> hash = store.redis().hgetAll(conferenceKey(conferenceId));
        return hash == null || hash.isEmpty() ? Optional.empty() : Optional.of(conferenceOf(hash));
    }

    /** The session as last known (cancelled ones and breaks too), or empty when no event named it. */
    public Optional<KnownSession> session(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> hash = store.redis().hgetAll(sessionKey(sessionId));
        return hash == null || hash.isEmpty() || !hash.containsKey("id") ? Optional.empty()
                : Optional.of(sessionOf(hash));
    }

    /** Every session of the conference this copy knows (cancelled ones and breaks too), by start then id. */
    public List<KnownSession> sessions(String conferenceId) {
        if (conferenceId == null || conferenceId.isBlank()) {
            return List.of();
        }
        Collection<String> ids = store.redis().smembers(keys.key("lang", "conference", conferenceId, "sessions"));
        List<Response<Map<String, String>>> read = new ArrayList<>(ids.size());
        try (AbstractPipeline pipeline = store.redis().pipelined()) {
            for (String id : ids) {
                read.add(pipeline.hgetAll(sessionKey(id)));
            }
            pipeline.sync();
        }
        List<KnownSession> sessions = new ArrayList<>(ids.size());
        for (Response<Map<String, String>> response : read) {
            Map<String, String> hash = response.get();
            if (hash != null && hash.containsKey("id")) {
                sessions.add(sessionOf(hash));
            }
        }
        sessions.sort(Comparator.comparing(KnownSession::start, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(KnownSession::id));
        return sessions;
    }

    private static KnownConference conferenceOf(Map<String, String> hash) {
        List<LocalDate> days = new ArrayList<>();
        for (String day : JSON.readValue(hash.getOrDefault("days", "[]"), LIST)) {
            days.add(LocalDate.parse(day));
        }
        return new KnownConference(hash.get("id"), JSON.readValue(hash.getOrDefault("name", "{}"), MAP),
                zone(hash.get("timeZone")), JSON.readValue(hash.getOrDefault("languages", "[]"), LIST),
                date(hash.get("startDate")), date(hash.get("endDate")), days,
                Long.parseLong(hash.getOrDefault("programmeVersion", "0")));
    }

    private static KnownSession sessionOf(Map<String, String> hash) {
        return new KnownSession(hash.get("id"), optional(hash.get("conferenceId")), optional(hash.get("kind")),
                date(hash.get("day")), instant(hash.get("start")), instant(hash.get("end")),
                zone(hash.get("timeZone")), optional(hash.get("format")),
                JSON.readValue(hash.getOrDefault("floor", "[]"), LIST), optional(hash.get("room")),
                optional(hash.get("slot")), JSON.readValue(hash.getOrDefault("title", "{}"), MAP),
                "CANCELLED".equals(hash.get("status")));
    }

    /** Language codes as the catalogue writes them: trimmed, lower case, blanks left out. */
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
        return new ConflictException("session-changed-concurrently", "demand.changed-concurrently", sessionId);
    }

    private static String text(Object value) {
        return value == null ? NONE : value.toString();
    }

    private String conferenceKey(String conferenceId) {
        return keys.key("lang", "conference", conferenceId);
    }

    private String sessionKey(String sessionId) {
        return keys.key("lang", "session", sessionId);
    }
}

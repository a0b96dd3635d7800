package dev.hybridconf.interpretation.demand;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.interpretation.demand.ParticipantState.Contribution;
import dev.hybridconf.interpretation.demand.ParticipantState.RegistrationChange;
import dev.hybridconf.interpretation.demand.ParticipantState.Scope;
import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.AtomicWrite.Outcome;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Participants, their breakout enrolments and the listener counts per language, kept together.
 *
 * <p>Counters: {@code demand:conference:<conferenceId>} (approved participants of the conference, read by plenaries,
 * openings, wrap-ups and side events) and {@code demand:session:<sessionId>} (participants holding a place in the
 * breakout), each a hash of {@code IN_PERSON:<language>} and {@code REMOTE:<language>} counts. A participant's
 * contribution is a function of its record ({@link ParticipantState#contributions()}); every event rewrites the
 * record and moves the counters by the difference in one Lua step that also records the event id (and the
 * listener's position) and requires the record's revision to be the one read. So under any interleaving of events
 * (two partitions, two topics, two replicas), redeliveries and replays, the counters equal a recount from the
 * records; a lost race writes nothing and is decided again on what is there now.
 *
 * <p>Why counters and not a count on read: the demand view and every planner run read all sessions of a conference;
 * counting on read would go through every participant record (5,000 participants × 40 sessions, each enrolment
 * looked at per breakout) on each read, whereas events are few and each moves at most one field per enrolment.
 */
@Service
public class DemandLedger {

    static final Duration REMEMBER_EVENTS = Duration.ofDays(30);
    /** A record that kept changing under this many attempts is left to the container's (transient) retry. */
    static final int ATTEMPTS = 50;

    private final RedisStore store;
    private final KeySpace keys;
    private final String defaultConference;

    DemandLedger(RedisStore store,
            @Value("${platform.interpretation.default-conference:}") String defaultConference) {
        this.store = store;
        this.keys = store.keys();
        this.defaultConference = defaultConference == null || defaultConference.isBlank() ? null
                : defaultConference.strip();
    }

    /** Applies a registration event (its groups that are newer than the record's). */
    Outcome registration(CloudEvent event, String registrationId, RegistrationChange change) {
        RegistrationChange named = change.conference() == null || change.conference().isBlank()
                ? new RegistrationChange(defaultConference, change.status(), change.mode(), change.languages(),
                        change.erase())
                : change;
        long version = version(event);
        return change(event.id().toString(), registrationId, state -> state.with(named, version));
    }

    /**
     * Applies an enrolment event: {@code status} is {@code ENROLLED} (a place), {@code WAITLISTED} or {@code NONE}
     * (no longer enrolled), versioned on the session's scale (the events' subject is the session).
     */
    Outcome enrolment(CloudEvent event, String sessionId, String conferenceId, String registrationId, String status) {
        long version = version(event);
        return change(event.id().toString(), registrationId,
                state -> state.withEnrolment(sessionId, conferenceId, status, version));
    }

    private Outcome change(String eventId, String registrationId, UnaryOperator<ParticipantState> change) {
        String key = participantKey(registrationId);
        for (int attempt = 1; ; attempt++) {
            Map<String, String> hash = store.redis().hgetAll(key);
            ParticipantState before = ParticipantState.fromHash(hash);
            ParticipantState after = change.apply(before);
            AtomicWrite write = store.atomically().onlyOnce(eventId, REMEMBER_EVENTS);
            if (after.sameFactsAs(before)) {
                // Older than what the record holds in every group it touches (or changes nothing): only its id and
                // the listener's position are recorded.
                return write.execute() == Outcome.DUPLICATE ? Outcome.DUPLICATE : Outcome.OLDER;
            }
            if (hash == null || hash.isEmpty()) {
                write.requireAbsent(key, () -> changedConcurrently(registrationId));
            } else {
                write.requireField(key, "rev", Long.toString(before.rev()), () -> changedConcurrently(registrationId));
            }
            write.delete(key).hset(key, after.toHash(before.rev() + 1));
            before.difference(after).forEach((unit, by) -> write.hincrBy(counterKey(unit), unit.field(), by));
            try {
                return write.execute();
            } catch (ConflictException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Approved participants of the conference by language, in the room and remote. */
    public Listeners conference(String conferenceId) {
        return Listeners.fromCounters(store.redis().hgetAll(keys.key("demand", "conference", conferenceId)));
    }

    /** Participants holding a place in the breakout by language, in the room and remote. */
    public Listeners session(String sessionId) {
        return Listeners.fromCounters(store.redis().hgetAll(keys.key("demand", "session", sessionId)));
    }

    /** {@link #session} for many sessions in one round trip. */
    public Map<String, Listeners> sessions(Collection<String> sessionIds) {
        Map<String, Response<Map<String, String>>> read = new HashMap<>();
        try (AbstractPipeline pipeline = store.redis().pipelined()) {
            for (String id : sessionIds) {
                read.put(id, pipeline.hgetAll(keys.key("demand", "session", id)));
            }
            pipeline.sync();
        }
        Map<String, Listeners> listeners = new HashMap<>();
        read.forEach((id, response) -> listeners.put(id, Listeners.fromCounters(response.get())));
        return listeners;
    }

    /**
     * Every counter, by key relative to the key space ({@code demand:...}) and field, zeros left out: what the
     * counters say.
     */
    Map<String, Map<String, Long>> counters() {
        Map<String, Map<String, Long>> all = new TreeMap<>();
        for (String key : scan(keys.key("demand", "*"))) {
            Map<String, Long> fields = new TreeMap<>();
            store.redis().hgetAll(key).forEach((field, value) -> {
                if (Long.parseLong(value) != 0) {
                    fields.put(field, Long.parseLong(value));
                }
            });
            if (!fields.isEmpty()) {
                all.put(key.substring(keys.prefix().length()), fields);
            }
        }
        return all;
    }

    /** The counters as the participant records say they must be: a recount, to check {@link #counters()} against. */
    Map<String, Map<String, Long>> recount() {
        Map<String, Map<String, Long>> all = new TreeMap<>();
        for (String key : scan(keys.key("lang", "participant", "*"))) {
            ParticipantState.fromHash(store.redis().hgetAll(key)).contributions().forEach((unit, count) -> all
                    .computeIfAbsent(counterKey(unit).substring(keys.prefix().length()), k -> new TreeMap<>())
                    .merge(unit.field(), (long) count, Long::sum));
        }
        return all;
    }

    private List<String> scan(String pattern) {
        List<String> found = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams params = new ScanParams().match(pattern).count(1000);
        do {
            ScanResult<String> page = store.redis().scan(cursor, params);
            found.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return found;
    }

    private String counterKey(Contribution unit) {
        return keys.key("demand", unit.scope() == Scope.CONFERENCE ? "conference" : "session", unit.id());
    }

    private String participantKey(String registrationId) {
        return keys.key("lang", "participant", registrationId);
    }

    private static long version(CloudEvent event) {
        return event.aggregateVersion().isPresent() ? event.aggregateVersion().getAsLong() : 0;
    }

    private static ConflictException changedConcurrently(String registrationId) {
        return new ConflictException("participant-changed-concurrently", "demand.changed-concurrently",
                registrationId);
    }
}

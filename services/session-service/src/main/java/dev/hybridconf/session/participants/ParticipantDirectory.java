package dev.hybridconf.session.participants;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.registration.AttendanceChanged;
import dev.hybridconf.contracts.registration.LanguageChanged;
import dev.hybridconf.contracts.registration.ParticipantErased;
import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.registration.RegistrationSubmitted;
import dev.hybridconf.contracts.registration.RolesChanged;
import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.errors.ProblemException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.AtomicWrite.Outcome;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;

/**
 * The session service's copy of participant facts. Every change applies one registration event in
 * one Lua step that starts with {@code onlyOnce(event id)} (the listener's position and marker) and
 * {@code onlyNewer(event)} (the registration's version), so a redelivered or late event changes nothing.
 * Each event carries the whole of what it changes (a status, a language pair, the complete set of roles,
 * the new mode), so the last writer by version is right: an event older than the one held is skipped
 * (counted as {@code events.consumed{outcome=older}}), and an erased registration keeps its version as a
 * tombstone (a number, no personal data) as long as the view exists, so nothing late brings it back.
 *
 * <p>A registration belongs to one conference (every registration event names it), and so does its
 * record here: the summary is per conference ({@code participants:summary:<conferenceId>}) and counts
 * exactly that conference's records that have an attendance mode: a submitted registration adds one to
 * {@code total} and to its mode, a change of mode moves it, an erasure takes it away. Where a change
 * depends on the stored mode, the write checks that the mode is still the one read; if not, it fails and
 * the listener's retry reads again. A record's conference never changes (another conference is another
 * registration), so the conference read before a write still holds when it lands.
 */
@Service
public class ParticipantDirectory {

    /** How long an applied event id is remembered; far longer than any redelivery or relay retry. */
    static final Duration REMEMBER_EVENTS = Duration.ofDays(30);

    /** Hash fields cannot hold null: an absent optional value is stored as the empty string. */
    private static final String NONE = "";

    private static final String MODE = "attendanceMode";
    private static final String CONFERENCE = "conferenceId";

    private final RedisStore store;
    private final KeySpace keys;
    private final ObjectProvider<ParticipantHook> hooks;
    private final DefaultConference defaultConference;

    ParticipantDirectory(RedisStore store, ObjectProvider<ParticipantHook> hooks, DefaultConference defaultConference) {
        this.store = store;
        this.keys = store.keys();
        this.hooks = hooks;
        this.defaultConference = defaultConference;
    }

    /** Records a submitted registration once, whatever the number of deliveries. */
    Outcome apply(CloudEvent event, RegistrationSubmitted submitted) {
        String participant = participantKey(submitted.registrationId());
        String stored = store.redis().hget(participant, CONFERENCE);
        String conference = stored != null ? stored : defaultConference.or(submitted.conferenceId());
        Map<String, String> fields = new HashMap<>(Map.of(
                "registrationId", submitted.registrationId(),
                MODE, submitted.attendanceMode(),
                "preferredLanguage", submitted.preferredLanguage(),
                "country", submitted.country(),
                "status", "SUBMITTED"));
        AtomicWrite write = once(event);
        if (conference != null) {
            fields.put(CONFERENCE, conference);
            write.hincrBy(summaryKey(conference), "total", 1)
                    .hincrBy(summaryKey(conference), "mode:" + submitted.attendanceMode(), 1);
        }
        return write.hset(participant, fields).hincrBy(participant, "eventsApplied", 1).execute();
    }

    /** The participant has a place: their roles and what the programme plans with (languages, time zone). */
    Outcome applyApproved(CloudEvent event, RegistrationApproved approved) {
        return update(event, approved.registrationId(), approved.conferenceId(), Map.of(
                "status", "APPROVED",
                "preferredLanguage", approved.preferredLanguage(),
                "interpretationLanguage", orNone(approved.interpretationLanguage()),
                "timeZone", orNone(approved.timeZone()),
                "roles", String.join(",", approved.roles())));
    }

    /**
     * Records a change of status that carries nothing else (waitlisted, offered, offer expired,
     * rejected, cancelled) once per event.
     */
    Outcome applyStatus(CloudEvent event, String registrationId, String conferenceId, String status) {
        return update(event, registrationId, conferenceId, Map.of("status", status));
    }

    /** A cancellation: the status, and when the participant held a place, the hooks release what they held. */
    Outcome applyCancelled(CloudEvent event, String registrationId, String conferenceId, boolean placeReleased) {
        return update(event, registrationId, conferenceId, Map.of("status", "CANCELLED"), write -> {
            if (placeReleased) {
                hooks.orderedStream().forEach(hook -> hook.placeReleased(registrationId, write));
            }
        });
    }

    Outcome applyLanguageChange(CloudEvent event, LanguageChanged changed) {
        return update(event, changed.registrationId(), changed.conferenceId(), Map.of(
                "preferredLanguage", changed.preferredLanguage(),
                "interpretationLanguage", orNone(changed.interpretationLanguage())));
    }

    /** Replaces the roles with the event's complete new set. */
    Outcome applyRolesChange(CloudEvent event, RolesChanged changed) {
        return update(event, changed.registrationId(), changed.conferenceId(),
                Map.of("roles", String.join(",", changed.roles())));
    }

    /**
     * Moves the participant, and their place in the summary, from the stored mode to the new one. A
     * pending registration keeps the status this service calls {@code SUBMITTED}.
     */
    Outcome applyAttendanceChange(CloudEvent event, AttendanceChanged changed) {
        String id = changed.registrationId();
        String participant = participantKey(id);
        List<String> read = store.redis().hmget(participant, MODE, CONFERENCE);
        String stored = read.get(0);
        String conference = conferenceOf(read.get(1), changed.conferenceId());
        AtomicWrite write = once(event);
        if (stored != null) {
            write.requireField(participant, MODE, stored, () -> changedConcurrently(id));
        }
        if (conference != null) {
            if (stored != null) {
                write.hincrBy(summaryKey(conference), "mode:" + stored, -1);
            } else {
                // Not counted yet (no submitted event seen): it is counted from now on.
                write.hincrBy(summaryKey(conference), "total", 1);
            }
            write.hincrBy(summaryKey(conference), "mode:" + changed.attendanceMode(), 1);
        }
        Map<String, String> fields = new HashMap<>(Map.of("registrationId", id, MODE, changed.attendanceMode(),
                "status", "PENDING".equals(changed.status()) ? "SUBMITTED" : changed.status()));
        if (conference != null) {
            fields.put(CONFERENCE, conference);
        }
        write.hset(participant, fields).hincrBy(participant, "eventsApplied", 1);
        String previous = stored != null ? stored : changed.previousMode();
        hooks.orderedStream().forEach(hook -> hook.attendanceChanged(id, previous, changed.attendanceMode(), write));
        return write.execute();
    }

    /**
     * Purges everything the service keeps about the participant: their record goes, the summary no
     * longer counts them, and every {@link ParticipantHook} deletes what its feature holds, all in
     * one step. An erasure of a participant the service never knew only records the event id.
     */
    Outcome erase(CloudEvent event, ParticipantErased erased) {
        String id = erased.registrationId();
        String participant = participantKey(id);
        List<String> read = store.redis().hmget(participant, MODE, CONFERENCE);
        String stored = read.get(0);
        String conference = conferenceOf(read.get(1), erased.conferenceId());
        AtomicWrite write = once(event);
        if (stored != null) {
            write.requireField(participant, MODE, stored, () -> changedConcurrently(id));
            if (conference != null) {
                write.hincrBy(summaryKey(conference), "total", -1).hincrBy(summaryKey(conference), "mode:" + stored, -1);
            }
        }
        write.delete(participant);
        hooks.orderedStream().forEach(hook -> hook.erasing(id, write));
        return write.execute();
    }

    /**
     * Adds to a write of another session feature the condition that the participant is still
     * approved (not cancelled, not erased) when it lands, e.g. so that nobody takes a breakout place
     * in the same instant their registration is cancelled.
     */
    public void requireApproved(AtomicWrite write, String registrationId,
            Supplier<? extends ProblemException> otherwise) {
        write.requireField(participantKey(registrationId), "status", "APPROVED", otherwise);
    }

    /** The participant as last known from registration events; public for the session features that follow them. */
    public Optional<ParticipantView> find(String registrationId) {
        Map<String, String> hash = store.redis().hgetAll(participantKey(registrationId));
        if (hash == null || hash.isEmpty()) {
            return Optional.empty();
        }
        String roles = hash.getOrDefault("roles", NONE);
        return Optional.of(new ParticipantView(hash.get("registrationId"), defaultConference.or(hash.get(CONFERENCE)),
                hash.get(MODE),
                hash.get("preferredLanguage"), optional(hash.get("interpretationLanguage")),
                optional(hash.get("timeZone")), hash.get("country"), hash.get("status"),
                roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")),
                Long.parseLong(hash.getOrDefault("eventsApplied", "0"))));
    }

    /** The counts of one conference's participants (zero for a conference nobody registered for yet). */
    ParticipantSummary summary(String conferenceId) {
        Map<String, String> hash = store.redis().hgetAll(summaryKey(conferenceId));
        Map<String, Long> byMode = new TreeMap<>();
        hash.forEach((field, value) -> {
            if (field.startsWith("mode:")) {
                byMode.put(field.substring("mode:".length()), Long.parseLong(value));
            }
        });
        return new ParticipantSummary(conferenceId, Long.parseLong(hash.getOrDefault("total", "0")), byMode);
    }

    private Outcome update(CloudEvent event, String registrationId, String conferenceId, Map<String, String> fields) {
        return update(event, registrationId, conferenceId, fields, write -> {
        });
    }

    /**
     * Sets fields of the participant's record (creating it if the submitted event was never seen). A record
     * created so is not counted (it has no attendance mode), but it knows its conference.
     */
    private Outcome update(CloudEvent event, String registrationId, String conferenceId, Map<String, String> fields,
            Consumer<AtomicWrite> more) {
        String participant = participantKey(registrationId);
        Map<String, String> all = new HashMap<>(fields);
        all.put("registrationId", registrationId);
        String conference = conferenceOf(store.redis().hget(participant, CONFERENCE), conferenceId);
        if (conference != null) {
            all.put(CONFERENCE, conference);
        }
        AtomicWrite write = once(event).hset(participant, all).hincrBy(participant, "eventsApplied", 1);
        more.accept(write);
        return write.execute();
    }

    /**
     * Once per event, and only when it is newer than what the directory holds of its registration (its
     * {@code aggregateversion}): an event that comes late (a repeat after a relay takeover, one older than an
     * erasure) changes nothing. Versions outlive the records they describe: after an erasure, the version is the
     * tombstone.
     */
    private AtomicWrite once(CloudEvent event) {
        return store.atomically().onlyOnce(event.id().toString(), REMEMBER_EVENTS).onlyNewer(event);
    }

    private static ConflictException changedConcurrently(String registrationId) {
        return new ConflictException("participant-changed-concurrently", "participant.changed-concurrently",
                registrationId);
    }

    private static String orNone(String value) {
        return value == null ? NONE : value;
    }

    private static String optional(String stored) {
        return stored == null || stored.isEmpty() ? null : stored;
    }

    private String participantKey(String registrationId) {
        return keys.key("participant", registrationId);
    }

    /**
     * Folds the summary kept before conferences were the boundary ({@code participants:summary}, one for the
     * whole deployment) into the default conference's, once: the counts are added and the old key deleted in
     * one step that requires the old key still there, so replicas starting together fold it once.
     *
     * @return whether this call folded it
     */
    boolean foldLegacySummary() {
        String legacy = keys.key("participants", "summary");
        String conference = defaultConference.id();
        Map<String, String> counts = store.redis().hgetAll(legacy);
        if (counts == null || counts.isEmpty() || conference == null) {
            return false;
        }
        AtomicWrite write = store.atomically().requirePresent(legacy,
                () -> new ConflictException("legacy-summary-folded", "participant.changed-concurrently", legacy));
        counts.forEach((field, value) -> write.hincrBy(summaryKey(conference), field, Long.parseLong(value)));
        try {
            write.delete(legacy).execute();
            return true;
        } catch (ConflictException foldedElsewhere) {
            return false;
        }
    }

    /** Whether a summary from before conferences were the boundary is still waiting to be folded. */
    boolean hasLegacySummary() {
        return store.redis().exists(keys.key("participants", "summary"));
    }

    /**
     * The conference a record counts in: the one stored with it (it never changes), else the event's, else the
     * default conference (a record or event from before conferences were the boundary).
     */
    private String conferenceOf(String stored, String fromEvent) {
        return stored != null && !stored.isEmpty() ? stored : defaultConference.or(fromEvent);
    }

    private String summaryKey(String conferenceId) {
        return keys.key("participants", "summary", conferenceId);
    }
}

package dev.hybridconf.rapporteur.assignments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import dev.hybridconf.kit.errors.ProblemException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.rapporteur.access.Caller;
import dev.hybridconf.rapporteur.programme.Programme;
import dev.hybridconf.rapporteur.programme.SessionInfo;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rapporteur assignments of each conference, one document per conference ({@code rapporteur:assign:<c>}: its
 * {@code version}, the {@code json} of its days, who changed it and when), replaced whole by organisers. A day the
 * document does not list falls to the rapporteur of that day's wrap-up in the programme.
 */
@Service
public class Assignments {

    /** Where a day's rapporteurs come from. */
    public enum Source {
        /** the organisers' assignment */
        ASSIGNED,
        /** nobody was assigned: the rapporteur of the day's wrap-up */
        WRAP_UP,
        /** nobody was assigned and the day has no wrap-up rapporteur */
        NONE
    }

    /** The stored document. */
    record Document(long version, List<DayAssignment> days, String updatedBy, Instant updatedAt) {

        Optional<DayAssignment> day(LocalDate day) {
            return days.stream().filter(d -> d.day().equals(day)).findFirst();
        }
    }

    /** A day's rapporteurs as they apply now. */
    public record Effective(LocalDate day, Source source, List<String> rapporteurs,
            List<DayAssignment.ThemeAssignment> themes) {
    }

    private record Stored(List<DayAssignment> days) {
    }

    private static final int ATTEMPTS = 20;

    private final RedisStore store;
    private final Programme programme;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    Assignments(RedisStore store, Programme programme, Clock clock) {
        this.store = store;
        this.programme = programme;
        this.clock = clock;
    }

    private String key(String conferenceId) {
        return store.keys().key("assign", conferenceId);
    }

    Document document(String conferenceId) {
        Map<String, String> hash = store.redis().hgetAll(key(conferenceId));
        if (hash == null || hash.get("json") == null) {
            return new Document(0, List.of(), null, null);
        }
        return new Document(Long.parseLong(hash.getOrDefault("version", "0")),
                json.readValue(hash.get("json"), Stored.class).days(), hash.get("updatedBy"),
                hash.containsKey("updatedAt") ? Instant.parse(hash.get("updatedAt")) : null);
    }

    /** The rapporteurs of a day as they apply now (the assignment, else the wrap-up's rapporteur). */
    public Effective effective(String conferenceId, LocalDate day) {
        return effective(document(conferenceId), conferenceId, day);
    }

    Effective effective(Document document, String conferenceId, LocalDate day) {
        Optional<DayAssignment> assigned = document.day(day);
        if (assigned.isPresent()) {
            return new Effective(day, Source.ASSIGNED, assigned.get().rapporteurs(), assigned.get().themes());
        }
        List<String> wrapUp = programme.day(conferenceId, day).stream()
                .filter(s -> "WRAP_UP".equals(s.kind()) && !s.cancelled() && s.rapporteurId() != null)
                .map(SessionInfo::rapporteurId).map(Addresses::id).distinct().toList();
        return new Effective(day, wrapUp.isEmpty() ? Source.NONE : Source.WRAP_UP, wrapUp, List.of());
    }

    /** Whether the caller reports the day: in its list, in one of its themes, or its wrap-up's rapporteur by default. */
    public boolean assigned(String conferenceId, LocalDate day, Caller caller) {
        if (caller.subject() == null) {
            return false;
        }
        String subject = Addresses.id(caller.subject());
        Effective effective = effective(conferenceId, day);
        return effective.rapporteurs().contains(subject)
                || effective.themes().stream().anyMatch(t -> t.rapporteurs().contains(subject));
    }

    /** @throws NotAssignedException unless the caller reports the day */
    public void requireAssigned(String conferenceId, LocalDate day, Caller caller) {
        if (!assigned(conferenceId, day, caller)) {
            throw new NotAssignedException(day);
        }
    }

    /**
     * Replaces the conference's assignments, all or nothing.
     *
     * @param expectedVersion the version the organiser read ({@code If-Match}), or null for whatever is current
     * @throws ProblemException 412 when the document is no longer at {@code expectedVersion}
     */
    Document replace(String conferenceId, List<DayAssignment> days, Long expectedVersion, Caller caller) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document current = document(conferenceId);
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw versionMismatch(current.version());
            }
            Instant now = clock.instant();
            long version = current.version() + 1;
            AtomicWrite write = store.atomically();
            if (current.version() == 0) {
                write.requireAbsent(key(conferenceId), ChangedMeanwhile::new);
            } else {
                write.requireField(key(conferenceId), "version", Long.toString(current.version()),
                        ChangedMeanwhile::new);
            }
            write.hset(key(conferenceId), Map.of("version", Long.toString(version),
                    "json", json.writeValueAsString(new Stored(days)),
                    "updatedBy", caller.subject() == null ? "" : caller.subject(), "updatedAt", now.toString()));
            try {
                write.execute();
            } catch (ChangedMeanwhile raced) {
                if (expectedVersion != null) {
                    throw versionMismatch(document(conferenceId).version());
                }
                continue;
            }
            return new Document(version, days, caller.subject(), now);
        }
        throw new ChangedMeanwhile();
    }

    private static ProblemException versionMismatch(long current) {
        return new AssignmentProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed",
                "assignments.version-mismatch", current);
    }

    static final class AssignmentProblem extends ProblemException {

        AssignmentProblem(HttpStatus status, String slug, String messageKey, Object... arguments) {
            super(status, slug, messageKey, arguments);
        }
    }

    /** The document changed between reading and writing. */
    private static final class ChangedMeanwhile extends ProblemException {

        ChangedMeanwhile() {
            super(HttpStatus.CONFLICT, "assignments-changed-concurrently", "assignments.changed");
        }
    }
}

package dev.hybridconf.rapporteur.notes;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.kit.errors.ProblemException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.rapporteur.access.Caller;
import dev.hybridconf.rapporteur.assignments.Addresses;
import dev.hybridconf.rapporteur.programme.SessionInfo;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rapporteurs' notes in Redis: {@code notes:<noteId>} (a hash: {@code revision}, {@code author}, {@code sessionId},
 * {@code json} of the current revision), {@code notes:<noteId>:revisions} (one field per revision, its JSON) and
 * {@code notes:session:<sessionId>} (a sorted set of the session's note ids by creation time). Each change is one
 * atomic step guarded by the revision it read.
 */
@Service
class Notes {

    /** At most this many notes per session, whoever wrote them. */
    static final int MAX_PER_SESSION = 1_000;
    private static final int ATTEMPTS = 20;

    private final RedisStore store;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    Notes(RedisStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private String noteKey(String noteId) {
        return store.keys().key("notes", noteId);
    }

    private String revisionsKey(String noteId) {
        return store.keys().key("notes", noteId, "revisions");
    }

    private String sessionKey(String sessionId) {
        return store.keys().key("notes", "session", sessionId);
    }

    List<Note> forSession(String sessionId) {
        List<Note> notes = new ArrayList<>();
        for (String noteId : store.redis().zrange(sessionKey(sessionId), 0, -1)) {
            find(noteId).ifPresent(notes::add);
        }
        return notes;
    }

    Optional<Note> find(String noteId) {
        String stored = store.redis().hget(noteKey(noteId), "json");
        return stored == null ? Optional.empty() : Optional.of(json.readValue(stored, Note.class));
    }

    /** Every revision of a note, oldest first. */
    List<Note> revisions(String noteId) {
        return store.redis().hgetAll(revisionsKey(noteId)).values().stream().map(v -> json.readValue(v, Note.class))
                .sorted((a, b) -> Long.compare(a.revision(), b.revision())).toList();
    }

    Note create(SessionInfo session, NoteForm.Fields fields, Caller caller) {
        Instant now = clock.instant();
        Note note = new Note(UUID.randomUUID().toString(), session.id(), session.conferenceId(), session.day(),
                Addresses.id(caller.subject()), fields.language(), fields.text(), 1, now, now);
        String stored = json.writeValueAsString(note);
        store.atomically()
                .requireSizeBelow(sessionKey(session.id()), MAX_PER_SESSION,
                        () -> new NoteProblem(HttpStatus.CONFLICT, "notes-full", "notes.full",
                                MAX_PER_SESSION))
                .hset(noteKey(note.noteId()), Map.of("revision", "1", "author", note.author(),
                        "sessionId", note.sessionId(), "json", stored))
                .hset(revisionsKey(note.noteId()), Map.of("1", stored))
                .zadd(sessionKey(session.id()), now.toEpochMilli(), note.noteId())
                .execute();
        return note;
    }

    /** The caller's own note of the session, or 404 (another's note is as good as absent). */
    Note own(String sessionId, String noteId, Caller caller) {
        if (!Addresses.uuid(noteId)) {
            throw notFound();
        }
        return find(noteId.toLowerCase(java.util.Locale.ROOT))
                .filter(n -> n.sessionId().equals(sessionId) && n.author().equals(Addresses.id(caller.subject())))
                .orElseThrow(Notes::notFound);
    }

    Note edit(Note read, NoteForm.Fields fields, Long expectedRevision) {
        Note current = read;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (expectedRevision != null && expectedRevision != current.revision()) {
                throw revisionMismatch(current.revision());
            }
            if (current.text().equals(fields.text()) && current.language().equals(fields.language())) {
                return current;
            }
            Note next = new Note(current.noteId(), current.sessionId(), current.conferenceId(), current.day(),
                    current.author(), fields.language(), fields.text(), current.revision() + 1, current.createdAt(),
                    clock.instant());
            String stored = json.writeValueAsString(next);
            try {
                store.atomically()
                        .requireField(noteKey(current.noteId()), "revision", Long.toString(current.revision()),
                                ChangedMeanwhile::new)
                        .hset(noteKey(next.noteId()), Map.of("revision", Long.toString(next.revision()), "json", stored))
                        .hset(revisionsKey(next.noteId()), Map.of(Long.toString(next.revision()), stored))
                        .execute();
                return next;
            } catch (ChangedMeanwhile raced) {
                current = find(read.noteId()).orElseThrow(Notes::notFound);
            }
        }
        throw new ChangedMeanwhile();
    }

    void delete(Note read, Long expectedRevision) {
        if (expectedRevision != null && expectedRevision != read.revision()) {
            throw revisionMismatch(read.revision());
        }
        try {
            store.atomically()
                    .requireField(noteKey(read.noteId()), "revision", Long.toString(read.revision()),
                            ChangedMeanwhile::new)
                    .delete(noteKey(read.noteId()))
                    .delete(revisionsKey(read.noteId()))
                    .zrem(sessionKey(read.sessionId()), read.noteId())
                    .execute();
        } catch (ChangedMeanwhile raced) {
            Note now = find(read.noteId()).orElseThrow(Notes::notFound);
            if (expectedRevision != null) {
                throw revisionMismatch(now.revision());
            }
            delete(now, null);
        }
    }

    static NotFoundException notFound() {
        return new NotFoundException("notes.not-found");
    }

    private static ProblemException revisionMismatch(long current) {
        return new NoteProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed",
                "notes.revision-mismatch", current);
    }

    static final class NoteProblem extends ProblemException {

        NoteProblem(HttpStatus status, String slug, String messageKey, Object... arguments) {
            super(status, slug, messageKey, arguments);
        }
    }

    private static final class ChangedMeanwhile extends ProblemException {

        ChangedMeanwhile() {
            super(HttpStatus.CONFLICT, "note-changed-concurrently", "notes.changed");
        }
    }
}

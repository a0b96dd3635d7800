package dev.hybridconf.registration.workflow;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.hybridconf.kit.errors.ProblemMessages;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import tools.jackson.databind.ObjectMapper;

/**
 * The state of CSV imports, in Redis so that any replica answers {@code GET /api/registrations/imports/{id}}.
 * Only the worker running an import writes it; each save is one atomic step, so counts, errors and
 * links are always read together as they were at that moment.
 *
 * <p>Redis keys (under the service prefix), all expiring {@link ImportSettings#retention()} after the
 * import started and again after it finished: {@code import:<id>} (hash: kind, status, counts, times),
 * {@code import:<id>:errors} (sorted set by row: one JSON {@link RowError} per member, the first
 * {@link ImportSettings#errorsKept()} only), {@code import:<id>:invitations} (sorted set by row: one JSON
 * {@link IssuedLink} per created invitation, with its link; the link holds the invitation's code, which
 * is stored nowhere else).
 */
@Component
class ImportJobs {

    enum Status {
        RUNNING,
        DONE,
        FAILED
    }

    /**
     * Why a row was not imported.
     *
     * @param row     as a spreadsheet numbers it (the header is row 1)
     * @param field   the column at fault, or null when the row as a whole is (e.g. a wrong number of cells)
     * @param message in the language of the request that started the import
     */
    record RowError(long row, String field, String message) {
    }

    /** An invitation the import created, with the link (and so the code) to send to the invitee. */
    record IssuedLink(long row, String email, String invitationId, URI link) {
    }

    /**
     * An import as organisers see it.
     *
     * @param conferenceId  the conference every row is registered for, or invited to
     * @param rowsTotal     data rows in the file (blank rows not counted)
     * @param rowsRead      rows handled so far; {@code succeeded + failed}
     * @param errors        by row, at most {@link ImportSettings#errorsKept()}
     * @param errorsOmitted errors beyond those, counted but not stored
     * @param invitations   for an invitation import: every invitation created, with its link
     * @param notice        for an invitation import: that these links are the only copy of the codes
     * @param failure       why a FAILED import stopped, and what was written
     * @param updatedAt     last saved progress: a RUNNING import whose {@code updatedAt} stops moving was
     *                      interrupted by a crash of the replica running it
     */
    record View(String id, String kind, String conferenceId, Status status, String language, String startedBy, long rowsTotal,
            long rowsRead, long succeeded, long failed, List<RowError> errors, long errorsOmitted,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<IssuedLink> invitations,
            @JsonInclude(JsonInclude.Include.NON_NULL) String notice, String failure, Instant createdAt,
            Instant updatedAt, Instant finishedAt, Instant expiresAt) {
    }

    /** What the worker knows of its import; saved now and then with {@link #save}. */
    static final class Progress {
        private final String id;
        private final int errorsKept;
        private long rowsRead;
        private long succeeded;
        private long failed;
        private long errorsStored;
        private long errorsOmitted;
        private final List<RowError> newErrors = new ArrayList<>();
        private final List<IssuedLink> newLinks = new ArrayList<>();
        private long rowsSinceSave;

        private Progress(String id, int errorsKept) {
            this.id = id;
            this.errorsKept = errorsKept;
        }

        String id() {
            return id;
        }

        void succeeded(IssuedLink link) {
            rowsRead++;
            rowsSinceSave++;
            succeeded++;
            if (link != null) {
                newLinks.add(link);
            }
        }

        void failed(List<RowError> errors) {
            rowsRead++;
            rowsSinceSave++;
            failed++;
            for (RowError error : errors) {
                if (errorsStored < errorsKept) {
                    newErrors.add(error);
                    errorsStored++;
                } else {
                    errorsOmitted++;
                }
            }
        }

        long rowsRead() {
            return rowsRead;
        }

        long rowsSinceSave() {
            return rowsSinceSave;
        }

        /** Links exist only here until saved: the invitation import saves after each one. */
        boolean holdsLinks() {
            return !newLinks.isEmpty();
        }
    }

    private final RedisStore store;
    private final KeySpace keys;
    private final Clock clock;
    private final ImportSettings settings;
    private final ObjectMapper json;
    private final ProblemMessages messages;

    ImportJobs(RedisStore store, Clock clock, ImportSettings settings, ObjectMapper json, ProblemMessages messages) {
        this.store = store;
        this.keys = store.keys();
        this.clock = clock;
        this.settings = settings;
        this.json = json;
        this.messages = messages;
    }

    /** A new import: the worker's progress, and the import as its 202 answer shows it. */
    record Created(Progress progress, View view) {
    }

    /** Records a new RUNNING import. */
    Created create(String id, ImportKind kind, String conferenceId, Locale language, long rowsTotal,
            String startedBy) {
        Instant now = clock.instant();
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("id", id);
        hash.put("kind", kind.parameter());
        hash.put("conferenceId", conferenceId);
        hash.put("status", Status.RUNNING.name());
        hash.put("language", language.getLanguage());
        hash.put("startedBy", startedBy == null ? "" : startedBy);
        hash.put("rowsTotal", Long.toString(rowsTotal));
        hash.put("rowsRead", "0");
        hash.put("succeeded", "0");
        hash.put("failed", "0");
        hash.put("errorsOmitted", "0");
        hash.put("createdAt", now.toString());
        hash.put("updatedAt", now.toString());
        hash.put("expiresAt", now.plus(settings.retention()).toString());
        store.atomically().hset(jobKey(id), hash).expire(jobKey(id), settings.retention()).execute();
        boolean invitations = kind == ImportKind.INVITATIONS;
        Instant expiresAt = now.plus(settings.retention());
        View view = new View(id, kind.parameter(), conferenceId, Status.RUNNING, language.getLanguage(), startedBy, rowsTotal, 0, 0,
                0, List.of(), 0, invitations ? List.of() : null,
                invitations ? messages.text("import.links-notice", language, expiresAt.toString()) : null, null, now,
                now, null, expiresAt);
        return new Created(new Progress(id, settings.errorsKept()), view);
    }

    /** Saves the counts and the errors and links found since the last save, in one step. */
    void save(Progress progress) {
        write(progress, Map.of());
    }

    /** Saves the last progress with the final status; the results stay for another retention period. */
    void finish(Progress progress, Status status, String failure) {
        Instant now = clock.instant();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("status", status.name());
        fields.put("finishedAt", now.toString());
        fields.put("expiresAt", now.plus(settings.retention()).toString());
        if (failure != null) {
            fields.put("failure", failure);
        }
        write(progress, fields);
    }

    private void write(Progress progress, Map<String, String> extra) {
        String id = progress.id;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("rowsRead", Long.toString(progress.rowsRead));
        fields.put("succeeded", Long.toString(progress.succeeded));
        fields.put("failed", Long.toString(progress.failed));
        fields.put("errorsOmitted", Long.toString(progress.errorsOmitted));
        fields.put("updatedAt", clock.instant().toString());
        fields.putAll(extra);
        AtomicWrite write = store.atomically().hset(jobKey(id), fields);
        for (RowError error : progress.newErrors) {
            write.zadd(errorsKey(id), error.row(), json.writeValueAsString(error));
        }
        for (IssuedLink link : progress.newLinks) {
            write.zadd(linksKey(id), link.row(), json.writeValueAsString(link));
        }
        write.expire(jobKey(id), settings.retention())
                .expire(errorsKey(id), settings.retention())
                .expire(linksKey(id), settings.retention())
                .execute();
        progress.newErrors.clear();
        progress.newLinks.clear();
        progress.rowsSinceSave = 0;
    }

    /** The import, with the links notice in the reader's language. */
    Optional<View> find(String id, Locale reader) {
        Map<String, String> hash = store.redis().hgetAll(jobKey(id));
        if (hash == null || hash.isEmpty()) {
            return Optional.empty();
        }
        List<RowError> errors = store.redis().zrange(errorsKey(id), 0, -1).stream()
                .map(member -> json.readValue(member, RowError.class)).toList();
        boolean invitations = ImportKind.INVITATIONS.parameter().equals(hash.get("kind"));
        List<IssuedLink> links = invitations ? store.redis().zrange(linksKey(id), 0, -1).stream()
                .map(member -> json.readValue(member, IssuedLink.class)).toList() : null;
        String notice = invitations ? messages.text("import.links-notice", reader, hash.get("expiresAt")) : null;
        return Optional.of(new View(id, hash.get("kind"), hash.get("conferenceId"), Status.valueOf(hash.get("status")), hash.get("language"),
                blankToNull(hash.get("startedBy")), number(hash, "rowsTotal"), number(hash, "rowsRead"),
                number(hash, "succeeded"), number(hash, "failed"), errors, number(hash, "errorsOmitted"), links,
                notice, hash.get("failure"), instant(hash, "createdAt"), instant(hash, "updatedAt"),
                instant(hash, "finishedAt"), instant(hash, "expiresAt")));
    }

    /** Forgets an import that never started (its worker was refused). */
    void delete(String id) {
        store.atomically().delete(jobKey(id)).delete(errorsKey(id)).delete(linksKey(id)).execute();
    }

    private static long number(Map<String, String> hash, String field) {
        return Long.parseLong(hash.getOrDefault(field, "0"));
    }

    private static Instant instant(Map<String, String> hash, String field) {
        String value = hash.get(field);
        return value == null ? null : Instant.parse(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private String jobKey(String id) {
        return keys.key("import", id);
    }

    private String errorsKey(String id) {
        return keys.key("import", id, "errors");
    }

    private String linksKey(String id) {
        return keys.key("import", id, "invitations");
    }
}

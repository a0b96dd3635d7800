package dev.hybridconf.rapporteur.summary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import dev.hybridconf.kit.errors.ProblemException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.RedisStore;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The summaries in Redis, per day {@code <c>:<day>}:
 * <ul>
 * <li>{@code summary:<c>:<day>:text:<lang>}: a hash, {@code current} = the language's current revision, and one field
 * {@code r<n>} per revision (its JSON);</li>
 * <li>{@code summary:<c>:<day>:published}: a hash, {@code version} = the latest published version, and one field
 * {@code v<n>} per version (its snapshot's JSON);</li>
 * <li>{@code summary:<c>:published-days}: the set of the conference's days with a published version.</li>
 * </ul>
 * Every write is guarded by the {@code current} or {@code version} it read.
 */
@Component
class SummaryStore {

    private final RedisStore store;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    SummaryStore(RedisStore store) {
        this.store = store;
    }

    RedisStore redis() {
        return store;
    }

    String textKey(String conferenceId, LocalDate day, String language) {
        return store.keys().key("summary", conferenceId, day.toString(), "text", language);
    }

    String publishedKey(String conferenceId, LocalDate day) {
        return store.keys().key("summary", conferenceId, day.toString(), "published");
    }

    String daysKey(String conferenceId) {
        return store.keys().key("summary", conferenceId, "published-days");
    }

    /** The current revision of a language, if any. */
    Optional<TextRevision> current(String conferenceId, LocalDate day, String language) {
        String key = textKey(conferenceId, day, language);
        String current = store.redis().hget(key, "current");
        if (current == null) {
            return Optional.empty();
        }
        return revision(conferenceId, day, language, Long.parseLong(current));
    }

    Optional<TextRevision> revision(String conferenceId, LocalDate day, String language, long revision) {
        String stored = store.redis().hget(textKey(conferenceId, day, language), "r" + revision);
        return stored == null ? Optional.empty() : Optional.of(json.readValue(stored, TextRevision.class));
    }

    /** Every revision of a language, oldest first. */
    List<TextRevision> revisions(String conferenceId, LocalDate day, String language) {
        List<TextRevision> revisions = new ArrayList<>();
        store.redis().hgetAll(textKey(conferenceId, day, language)).forEach((field, value) -> {
            if (field.startsWith("r")) {
                revisions.add(json.readValue(value, TextRevision.class));
            }
        });
        revisions.sort((a, b) -> Long.compare(a.revision(), b.revision()));
        return revisions;
    }

    /** Requires the language to be still at {@code revision} (0: no text yet). */
    AtomicWrite requireCurrent(AtomicWrite write, String conferenceId, LocalDate day, String language, long revision,
            Supplier<? extends ProblemException> otherwise) {
        String key = textKey(conferenceId, day, language);
        return revision == 0 ? write.requireAbsent(key, otherwise)
                : write.requireField(key, "current", Long.toString(revision), otherwise);
    }

    AtomicWrite writeRevision(AtomicWrite write, String conferenceId, LocalDate day, TextRevision revision) {
        return write.hset(textKey(conferenceId, day, revision.language()), Map.of("current",
                Long.toString(revision.revision()), "r" + revision.revision(), json.writeValueAsString(revision)));
    }

    /** Every published version of the day, oldest first. */
    List<PublishedSnapshot> published(String conferenceId, LocalDate day) {
        List<PublishedSnapshot> versions = new ArrayList<>();
        store.redis().hgetAll(publishedKey(conferenceId, day)).forEach((field, value) -> {
            if (field.startsWith("v") && !field.equals("version")) {
                versions.add(json.readValue(value, PublishedSnapshot.class));
            }
        });
        versions.sort((a, b) -> Integer.compare(a.version(), b.version()));
        return versions;
    }

    Optional<PublishedSnapshot> published(String conferenceId, LocalDate day, int version) {
        String stored = store.redis().hget(publishedKey(conferenceId, day), "v" + version);
        return stored == null ? Optional.empty() : Optional.of(json.readValue(stored, PublishedSnapshot.class));
    }

    int latestVersion(String conferenceId, LocalDate day) {
        String version = store.redis().hget(publishedKey(conferenceId, day), "version");
        return version == null ? 0 : Integer.parseInt(version);
    }

    List<LocalDate> publishedDays(String conferenceId) {
        return store.redis().smembers(daysKey(conferenceId)).stream().map(LocalDate::parse).sorted().toList();
    }

    AtomicWrite writePublished(AtomicWrite write, PublishedSnapshot snapshot,
            Supplier<? extends ProblemException> otherwise) {
        String key = publishedKey(snapshot.conferenceId(), snapshot.day());
        if (snapshot.version() == 1) {
            write.requireAbsent(key, otherwise);
        } else {
            write.requireField(key, "version", Integer.toString(snapshot.version() - 1), otherwise);
        }
        return write.hset(key, Map.of("version", Integer.toString(snapshot.version()), "v" + snapshot.version(),
                        json.writeValueAsString(snapshot)))
                .sadd(daysKey(snapshot.conferenceId()), snapshot.day().toString());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

package dev.hybridconf.rapporteur.summary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import dev.hybridconf.contracts.rapporteur.SummaryPublished;
import dev.hybridconf.contracts.rapporteur.SummaryPublished.PublishedLanguage;
import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.errors.InvalidFieldsException.Invalid;
import dev.hybridconf.kit.errors.ProblemException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.rapporteur.access.Caller;
import dev.hybridconf.rapporteur.assignments.Addresses;
import dev.hybridconf.rapporteur.corpus.Corpus;
import dev.hybridconf.rapporteur.programme.ConferenceInfo;
import dev.hybridconf.rapporteur.summary.TextRevision.GeneratedFrom;
import dev.hybridconf.rapporteur.summary.TextRevision.Source;
import dev.hybridconf.rapporteur.trends.StoredTrends;
import dev.hybridconf.rapporteur.trends.Trends;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The life of a day's summary: generate a draft, edit a language, publish a version. Each change is one atomic
 * step guarded by the revisions it read; a publication also emits {@code rapporteur.summary-published.v1} in that
 * step (the kit's outbox), so a version is never stored without its event nor announced without being stored.
 *
 * <p>Staleness: a text written from language S at revision r is stale when S's current revision is above r (only its
 * direct source counts). A version holds every language published so far: those asked for at their current revision,
 * the others as the previous version had them; each with the stale flag of the moment.
 */
@Service
class Summaries {

    private static final int ATTEMPTS = 50;

    /** A language's current text and whether it is stale. */
    record Current(TextRevision text, boolean stale, Long sourceRevision) {
    }

    /** What a publication did. */
    record Published(PublishedSnapshot snapshot, List<String> stale) {
    }

    private final SummaryStore store;
    private final DraftComposer composer;
    private final Trends trends;
    private final Corpus corpus;
    private final Clock clock;
    private final MeterRegistry meters;

    Summaries(SummaryStore store, DraftComposer composer, Trends trends, Corpus corpus, Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.composer = composer;
        this.trends = trends;
        this.corpus = corpus;
        this.clock = clock;
        this.meters = meters;
    }

    /** The current text of every language that has one, with its staleness, by language order. */
    Map<String, Current> current(String conferenceId, LocalDate day) {
        Map<String, TextRevision> texts = new LinkedHashMap<>();
        for (String language : Addresses.LANGUAGES) {
            store.current(conferenceId, day, language).ifPresent(t -> texts.put(language, t));
        }
        Map<String, Current> current = new LinkedHashMap<>();
        texts.forEach((language, text) -> {
            Long sourceRevision = text.writtenFrom() == null ? null
                    : Optional.ofNullable(texts.get(text.writtenFrom().language())).map(TextRevision::revision)
                            .orElse(0L);
            boolean stale = sourceRevision != null && sourceRevision > text.writtenFrom().revision();
            current.put(language, new Current(text, stale, sourceRevision));
        });
        return current;
    }

    Optional<StoredTrends> analysis(String conferenceId, LocalDate day) {
        return trends.day(conferenceId, day);
    }

    /** A new revision of the language generated from the day's stored trends. */
    TextRevision draft(ConferenceInfo conference, LocalDate day, String language, Caller caller) {
        Optional<StoredTrends> stored = trends.day(conference.id(), day);
        String markdown = composer.compose(conference, day, language, stored.map(StoredTrends::trends).orElse(null),
                corpus.day(conference.id(), day));
        GeneratedFrom from = new GeneratedFrom(stored.map(StoredTrends::corpusVersion).orElse(0L),
                stored.map(StoredTrends::thesaurusVersion).orElse(0L));
        TextRevision written = write(conference.id(), day, language, null, previous -> new TextRevision(language,
                previous + 1, "GENERATED", markdown, null, from, caller.subject(), clock.instant(),
                SummaryStore.sha256(markdown)));
        meters.counter("rapporteur.summary.drafts", "language", language).increment();
        return written;
    }

    /**
     * A rapporteur's text for the language; written from another language, it records that language's current
     * revision. Saving the same text from the same source again adds no revision.
     *
     * @param expectedRevision the revision the rapporteur edited ({@code If-Match}; 0: none yet), or null
     * @throws ProblemException 412 when the language is no longer at {@code expectedRevision}
     */
    TextRevision edit(String conferenceId, LocalDate day, String language, SummaryForms.Text text,
            Long expectedRevision, Caller caller) {
        return write(conferenceId, day, language, expectedRevision, previous -> {
            Source from = null;
            if (text.writtenFrom() != null) {
                TextRevision source = store.current(conferenceId, day, text.writtenFrom())
                        .orElseThrow(() -> new InvalidFieldsException(List.of(new Invalid("writtenFrom",
                                "summaries.written-from-missing", text.writtenFrom()))));
                from = new Source(source.language(), source.revision());
            }
            GeneratedFrom generated = store.current(conferenceId, day, language).map(TextRevision::generatedFrom)
                    .orElse(null);
            return new TextRevision(language, previous + 1, "EDITED", text.markdown(), from, generated,
                    caller.subject(), clock.instant(), SummaryStore.sha256(text.markdown()));
        });
    }

    private interface NextRevision {
        TextRevision after(long previous);
    }

    private TextRevision write(String conferenceId, LocalDate day, String language, Long expectedRevision,
            NextRevision next) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long current = store.current(conferenceId, day, language).map(TextRevision::revision).orElse(0L);
            if (expectedRevision != null && expectedRevision != current) {
                throw SummaryProblem.revisionMismatch(language, current);
            }
            TextRevision revision = next.after(current);
            Optional<TextRevision> before = current == 0 ? Optional.empty()
                    : store.revision(conferenceId, day, language, current);
            if ("EDITED".equals(revision.kind()) && before.isPresent() && before.get().sha256().equals(revision.sha256())
                    && Objects.equals(before.get().writtenFrom(), revision.writtenFrom())) {
                // the same text from the same source: no new revision, so nothing written from it goes stale
                return before.get();
            }
            AtomicWrite write = store.redis().atomically();
            store.requireCurrent(write, conferenceId, day, language, current, ChangedMeanwhile::new);
            if (revision.writtenFrom() != null) {
                // the source read must still be current, or the text would be stale the moment it is stored
                store.requireCurrent(write, conferenceId, day, revision.writtenFrom().language(),
                        revision.writtenFrom().revision(), ChangedMeanwhile::new);
            }
            store.writeRevision(write, conferenceId, day, revision);
            try {
                write.execute();
                return revision;
            } catch (ChangedMeanwhile raced) {
                if (expectedRevision != null) {
                    long now = store.current(conferenceId, day, language).map(TextRevision::revision).orElse(0L);
                    if (now != expectedRevision) {
                        throw SummaryProblem.revisionMismatch(language, now);
                    }
                }
            }
        }
        throw SummaryProblem.changedConcurrently();
    }

    /**
     * Publishes the next version of the day's summary.
     *
     * @throws SummaryProblem 409 {@code nothing-changed}, 409 {@code stale-languages} (unless allowed), 400
     *                        {@code correction-note-required}
     */
    Published publish(ConferenceInfo conference, LocalDate day, SummaryForms.Publication request, Caller caller) {
        String conferenceId = conference.id();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Map<String, Current> current = current(conferenceId, day);
            List<Invalid> missingText = new ArrayList<>();
            for (int i = 0; i < request.languages().size(); i++) {
                if (!current.containsKey(request.languages().get(i))) {
                    missingText.add(new Invalid("languages", "summaries.no-text", request.languages().get(i)));
                }
            }
            if (!missingText.isEmpty()) {
                throw new InvalidFieldsException(missingText);
            }
            int previousVersion = store.latestVersion(conferenceId, day);
            PublishedSnapshot previous = previousVersion == 0 ? null
                    : store.published(conferenceId, day, previousVersion).orElse(null);
            Map<String, PublishedSnapshot.Text> before = new LinkedHashMap<>();
            if (previous != null) {
                previous.texts().forEach(t -> before.put(t.language(), t));
            }
            List<PublishedSnapshot.Text> texts = new ArrayList<>();
            List<String> stale = new ArrayList<>();
            for (String language : Addresses.LANGUAGES) {
                PublishedSnapshot.Text text;
                if (request.languages().contains(language)) {
                    TextRevision revision = current.get(language).text();
                    text = new PublishedSnapshot.Text(language, revision.revision(), revision.markdown(),
                            revision.writtenFrom(), false, revision.sha256());
                } else if (before.containsKey(language)) {
                    text = before.get(language);
                } else {
                    continue;
                }
                boolean isStale = text.writtenFrom() != null && Optional.ofNullable(current.get(
                        text.writtenFrom().language())).map(c -> c.text().revision()).orElse(0L)
                        > text.writtenFrom().revision();
                text = new PublishedSnapshot.Text(text.language(), text.revision(), text.markdown(),
                        text.writtenFrom(), isStale, text.sha256());
                if (isStale) {
                    stale.add(language);
                }
                texts.add(text);
            }
            List<String> staleAsked = stale.stream().filter(request.languages()::contains).toList();
            if (!staleAsked.isEmpty() && !request.allowStale()) {
                throw SummaryProblem.staleLanguages(staleAsked);
            }
            List<String> changed = texts.stream().filter(t -> !before.containsKey(t.language())
                    || !before.get(t.language()).sha256().equals(t.sha256())).map(PublishedSnapshot.Text::language)
                    .toList();
            if (previous != null && changed.isEmpty()) {
                throw SummaryProblem.nothingChanged(previousVersion);
            }
            int version = previousVersion + 1;
            Map<String, String> notes = new LinkedHashMap<>();
            if (version >= 2) {
                List<String> lacking = changed.stream().filter(l -> !request.notes().containsKey(l)).toList();
                if (!lacking.isEmpty()) {
                    throw SummaryProblem.correctionNoteRequired(version, lacking);
                }
                List<Invalid> extra = request.notes().keySet().stream().filter(l -> !changed.contains(l))
                        .map(l -> new Invalid("notes." + l, "summaries.note-unchanged", l)).toList();
                if (!extra.isEmpty()) {
                    throw new InvalidFieldsException(extra);
                }
                changed.forEach(l -> notes.put(l, request.notes().get(l)));
            }
            List<String> published = texts.stream().map(PublishedSnapshot.Text::language).toList();
            List<String> working = conference.languages().stream().filter(Addresses.LANGUAGES::contains).toList();
            List<String> missing = (working.isEmpty() ? Addresses.LANGUAGES : working).stream()
                    .filter(l -> !published.contains(l)).toList();
            Instant now = clock.instant();
            PublishedSnapshot snapshot = new PublishedSnapshot(conferenceId, day, version, now, caller.subject(),
                    texts, missing, changed, notes);

            AtomicWrite write = store.redis().atomically();
            // guarded by every revision read: the texts published and the sources their stale flags came from
            for (String language : Addresses.LANGUAGES) {
                long read = Optional.ofNullable(current.get(language)).map(c -> c.text().revision()).orElse(0L);
                store.requireCurrent(write, conferenceId, day, language, read, ChangedMeanwhile::new);
            }
            store.writePublished(write, snapshot, ChangedMeanwhile::new);
            write.emit(new SummaryPublished(conferenceId, day, version, texts.stream()
                    .map(t -> new PublishedLanguage(t.language(), t.revision(), t.writtenFrom() == null ? null
                            : new SummaryPublished.Source(t.writtenFrom().language(), t.writtenFrom().revision()),
                            t.stale(), t.sha256())).toList(),
                    missing, changed, notes, version == 1 ? null : version - 1, caller.subject(), now));
            try {
                write.execute();
            } catch (ChangedMeanwhile raced) {
                continue;
            }
            meters.counter("rapporteur.summary.publications").increment();
            return new Published(snapshot, stale);
        }
        throw SummaryProblem.changedConcurrently();
    }

    /** Something the step read changed before it was applied: read again. */
    private static final class ChangedMeanwhile extends ProblemException {

        ChangedMeanwhile() {
            super(HttpStatus.CONFLICT, "summary-changed-concurrently", "summaries.changed");
        }
    }
}

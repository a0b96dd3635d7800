package dev.hybridconf.rapporteur.summary;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.errors.InvalidFieldsException.Invalid;
import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.rapporteur.access.Caller;
import dev.hybridconf.rapporteur.assignments.Addresses;
import dev.hybridconf.rapporteur.assignments.Assignments;
import dev.hybridconf.rapporteur.programme.ConferenceInfo;
import dev.hybridconf.rapporteur.programme.Programme;
import dev.hybridconf.rapporteur.summary.TextRevision.GeneratedFrom;
import dev.hybridconf.rapporteur.summary.TextRevision.Source;
import dev.hybridconf.rapporteur.trends.StoredTrends;
import tools.jackson.databind.JsonNode;

/**
 * A day's summary for its rapporteurs: its state (every language's current text, stale or not and why, missing
 * languages, whether the analysis moved since the draft, published versions), drafts generated from the trends,
 * edits ({@code If-Match: "<revision>"}, 412 when the language moved), every revision, publication. Rapporteurs and
 * organisers read; only a rapporteur assigned to the day writes (any other rapporteur: 403 {@code not-assigned}).
 */
@RestController
@RequestMapping("/api/rapporteur/conferences/{conferenceId}/days/{day}/summary")
class SummaryController {

    record RevisionView(String conferenceId, LocalDate day, String language, long revision, String kind,
            String markdown, Source writtenFrom, GeneratedFrom generatedFrom, String author, OffsetDateTime at,
            String sha256) {
    }

    record RevisionSummary(long revision, String kind, Source writtenFrom, GeneratedFrom generatedFrom, String author,
            OffsetDateTime at, String sha256, int length) {
    }

    record RevisionsView(String conferenceId, LocalDate day, String language, long current,
            List<RevisionSummary> revisions) {
    }

    record TextState(String language, long revision, String kind, String markdown, Source writtenFrom, boolean stale,
            String why, GeneratedFrom generatedFrom, boolean analysisNewer, String author, OffsetDateTime at,
            Long publishedRevision, boolean changedSincePublished) {
    }

    record AnalysisState(long corpusVersion, long thesaurusVersion, OffsetDateTime analysedAt, boolean pending) {
    }

    record PublishedLanguageState(String language, long revision, boolean stale, String writtenFrom) {
    }

    record VersionState(int version, OffsetDateTime publishedAt, String publishedBy,
            List<PublishedLanguageState> languages, List<String> missing, List<String> changed,
            Map<String, String> notes) {
    }

    record SummaryState(String conferenceId, LocalDate day, List<String> languages, List<TextState> texts,
            List<String> missing, List<String> stale, boolean analysisNewer, AnalysisState analysis,
            List<VersionState> published) {
    }

    record PublishedView(String conferenceId, LocalDate day, int version, OffsetDateTime publishedAt,
            List<PublishedLanguageState> languages, List<String> missing, List<String> changed, List<String> stale,
            Map<String, String> notes) {
    }

    private final Summaries summaries;
    private final SummaryStore store;
    private final SummaryTexts texts;
    private final Programme programme;
    private final Assignments assignments;

    SummaryController(Summaries summaries, SummaryStore store, SummaryTexts texts, Programme programme,
            Assignments assignments) {
        this.summaries = summaries;
        this.store = store;
        this.texts = texts;
        this.programme = programme;
        this.assignments = assignments;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('rapporteur','organiser')")
    SummaryState state(@PathVariable String conferenceId, @PathVariable String day,
            @RequestParam(name = "lang", required = false) String lang) {
        ConferenceInfo conference = Addresses.conference(programme, conferenceId);
        LocalDate date = Addresses.day(conference, day);
        String reader = readerLanguage(lang);
        ZoneId zone = conference.zone();
        Map<String, Summaries.Current> current = summaries.current(conference.id(), date);
        Optional<StoredTrends> analysis = summaries.analysis(conference.id(), date);
        List<PublishedSnapshot> published = store.published(conference.id(), date);
        PublishedSnapshot latest = published.isEmpty() ? null : published.get(published.size() - 1);
        List<TextState> states = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        boolean anyNewer = false;
        for (Summaries.Current c : current.values()) {
            TextRevision t = c.text();
            String why = null;
            if (c.stale()) {
                stale.add(t.language());
                why = texts.text(reader, "summary.stale-why", texts.text(reader, "summary.language."
                        + t.writtenFrom().language()), t.writtenFrom().revision(), c.sourceRevision());
            }
            boolean newer = t.generatedFrom() != null && analysis.isPresent()
                    && (analysis.get().corpusVersion() != t.generatedFrom().corpusVersion()
                            || analysis.get().thesaurusVersion() != t.generatedFrom().thesaurusVersion());
            anyNewer |= newer;
            Optional<PublishedSnapshot.Text> was = latest == null ? Optional.empty()
                    : latest.texts().stream().filter(p -> p.language().equals(t.language())).findFirst();
            states.add(new TextState(t.language(), t.revision(), t.kind(), t.markdown(), t.writtenFrom(), c.stale(),
                    why, t.generatedFrom(), newer, t.author(), at(t.at(), zone),
                    was.map(PublishedSnapshot.Text::revision).orElse(null),
                    was.map(p -> !p.sha256().equals(t.sha256())).orElse(true)));
        }
        List<String> working = working(conference);
        List<String> missing = working.stream().filter(l -> !current.containsKey(l)).toList();
        AnalysisState analysisState = analysis.map(a -> new AnalysisState(a.corpusVersion(), a.thesaurusVersion(),
                at(a.analysedAt(), zone), a.pending())).orElse(null);
        return new SummaryState(conference.id(), date, working, states, missing, stale, anyNewer, analysisState,
                published.stream().map(p -> new VersionState(p.version(), at(p.publishedAt(), zone), p.publishedBy(),
                        languages(p), p.missing(), p.changed(), p.notes())).toList());
    }

    @PostMapping("/draft")
    @PreAuthorize("hasRole('rapporteur')")
    ResponseEntity<RevisionView> draft(@PathVariable String conferenceId, @PathVariable String day,
            @RequestParam(name = "lang", required = false) String lang, @AuthenticationPrincipal Jwt jwt) {
        ConferenceInfo conference = Addresses.conference(programme, conferenceId);
        LocalDate date = Addresses.day(conference, day);
        if (lang == null || !Addresses.LANGUAGES.contains(lang)) {
            throw new InvalidFieldsException(List.of(new Invalid("lang", "summaries.field.language")));
        }
        Caller caller = Caller.of(jwt);
        assignments.requireAssigned(conference.id(), date, caller);
        TextRevision revision = summaries.draft(conference, date, lang, caller);
        return ResponseEntity.created(revisionUri(conference.id(), date, revision)).eTag(etag(revision))
                .body(view(conference, date, revision));
    }

    @PutMapping("/{lang}")
    @PreAuthorize("hasRole('rapporteur')")
    ResponseEntity<RevisionView> edit(@PathVariable String conferenceId, @PathVariable String day,
            @PathVariable String lang, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) JsonNode body, @AuthenticationPrincipal Jwt jwt) {
        ConferenceInfo conference = Addresses.conference(programme, conferenceId);
        LocalDate date = Addresses.day(conference, day);
        String language = Addresses.language(lang);
        Caller caller = Caller.of(jwt);
        SummaryForms.Text text = SummaryForms.text(body, language);
        assignments.requireAssigned(conference.id(), date, caller);
        TextRevision revision = summaries.edit(conference.id(), date, language, text,
                Addresses.expectedVersion(ifMatch), caller);
        return ResponseEntity.ok().eTag(etag(revision)).body(view(conference, date, revision));
    }

    @GetMapping("/{lang}/revisions")
    @PreAuthorize("hasAnyRole('rapporteur','organiser')")
    RevisionsView revisions(@PathVariable String conferenceId, @PathVariable String day, @PathVariable String lang) {
        ConferenceInfo conference = Addresses.conference(programme, conferenceId);
        LocalDate date = Addresses.day(conference, day);
        String language = Addresses.language(lang);
        List<TextRevision> all = store.revisions(conference.id(), date, language);
        return new RevisionsView(conference.id(), date, language,
                all.isEmpty() ? 0 : all.get(all.size() - 1).revision(),
                all.stream().map(r -> new RevisionSummary(r.revision(), r.kind(), r.writtenFrom(), r.generatedFrom(),
                        r.author(), at(r.at(), conference.zone()), r.sha256(), r.markdown().length())).toList());
    }

    @GetMapping("/{lang}/revisions/{revision}")
    @PreAuthorize("hasAnyRole('rapporteur','organiser')")
    ResponseEntity<RevisionView> revision(@PathVariable String conferenceId, @PathVariable String day,
            @PathVariable String lang, @PathVariable String revision) {
        ConferenceInfo conference = Addresses.conference(programme, conferenceId);
        LocalDate date = Addresses.day(conference, day);
        String language = Addresses.language(lang);
        if (!revision.matches("[1-9]\\d{0,8}")) {
            throw new NotFoundException("summaries.revision-not-found", language);
        }
        TextRevision found = store.revision(conference.id(), date, language, Long.parseLong(revision))
                .orElseThrow(() -> new NotFoundException("summaries.revision-not-found", language));
        return ResponseEntity.ok().eTag(etag(found)).body(view(conference, date, found));
    }

    @PostMapping("/publish")
    @PreAuthorize("hasRole('rapporteur')")
    ResponseEntity<PublishedView> publish(@PathVariable String conferenceId, @PathVariable String day,
            @RequestBody(required = false) JsonNode body, @AuthenticationPrincipal Jwt jwt) {
        ConferenceInfo conference = Addresses.conference(programme, conferenceId);
        LocalDate date = Addresses.day(conference, day);
        Caller caller = Caller.of(jwt);
        SummaryForms.Publication request = SummaryForms.publication(body);
        assignments.requireAssigned(conference.id(), date, caller);
        Summaries.Published done = summaries.publish(conference, date, request, caller);
        PublishedSnapshot s = done.snapshot();
        return ResponseEntity.created(URI.create("/api/rapporteur/conferences/" + conference.id() + "/days/" + date
                + "/summary/published?version=" + s.version()))
                .body(new PublishedView(s.conferenceId(), s.day(), s.version(), at(s.publishedAt(), conference.zone()),
                        languages(s), s.missing(), s.changed(), done.stale(), s.notes()));
    }

    private static List<PublishedLanguageState> languages(PublishedSnapshot snapshot) {
        return snapshot.texts().stream().map(t -> new PublishedLanguageState(t.language(), t.revision(), t.stale(),
                t.writtenFrom() == null ? null : t.writtenFrom().language())).toList();
    }

    private static List<String> working(ConferenceInfo conference) {
        List<String> working = conference.languages().stream().filter(Addresses.LANGUAGES::contains).toList();
        return working.isEmpty() ? Addresses.LANGUAGES : working;
    }

    /** {@code ?lang=} when it is one of ours, else the request's {@code Accept-Language}, else English. */
    private static String readerLanguage(String lang) {
        if (lang != null && Addresses.LANGUAGES.contains(lang)) {
            return lang;
        }
        String accepted = LocaleContextHolder.getLocale().getLanguage();
        return Addresses.LANGUAGES.contains(accepted) ? accepted : "en";
    }

    private static OffsetDateTime at(java.time.Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    private static String etag(TextRevision revision) {
        return "\"" + revision.revision() + "\"";
    }

    private static URI revisionUri(String conferenceId, LocalDate day, TextRevision revision) {
        return URI.create("/api/rapporteur/conferences/" + conferenceId + "/days/" + day + "/summary/"
                + revision.language() + "/revisions/" + revision.revision());
    }

    private static RevisionView view(ConferenceInfo conference, LocalDate day, TextRevision r) {
        return new RevisionView(conference.id(), day, r.language(), r.revision(), r.kind(), r.markdown(),
                r.writtenFrom(), r.generatedFrom(), r.author(), at(r.at(), conference.zone()), r.sha256());
    }
}

package dev.hybridconf.rapporteur.thesaurus;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.rapporteur.access.Caller;
import dev.hybridconf.rapporteur.analysis.Concept;
import dev.hybridconf.rapporteur.programme.ConferenceInfo;
import dev.hybridconf.rapporteur.programme.Programme;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A conference's thesaurus: rapporteurs and organisers read it (JSON, or CSV for a spreadsheet); organisers replace
 * it as a whole, in JSON or CSV, all or nothing. Answers carry the version as {@code ETag}; a {@code PUT} with
 * {@code If-Match} applies only to that version (412 otherwise), one without to the current one. Roles are the
 * service's role paths.
 */
@RestController
@RequestMapping("/api/rapporteur/conferences/{conferenceId}")
class ThesaurusController {

    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final List<MediaType> CSV_TYPES = List.of(MediaType.parseMediaType("text/csv"),
            MediaType.parseMediaType("application/csv"), MediaType.parseMediaType("text/comma-separated-values"));

    private final RedisThesaurusStore thesauri;
    private final Programme programme;
    private final LabelAnalysis analysis;

    ThesaurusController(RedisThesaurusStore thesauri, Programme programme, LabelAnalysis analysis) {
        this.thesauri = thesauri;
        this.programme = programme;
        this.analysis = analysis;
    }

    /** The thesaurus as kept (version 0 and no concept when none was loaded); concepts by id. */
    record ThesaurusView(String conferenceId, long version, OffsetDateTime updatedAt, List<ConceptView> concepts) {

        static ThesaurusView of(StoredThesaurus stored, ConferenceInfo conference) {
            return new ThesaurusView(stored.conferenceId(), stored.version(),
                    stored.updatedAt() == null ? null : stored.updatedAt().atZone(conference.zone()).toOffsetDateTime(),
                    stored.concepts().stream().map(ConceptView::of).toList());
        }
    }

    /** A concept with its labels in the order en, fr, es (the CSV's columns). */
    record ConceptView(String id, Map<String, List<String>> labels, boolean ignore) {

        static ConceptView of(Concept concept) {
            Map<String, List<String>> labels = new LinkedHashMap<>();
            for (String language : ThesaurusRules.LANGUAGES) {
                List<String> alternatives = concept.labels().get(language);
                if (alternatives != null) {
                    labels.put(language, alternatives);
                }
            }
            return new ConceptView(concept.id(), labels, concept.ignore());
        }
    }

    @GetMapping("/thesaurus")
    ResponseEntity<ThesaurusView> get(@PathVariable String conferenceId) {
        ConferenceInfo conference = conference(conferenceId);
        StoredThesaurus stored = thesauri.stored(conferenceId);
        return ResponseEntity.ok().eTag(stored.etag()).body(ThesaurusView.of(stored, conference));
    }

    /** The thesaurus as the CSV the upload reads, every cell guarded against spreadsheet formulas. */
    @GetMapping("/thesaurus.csv")
    ResponseEntity<String> csv(@PathVariable String conferenceId) {
        conference(conferenceId);
        StoredThesaurus stored = thesauri.stored(conferenceId);
        return ResponseEntity.ok().contentType(CSV).eTag(stored.etag())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"thesaurus-" + conferenceId + ".csv\"")
                .body(ThesaurusCsv.write(stored.concepts()));
    }

    /** Replaces the whole thesaurus with the body ({@code application/json} or {@code text/csv}). */
    @PutMapping("/thesaurus")
    ResponseEntity<ThesaurusView> put(@PathVariable String conferenceId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) throws IOException {
        ConferenceInfo conference = conference(conferenceId);
        MediaType type = mediaType(request.getContentType());
        byte[] body = request.getInputStream().readAllBytes();
        List<Concept> concepts;
        if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            concepts = ThesaurusForm.read(body, analysis);
        } else {
            Charset charset = type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
            byte[] utf8 = charset.equals(StandardCharsets.UTF_8) ? body
                    : new String(body, charset).getBytes(StandardCharsets.UTF_8);
            concepts = ThesaurusCsv.read(utf8, analysis);
        }
        StoredThesaurus stored = thesauri.replace(conferenceId, concepts, expectedVersion(ifMatch),
                Caller.of(jwt).subject());
        return ResponseEntity.ok().eTag(stored.etag()).body(ThesaurusView.of(stored, conference));
    }

    private static MediaType mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw ThesaurusProblem.mediaType();
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()
                    && !type.isWildcardSubtype()) {
                return type;
            }
            if (CSV_TYPES.stream().noneMatch(type::equalsTypeAndSubtype)) {
                throw ThesaurusProblem.mediaType();
            }
            type.getCharset();
            return type;
        } catch (IllegalArgumentException unknown) {
            throw ThesaurusProblem.mediaType();
        }
    }

    private ConferenceInfo conference(String conferenceId) {
        if (conferenceId.length() > 100) {
            throw new NotFoundException("thesaurus.conference.not-found", "…");
        }
        return programme.conference(conferenceId)
                .orElseThrow(() -> new NotFoundException("thesaurus.conference.not-found", conferenceId));
    }

    /**
     * The version {@code If-Match} names: null when absent or {@code *} (the current one); a header naming no single
     * version of ours matches nothing (-1: 412).
     */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher matcher = ETAG.matcher(ifMatch.strip());
        return matcher.matches() ? Long.parseLong(matcher.group(1)) : -1L;
    }
}

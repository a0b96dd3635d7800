package dev.hybridconf.interpretation.roster;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.interpretation.roster.InterpreterView.RosterList;
import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.errors.InvalidFieldsException.Invalid;
import dev.hybridconf.kit.errors.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

/**
 * The interpreter roster of a conference: organisers list, add, change, remove, import (CSV) and export (CSV)
 * entries; an interpreter reads their own entry (by its id, or as {@code /me/interpreter}), and nobody else's
 * (404: they cannot tell it exists). Writes answer the entry's version as its {@code ETag}; a {@code PUT} or
 * {@code DELETE} with {@code If-Match} applies only to that version (412 otherwise), one without applies to the
 * current one.
 */
@RestController
@RequestMapping("/api/interpretation")
class RosterController {

    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final RedisRoster roster;
    private final RosterImport imports;

    RosterController(RedisRoster roster, RosterImport imports) {
        this.roster = roster;
        this.imports = imports;
    }

    @GetMapping("/conferences/{conferenceId}/interpreters")
    @PreAuthorize("hasRole('organiser')")
    RosterList list(@PathVariable String conferenceId) {
        conference(conferenceId);
        return new RosterList(conferenceId, roster.forConference(conferenceId).stream().map(InterpreterView::of).toList());
    }

    @PostMapping("/conferences/{conferenceId}/interpreters")
    @PreAuthorize("hasRole('organiser')")
    ResponseEntity<InterpreterView> create(@PathVariable String conferenceId,
            @RequestBody(required = false) JsonNode body) {
        conference(conferenceId);
        InterpreterProfile created = roster.create(conferenceId,
                InterpreterForm.read(body, roster.conferenceDays(conferenceId)));
        return ResponseEntity.created(URI.create("/api/interpretation/conferences/" + conferenceId + "/interpreters/"
                + created.interpreterId())).eTag(InterpreterView.etag(created)).body(InterpreterView.of(created));
    }

    /** Organisers, or the interpreter whose registration the entry is linked to; anyone else gets 404. */
    @GetMapping("/conferences/{conferenceId}/interpreters/{interpreterId}")
    ResponseEntity<InterpreterView> get(@PathVariable String conferenceId, @PathVariable String interpreterId,
            Authentication caller) {
        InterpreterProfile entry = roster.find(conferenceId, interpreterId)
                .filter(found -> organiser(caller) || subject(caller).equals(found.registrationId()))
                .orElseThrow(() -> new NotFoundException("roster.interpreter.not-found", interpreterId));
        return ResponseEntity.ok().eTag(InterpreterView.etag(entry)).body(InterpreterView.of(entry));
    }

    @PutMapping("/conferences/{conferenceId}/interpreters/{interpreterId}")
    @PreAuthorize("hasRole('organiser')")
    ResponseEntity<InterpreterView> replace(@PathVariable String conferenceId, @PathVariable String interpreterId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) JsonNode body) {
        if (roster.find(conferenceId, interpreterId).isEmpty()) {
            throw new NotFoundException("roster.interpreter.not-found", interpreterId);
        }
        InterpreterProfile replaced = roster.replace(conferenceId, interpreterId,
                InterpreterForm.read(body, roster.conferenceDays(conferenceId)), expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(InterpreterView.etag(replaced)).body(InterpreterView.of(replaced));
    }

    @DeleteMapping("/conferences/{conferenceId}/interpreters/{interpreterId}")
    @PreAuthorize("hasRole('organiser')")
    ResponseEntity<Void> delete(@PathVariable String conferenceId, @PathVariable String interpreterId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        if (roster.find(conferenceId, interpreterId).isEmpty()) {
            throw new NotFoundException("roster.interpreter.not-found", interpreterId);
        }
        roster.delete(conferenceId, interpreterId, expectedVersion(ifMatch));
        return ResponseEntity.noContent().build();
    }

    /**
     * Imports a CSV body ({@code text/csv}, UTF-8 unless its charset says otherwise), all or nothing; with
     * {@code dryRun=true} only checks it. Answers what each row did (or would do).
     */
    @PostMapping("/conferences/{conferenceId}/interpreters/import")
    @PreAuthorize("hasRole('organiser')")
    ImportReport importCsv(@PathVariable String conferenceId,
            @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun, HttpServletRequest request)
            throws IOException {
        conference(conferenceId);
        String contentType = request.getContentType();
        CsvRosterFile.charset(contentType);
        byte[] body = request.getInputStream().readAllBytes();
        return imports.upload(conferenceId, body, contentType, dryRun, LocaleContextHolder.getLocale());
    }

    /** The roster as CSV, the columns the import reads, every cell guarded against spreadsheet formulas. */
    @GetMapping("/conferences/{conferenceId}/interpreters.csv")
    @PreAuthorize("hasRole('organiser')")
    ResponseEntity<String> export(@PathVariable String conferenceId) {
        conference(conferenceId);
        String csv = RosterCsv.export(roster.forConference(conferenceId), roster.conferenceDays(conferenceId));
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"interpreters-" + conferenceId + ".csv\"")
                .body(csv);
    }

    /** The signed-in interpreter's own entry in a conference's roster (matched by their registration), or 404. */
    @GetMapping("/me/interpreter")
    @PreAuthorize("hasRole('interpreter')")
    ResponseEntity<InterpreterView> me(@RequestParam(name = "conference", required = false) String conference,
            Authentication caller) {
        if (conference == null || conference.isBlank()) {
            throw new InvalidFieldsException(List.of(new Invalid("conference", "roster.field.required")));
        }
        InterpreterProfile entry = roster.byRegistration(conference, subject(caller))
                .orElseThrow(() -> new NotFoundException("roster.me.not-found", conference));
        return ResponseEntity.ok().eTag(InterpreterView.etag(entry)).body(InterpreterView.of(entry));
    }

    /** A conference id as the session service writes them; anything else names no roster. */
    private static void conference(String conferenceId) {
        if (!ProfileRules.conferenceId(conferenceId)) {
            throw new NotFoundException("roster.conference.not-found", conferenceId);
        }
    }

    /**
     * The version {@code If-Match} names: null when absent or {@code *} (any current version); a header that names
     * no single version of ours can match nothing (-1: 412).
     */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher matcher = ETAG.matcher(ifMatch.strip());
        return matcher.matches() ? Long.parseLong(matcher.group(1)) : -1L;
    }

    private static boolean organiser(Authentication caller) {
        return caller != null && caller.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_organiser".equals(authority.getAuthority()));
    }

    private static String subject(Authentication caller) {
        if (caller == null) {
            return "";
        }
        String subject = caller.getPrincipal() instanceof Jwt jwt ? jwt.getSubject() : caller.getName();
        return subject == null ? "" : subject;
    }
}

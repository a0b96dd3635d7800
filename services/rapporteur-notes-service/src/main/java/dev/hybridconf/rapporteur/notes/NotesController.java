package dev.hybridconf.rapporteur.notes;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.rapporteur.access.Caller;
import dev.hybridconf.rapporteur.assignments.Addresses;
import dev.hybridconf.rapporteur.assignments.Assignments;
import dev.hybridconf.rapporteur.programme.ConferenceInfo;
import dev.hybridconf.rapporteur.programme.Programme;
import dev.hybridconf.rapporteur.programme.SessionInfo;
import tools.jackson.databind.JsonNode;

/**
 * Notes of a session: every rapporteur and organiser reads them; a rapporteur assigned to the session's day writes
 * one; only its author edits or deletes it (anyone else: 404). Each note's revision is its {@code ETag}; {@code PUT}
 * and {@code DELETE} with {@code If-Match} apply only to that revision (412 otherwise). Times in the conference's zone.
 */
@RestController
@RequestMapping("/api/rapporteur/sessions/{sessionId}/notes")
class NotesController {

    record NoteView(String noteId, String sessionId, String conferenceId, LocalDate day, String author, boolean mine,
            String language, String text, long revision, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    record NotesView(String sessionId, String conferenceId, LocalDate day, List<NoteView> notes) {
    }

    private final Notes notes;
    private final Programme programme;
    private final Assignments assignments;

    NotesController(Notes notes, Programme programme, Assignments assignments) {
        this.notes = notes;
        this.programme = programme;
        this.assignments = assignments;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('rapporteur','organiser')")
    NotesView list(@PathVariable String sessionId, @AuthenticationPrincipal Jwt jwt) {
        SessionInfo session = Addresses.session(programme, sessionId);
        ZoneId zone = zone(session);
        Caller caller = Caller.of(jwt);
        return new NotesView(session.id(), session.conferenceId(), session.day(),
                notes.forSession(session.id()).stream().map(n -> view(n, caller, zone)).toList());
    }

    @PostMapping
    @PreAuthorize("hasRole('rapporteur')")
    ResponseEntity<NoteView> create(@PathVariable String sessionId, @RequestBody(required = false) JsonNode body,
            @AuthenticationPrincipal Jwt jwt) {
        SessionInfo session = Addresses.session(programme, sessionId);
        Caller caller = Caller.of(jwt);
        NoteForm.Fields fields = NoteForm.read(body);
        assignments.requireAssigned(session.conferenceId(), session.day(), caller);
        Note note = notes.create(session, fields, caller);
        return ResponseEntity.created(URI.create("/api/rapporteur/sessions/" + session.id() + "/notes/" + note.noteId()))
                .eTag(etag(note)).body(view(note, caller, zone(session)));
    }

    @PutMapping("/{noteId}")
    @PreAuthorize("hasRole('rapporteur')")
    ResponseEntity<NoteView> edit(@PathVariable String sessionId, @PathVariable String noteId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) JsonNode body, @AuthenticationPrincipal Jwt jwt) {
        SessionInfo session = Addresses.session(programme, sessionId);
        Caller caller = Caller.of(jwt);
        Note own = notes.own(session.id(), noteId, caller);
        NoteForm.Fields fields = NoteForm.read(body);
        assignments.requireAssigned(session.conferenceId(), session.day(), caller);
        Note edited = notes.edit(own, fields, Addresses.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(etag(edited)).body(view(edited, caller, zone(session)));
    }

    @DeleteMapping("/{noteId}")
    @PreAuthorize("hasRole('rapporteur')")
    ResponseEntity<Void> delete(@PathVariable String sessionId, @PathVariable String noteId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Jwt jwt) {
        SessionInfo session = Addresses.session(programme, sessionId);
        Caller caller = Caller.of(jwt);
        Note own = notes.own(session.id(), noteId, caller);
        assignments.requireAssigned(session.conferenceId(), session.day(), caller);
        notes.delete(own, Addresses.expectedVersion(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private ZoneId zone(SessionInfo session) {
        return programme.conference(session.conferenceId()).map(ConferenceInfo::zone).orElse(ZoneOffset.UTC);
    }

    private static String etag(Note note) {
        return "\"" + note.revision() + "\"";
    }

    private static NoteView view(Note note, Caller caller, ZoneId zone) {
        return new NoteView(note.noteId(), note.sessionId(), note.conferenceId(), note.day(), note.author(),
                caller.subject() != null && note.author().equals(Addresses.id(caller.subject())), note.language(),
                note.text(), note.revision(), note.createdAt().atZone(zone).toOffsetDateTime(),
                note.updatedAt().atZone(zone).toOffsetDateTime());
    }
}

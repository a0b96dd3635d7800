package dev.hybridconf.session.programme;

import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/** One session: read it in any zone; organisers change, move and cancel it, and import whole programmes. */
@RestController
@RequestMapping("/api/sessions")
class SessionController {

    private final ProgrammeService programme;
    private final ProgrammeQueries queries;

    SessionController(ProgrammeService programme, ProgrammeQueries queries) {
        this.programme = programme;
        this.queries = queries;
    }

    @GetMapping("/{sessionId}")
    SessionView session(@PathVariable UUID sessionId, @RequestParam(required = false) String tz) {
        return queries.session(sessionId.toString(), tz);
    }

    /** Replaces every detail of a scheduled session (same body as scheduling it); new times reschedule it. */
    @PutMapping("/{sessionId}")
    @PreAuthorize("hasRole('organiser')")
    SessionView update(@PathVariable UUID sessionId, @RequestBody JsonNode body) {
        ProgrammeSession session = programme.update(sessionId.toString(), body);
        return queries.view(session, new ViewerZone(session.zone()));
    }

    /** Moves a session: {@code {"day": "2024-11-08", "start": "11:30", "end": "13:00", "room": "..."}} (room optional). */
    @PostMapping("/{sessionId}/move")
    @PreAuthorize("hasRole('organiser')")
    SessionView move(@PathVariable UUID sessionId, @RequestBody JsonNode body) {
        ProgrammeSession session = programme.move(sessionId.toString(), body);
        return queries.view(session, new ViewerZone(session.zone()));
    }

    @PostMapping("/{sessionId}/cancel")
    @PreAuthorize("hasRole('organiser')")
    SessionView cancel(@PathVariable UUID sessionId) {
        ProgrammeSession session = programme.cancel(sessionId.toString());
        return queries.view(session, new ViewerZone(session.zone()));
    }

    /** Imports a whole programme (YAML or JSON); the conference is the file's {@code conference.id}. */
    @PostMapping("/programmes")
    @PreAuthorize("hasRole('organiser')")
    ImportResult importProgramme(@RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestBody(required = false) byte[] file) {
        return programme.importProgramme(ProgrammeFiles.read(file, contentType), null, "IMPORT");
    }
}

package dev.hybridconf.session.programme;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
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

import dev.hybridconf.kit.web.PublicBaseUrl;
import tools.jackson.databind.JsonNode;

/**
 * Conferences, their days and their programme. Any signed-in user reads (participants browse the
 * programme in their own time zone); organisers write. Organiser endpoints with a body are also in
 * {@code platform.security.role-paths}, so others get 403 before the body is read.
 */
@RestController
@RequestMapping("/api/sessions/conferences")
class ConferenceController {

    private final ProgrammeService programme;
    private final ProgrammeQueries queries;
    private final PublicBaseUrl publicBase;

    ConferenceController(ProgrammeService programme, ProgrammeQueries queries, PublicBaseUrl publicBase) {
        this.programme = programme;
        this.queries = queries;
        this.publicBase = publicBase;
    }

    @GetMapping
    List<ConferenceSummary> conferences() {
        return queries.conferences();
    }

    @GetMapping("/{conferenceId}")
    ConferenceView conference(@PathVariable String conferenceId, @RequestParam(required = false) String tz) {
        return queries.conference(conferenceId, tz);
    }

    /**
     * The programme by conference day, filtered by {@code day} (a conference day), {@code kind},
     * {@code track}, {@code language} (a code of two or three letters: sessions held in it, on the floor or as an
     * interpretation channel) and {@code format}, times in {@code tz}.
     */
    @GetMapping("/{conferenceId}/programme")
    ProgrammeView programme(@PathVariable String conferenceId, @RequestParam(required = false) String day,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String track,
            @RequestParam(required = false) String language, @RequestParam(required = false) String format,
            @RequestParam(required = false) String tz) {
        return queries.programme(conferenceId, new ProgrammeQueries.Filter(day, kind, track, language, format), tz);
    }

    /** Every published change after programme version {@code since}, oldest first (200 at most). */
    @GetMapping("/{conferenceId}/changelog")
    ChangelogView changelog(@PathVariable String conferenceId, @RequestParam(defaultValue = "0") long since,
            @RequestParam(required = false) String tz) {
        return queries.changelog(conferenceId, since, tz);
    }

    @PostMapping
    @PreAuthorize("hasRole('organiser')")
    ResponseEntity<ConferenceView> create(@RequestBody JsonNode body) {
        Conference conference = programme.createConference(body);
        return ResponseEntity.created(publicBase.uri("/api/sessions/conferences/" + conference.id()))
                .body(queries.conference(conference.id(), null));
    }

    /** Replaces the conference's details (and its days, when listed); sessions keep their local times. */
    @PutMapping("/{conferenceId}")
    @PreAuthorize("hasRole('organiser')")
    ConferenceView update(@PathVariable String conferenceId, @RequestBody JsonNode body) {
        programme.updateConference(conferenceId, body);
        return queries.conference(conferenceId, null);
    }

    /** Adds a day, or replaces its theme: {@code {"theme": {"en": ..., "fr": ..., "es": ...}}}. */
    @PutMapping("/{conferenceId}/days/{date}")
    @PreAuthorize("hasRole('organiser')")
    ConferenceView putDay(@PathVariable String conferenceId, @PathVariable String date, @RequestBody JsonNode body) {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeException e) {
            throw ProgrammeInvalidException.parameter("date", "programme.field.date");
        }
        programme.putDay(conferenceId, day, body);
        return queries.conference(conferenceId, null);
    }

    @PostMapping("/{conferenceId}/sessions")
    @PreAuthorize("hasRole('organiser')")
    ResponseEntity<SessionView> schedule(@PathVariable String conferenceId, @RequestBody JsonNode body) {
        ProgrammeSession session = programme.schedule(conferenceId, body);
        return ResponseEntity.created(publicBase.uri("/api/sessions/" + session.id()))
                .body(queries.view(session, new ViewerZone(session.zone())));
    }

    /**
     * Imports the conference's whole programme from a YAML ({@code application/yaml}) or JSON file;
     * the file's {@code conference.id} must be this one. See {@link ProgrammeService#importProgramme}.
     */
    @PutMapping("/{conferenceId}/programme")
    @PreAuthorize("hasRole('organiser')")
    ImportResult importProgramme(@PathVariable String conferenceId,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestBody(required = false) byte[] file) {
        return programme.importProgramme(ProgrammeFiles.read(file, contentType), conferenceId, "IMPORT");
    }
}

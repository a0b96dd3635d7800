package dev.hybridconf.rapporteur.assignments;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.TreeSet;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.rapporteur.access.Caller;
import dev.hybridconf.rapporteur.programme.ConferenceInfo;
import dev.hybridconf.rapporteur.programme.DayInfo;
import dev.hybridconf.rapporteur.programme.Programme;
import tools.jackson.databind.JsonNode;

/**
 * Rapporteur assignments of a conference: rapporteurs and organisers read them (every day of the programme, with
 * where its rapporteurs come from), organisers replace them. The document's version is its {@code ETag}; a
 * {@code PUT} with {@code If-Match} applies only to that version (412 otherwise).
 */
@RestController
@RequestMapping("/api/rapporteur/conferences/{conferenceId}/assignments")
class AssignmentsController {

    /** One day as answered. */
    record DayView(LocalDate day, Assignments.Source source, List<String> rapporteurs,
            List<DayAssignment.ThemeAssignment> themes) {
    }

    record AssignmentsView(String conferenceId, long version, List<DayView> days, String updatedBy,
            OffsetDateTime updatedAt) {
    }

    private final Assignments assignments;
    private final Programme programme;

    AssignmentsController(Assignments assignments, Programme programme) {
        this.assignments = assignments;
        this.programme = programme;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('rapporteur','organiser')")
    ResponseEntity<AssignmentsView> get(@PathVariable String conferenceId) {
        ConferenceInfo conference = Addresses.conference(programme, conferenceId);
        return answer(conference, assignments.document(conferenceId));
    }

    @PutMapping
    @PreAuthorize("hasRole('organiser')")
    ResponseEntity<AssignmentsView> put(@PathVariable String conferenceId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) JsonNode body, @AuthenticationPrincipal Jwt jwt) {
        ConferenceInfo conference = Addresses.conference(programme, conferenceId);
        List<DayAssignment> days = AssignmentForm.read(body, conference);
        return answer(conference, assignments.replace(conferenceId, days, Addresses.expectedVersion(ifMatch), Caller.of(jwt)));
    }

    private ResponseEntity<AssignmentsView> answer(ConferenceInfo conference, Assignments.Document document) {
        TreeSet<LocalDate> days = new TreeSet<>();
        conference.days().stream().map(DayInfo::date).forEach(days::add);
        document.days().forEach(d -> days.add(d.day()));
        List<DayView> views = days.stream().map(day -> {
            Assignments.Effective effective = assignments.effective(document, conference.id(), day);
            return new DayView(day, effective.source(), effective.rapporteurs(), effective.themes());
        }).toList();
        OffsetDateTime at = document.updatedAt() == null ? null
                : document.updatedAt().atZone(conference.zone()).toOffsetDateTime();
        return ResponseEntity.ok().eTag("\"" + document.version() + "\"")
                .body(new AssignmentsView(conference.id(), document.version(), views, document.updatedBy(), at));
    }
}

package dev.hybridconf.session.enrolment;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.session.enrolment.EnrolmentViews.AgendaEntry;
import dev.hybridconf.session.enrolment.EnrolmentViews.AgendaView;
import dev.hybridconf.session.enrolment.EnrolmentViews.EnrolmentList;
import dev.hybridconf.session.enrolment.EnrolmentViews.EnrolmentView;
import dev.hybridconf.session.enrolment.EnrolmentViews.ModeratingView;
import dev.hybridconf.session.enrolment.EnrolmentViews.PlacesView;
import dev.hybridconf.session.programme.Conference;
import dev.hybridconf.session.programme.ProgrammeSession;
import dev.hybridconf.session.programme.ProgrammeQueries;
import dev.hybridconf.session.programme.ProgrammeStore;
import dev.hybridconf.session.programme.SessionKind;
import dev.hybridconf.session.programme.SessionView;
import dev.hybridconf.session.programme.ViewerZone;

/**
 * Breakout enrolment for the participant themself (the token's subject is their registration id),
 * the breakout lists for organisers and moderators, and the personal views.
 */
@RestController
@RequestMapping("/api/sessions")
class EnrolmentController {

    private final Enrolments enrolments;
    private final EnrolmentStore store;
    private final ProgrammeStore programme;
    private final PersonalAgenda agenda;
    private final ProgrammeQueries queries;

    EnrolmentController(Enrolments enrolments, EnrolmentStore store, ProgrammeStore programme, PersonalAgenda agenda,
            ProgrammeQueries queries) {
        this.queries = queries;
        this.enrolments = enrolments;
        this.store = store;
        this.programme = programme;
        this.agenda = agenda;
    }

    /** Takes a place, or joins the waiting list when the breakout is full; asking again changes nothing. */
    @PostMapping("/{sessionId}/enrolment")
    EnrolmentView enrol(@PathVariable UUID sessionId, Authentication caller) {
        Enrolments.Result result = enrolments.enrol(sessionId.toString(), caller.getName());
        return new EnrolmentView(result.session().id(), result.session().conferenceId(), result.registrationId(),
                result.status(), result.changed());
    }

    /** Leaves the breakout or its waiting list; a place given back goes to the first person waiting. */
    @DeleteMapping("/{sessionId}/enrolment")
    ResponseEntity<Void> leave(@PathVariable UUID sessionId, Authentication caller) {
        enrolments.leave(sessionId.toString(), caller.getName());
        return ResponseEntity.noContent().build();
    }

    /** How many places a breakout has, holds and has waiting (anyone signed in). */
    @GetMapping("/{sessionId}/places")
    PlacesView places(@PathVariable UUID sessionId) {
        ProgrammeSession session = session(sessionId.toString());
        long enrolled = store.enrolled(session.id());
        Long available = session.capacity() == null ? null : Math.max(0, session.capacity() - enrolled);
        return new PlacesView(session.id(), session.capacity(), enrolled, store.waiting(session.id()), available);
    }

    /** Who holds a place and who waits, in order: organisers and the breakout's moderators only. */
    @GetMapping("/{sessionId}/enrolments")
    EnrolmentList enrolments(@PathVariable UUID sessionId, Authentication caller) {
        ProgrammeSession session = session(sessionId.toString());
        if (!organiser(caller) && !session.moderatorIds().contains(caller.getName())) {
            throw new EnrolmentForbiddenException("enrolment.list-forbidden");
        }
        List<String> places = store.places(session.id());
        List<String> waitlist = store.waitlist(session.id());
        return new EnrolmentList(session.id(), session.conferenceId(), session.capacity(), store.enrolled(session.id()),
                waitlist.size(), places, waitlist);
    }

    /** The caller's agenda for a conference, in {@code tz} (default: the conference's zone). */
    @GetMapping("/me/agenda")
    AgendaView agenda(@RequestParam String conference, @RequestParam(required = false) String tz,
            Authentication caller) {
        Conference found = programme.conference(conference)
                .orElseThrow(() -> new NotFoundException("conference.not-found", conference));
        ViewerZone viewer = ViewerZone.of(tz, found.timeZone());
        List<AgendaEntry> entries = agenda.entries(conference, caller.getName()).stream()
                .map(e -> new AgendaEntry(queries.view(e.session(), viewer), e.enrolment(), e.overlapsAnother()))
                .toList();
        return new AgendaView(conference, caller.getName(), viewer.id(), entries);
    }

    /** The breakouts the caller moderates, in one conference or all, by start. */
    @GetMapping("/me/moderating")
    ModeratingView moderating(@RequestParam(required = false) String conference,
            @RequestParam(required = false) String tz, Authentication caller) {
        List<Conference> conferences;
        if (conference == null || conference.isBlank()) {
            conferences = programme.conferences();
        } else {
            conferences = List.of(programme.conference(conference)
                    .orElseThrow(() -> new NotFoundException("conference.not-found", conference)));
        }
        String me = caller.getName();
        List<SessionView> sessions = new ArrayList<>();
        String zone = null;
        for (Conference c : conferences) {
            ViewerZone viewer = ViewerZone.of(tz, c.timeZone());
            zone = viewer.id();
            for (ProgrammeSession s : programme.sessions(c.id())) {
                if (s.kind() == SessionKind.BREAKOUT && s.scheduled() && s.moderatorIds().contains(me)) {
                    sessions.add(queries.view(s, viewer));
                }
            }
        }
        return new ModeratingView(me, conferences.size() == 1 ? zone : tz, sessions);
    }

    private ProgrammeSession session(String sessionId) {
        return programme.session(sessionId).orElseThrow(() -> new NotFoundException("session.not-found", sessionId));
    }

    private static boolean organiser(Authentication caller) {
        return caller.getAuthorities().stream().anyMatch(a -> "ROLE_organiser".equals(a.getAuthority()));
    }
}

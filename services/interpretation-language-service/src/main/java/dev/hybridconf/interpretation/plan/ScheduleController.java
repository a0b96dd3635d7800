package dev.hybridconf.interpretation.plan;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.interpretation.plan.PublishedPlan.Status;
import dev.hybridconf.interpretation.roster.InterpreterProfile;
import dev.hybridconf.interpretation.roster.Roster;
import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.web.PublicBaseUrl;
import dev.hybridconf.kit.errors.NotFoundException;

/**
 * Interpreters' side of the published plan: their schedule (also readable by organisers; anyone else gets 404, as
 * for a schedule that does not exist), their answers to assignments (only the assignment's interpreter, by the
 * token's subject = the registration id on the roster; anyone else 404), and the private address of their schedule's
 * calendar feed. The feed itself is public: calendar apps send no token, the unguessable address is the credential.
 */
@RestController
class ScheduleController {

    record AnswerView(String assignmentId, String status, Instant answeredAt, boolean changed,
            PlanViews.ProgressView replan) {
    }

    record CalendarToken(String token, String url, String webcal, String conferenceId) {
    }

    private final PlanConferences conferences;
    private final Roster roster;
    private final PlanViews views;
    private final Publications publications;
    private final PlanSolves solves;
    private final CalendarTokens tokens;
    private final ScheduleCalendar calendar;
    private final PublicBaseUrl links;

    ScheduleController(PlanConferences conferences, Roster roster, PlanViews views, Publications publications,
            PlanSolves solves, CalendarTokens tokens, ScheduleCalendar calendar, PublicBaseUrl links) {
        this.conferences = conferences;
        this.roster = roster;
        this.views = views;
        this.publications = publications;
        this.solves = solves;
        this.tokens = tokens;
        this.calendar = calendar;
        this.links = links;
    }

    @GetMapping("/api/interpretation/conferences/{conferenceId}/interpreters/{interpreterId}/schedule")
    PlanViews.ScheduleView schedule(@PathVariable String conferenceId, @PathVariable String interpreterId,
            @RequestParam(required = false) String lang, Authentication caller) {
        Locale locale = PlanTexts.reader(lang);
        ZoneId zone = conferences.require(conferenceId);
        InterpreterProfile person;
        if (organiser(caller)) {
            person = roster.find(conferenceId, interpreterId).orElseThrow(ScheduleController::noSchedule);
        } else {
            person = roster.byRegistration(conferenceId, subject(caller))
                    .filter(me -> me.interpreterId().equals(interpreterId))
                    .orElseThrow(ScheduleController::noSchedule);
        }
        return views.schedule(conferenceId, zone, person, locale);
    }

    @GetMapping("/api/interpretation/me/schedule")
    PlanViews.ScheduleView mySchedule(@RequestParam(name = "conference", required = false) String conferenceId,
            @RequestParam(required = false) String lang, Authentication caller) {
        Locale locale = PlanTexts.reader(lang);
        ZoneId zone = conferences.require(requireConference(conferenceId));
        InterpreterProfile me = roster.byRegistration(conferenceId, subject(caller))
                .orElseThrow(ScheduleController::noSchedule);
        return views.schedule(conferenceId, zone, me, locale);
    }

    @PostMapping("/api/interpretation/conferences/{conferenceId}/assignments/{assignmentId}/accept")
    AnswerView accept(@PathVariable String conferenceId, @PathVariable String assignmentId, Authentication caller) {
        Publications.Answer answer = publications.answer(conferenceId, assignmentId, subject(caller), Status.ACCEPTED);
        return new AnswerView(answer.assignmentId(), answer.status().name(), answer.answeredAt(), answer.changed(),
                null);
    }

    /** Declines: the seat is freed in the published plan, the decline recorded, and a replan started. */
    @PostMapping("/api/interpretation/conferences/{conferenceId}/assignments/{assignmentId}/decline")
    AnswerView decline(@PathVariable String conferenceId, @PathVariable String assignmentId,
            @RequestParam(required = false) String lang, Authentication caller) {
        Locale locale = PlanTexts.reader(lang);
        Publications.Answer answer = publications.answer(conferenceId, assignmentId, subject(caller), Status.DECLINED);
        return new AnswerView(answer.assignmentId(), answer.status().name(), answer.answeredAt(), answer.changed(),
                views.progress(conferenceId, solves.progress(conferenceId), locale));
    }

    /** A new private feed address for the caller's schedule in the conference; the previous one stops working. */
    @PostMapping("/api/interpretation/me/calendar-token")
    ResponseEntity<CalendarToken> issue(@RequestParam(name = "conference", required = false) String conferenceId,
            Authentication caller) {
        conferences.require(requireConference(conferenceId));
        InterpreterProfile me = roster.byRegistration(conferenceId, subject(caller))
                .orElseThrow(ScheduleController::noSchedule);
        String token = tokens.issue(conferenceId, me.interpreterId(), subject(caller));
        String url = links.resolve("/api/interpretation/calendars/" + token + ".ics");
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CalendarToken(token, url, url.replaceFirst("^https?://", "webcal://"), conferenceId));
    }

    @DeleteMapping("/api/interpretation/me/calendar-token")
    ResponseEntity<Void> revoke(@RequestParam(name = "conference", required = false) String conferenceId,
            Authentication caller) {
        conferences.require(requireConference(conferenceId));
        InterpreterProfile me = roster.byRegistration(conferenceId, subject(caller))
                .orElseThrow(ScheduleController::noSchedule);
        tokens.revoke(conferenceId, me.interpreterId());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/interpretation/calendars/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token, @RequestParam(required = false) String lang) {
        Locale locale = PlanTexts.reader(lang);
        CalendarTokens.Feed feed = tokens.feed(token).orElseThrow(ScheduleController::noCalendar);
        ZoneId zone = conferences.require(feed.conferenceId());
        InterpreterProfile person = roster.find(feed.conferenceId(), feed.interpreterId())
                .filter(p -> feed.registrationId() != null && feed.registrationId().equals(p.registrationId()))
                .orElseThrow(ScheduleController::noCalendar);
        String body = calendar.render(views.schedule(feed.conferenceId(), zone, person, locale), zone, locale);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ScheduleCalendar.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"interpretation.ics\"").body(body);
    }

    private static String requireConference(String conferenceId) {
        if (conferenceId == null || conferenceId.isBlank()) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.Invalid("conference",
                    "plan.field.conference")));
        }
        return conferenceId;
    }

    static boolean organiser(Authentication caller) {
        return caller != null && caller.getAuthorities().stream()
                .anyMatch(a -> "ROLE_organiser".equals(a.getAuthority()));
    }

    private static String subject(Authentication caller) {
        if (caller != null && caller.getPrincipal() instanceof Jwt jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return caller == null ? "" : caller.getName();
    }

    private static NotFoundException noSchedule() {
        return new NotFoundException("plan.schedule.not-found");
    }

    private static NotFoundException noCalendar() {
        return new NotFoundException("plan.calendar.not-found");
    }
}

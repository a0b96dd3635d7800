package dev.hybridconf.session.export;


import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.kit.errors.ProblemMessages;
import dev.hybridconf.session.programme.ProgrammeStore;

/**
 * The personal agenda as a calendar subscription. A signed-in participant gets a private address
 * ({@code POST /api/sessions/me/calendar-token}, again for a new one, {@code DELETE} to revoke); the
 * address itself is public, since calendar apps send no bearer token: whoever holds it reads the feed.
 */
@RestController
@RequestMapping("/api/sessions")
class CalendarFeedController {

    /** The answer to issuing: the token and the addresses to subscribe to. */
    record CalendarToken(String token, String url, String webcal, String conferenceId) {
    }

    private final CalendarTokens tokens;
    private final AgendaSource agenda;
    private final IcsCalendars calendars;
    private final ProgrammeStore programme;
    private final ExportLinks links;
    private final ProblemMessages messages;

    CalendarFeedController(CalendarTokens tokens, AgendaSource agenda, IcsCalendars calendars,
            ProgrammeStore programme, ExportLinks links, ProblemMessages messages) {
        this.tokens = tokens;
        this.agenda = agenda;
        this.calendars = calendars;
        this.programme = programme;
        this.links = links;
        this.messages = messages;
    }

    @PostMapping("/me/calendar-token")
    ResponseEntity<CalendarToken> issue(@AuthenticationPrincipal Jwt caller,
            @RequestParam(name = "conference", required = false) String conferenceId) {
        if (conferenceId != null && programme.conference(conferenceId).isEmpty()) {
            throw new NotFoundException("conference.not-found", conferenceId);
        }
        String token = tokens.issue(caller.getSubject(), conferenceId);
        // The public address (the gateway's), so that a calendar app outside the platform can reach it.
        String url = links.api("/api/sessions/calendars/" + token + ".ics");
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CalendarToken(token, url, url.replaceFirst("^https?://", "webcal://"), conferenceId));
    }

    @DeleteMapping("/me/calendar-token")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal Jwt caller) {
        tokens.revoke(caller.getSubject());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/calendars/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token, @RequestParam(required = false) String lang) {
        CalendarTokens.Feed feed = tokens.feed(token)
                .orElseThrow(() -> new NotFoundException("export.calendar.not-found"));
        ExportLanguage language = ExportLanguage.of(lang,
                feed.conferenceId() == null ? null : programme.conference(feed.conferenceId()).orElse(null));
        String name = feed.conferenceId() == null ? "hybridconf"
                : programme.conference(feed.conferenceId()).map(c -> language.in(c.name())).orElse(feed.conferenceId());
        String body = calendars.render(messages.text("export.calendar.name", language.locale(), name),
                agenda.agenda(feed.participantId(), feed.conferenceId()), language);
        return ScheduleExportController.ics("agenda.ics", body);
    }

}

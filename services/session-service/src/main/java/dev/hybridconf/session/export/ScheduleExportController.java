package dev.hybridconf.session.export;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.kit.errors.ProblemMessages;
import dev.hybridconf.session.programme.Conference;
import dev.hybridconf.session.programme.ProgrammeSession;
import dev.hybridconf.session.programme.ProgrammeStore;

/** The programme exported for conference apps (Frab JSON and XML) and calendars (iCalendar); any signed-in user. */
@RestController
@RequestMapping("/api/sessions")
class ScheduleExportController {

    static final MediaType CALENDAR = MediaType.parseMediaType(IcsCalendars.MEDIA_TYPE);

    private final ProgrammeStore programme;
    private final IcsCalendars calendars;
    private final ExportLinks links;
    private final ProblemMessages messages;

    ScheduleExportController(ProgrammeStore programme, IcsCalendars calendars, ExportLinks links,
            ProblemMessages messages) {
        this.programme = programme;
        this.calendars = calendars;
        this.links = links;
        this.messages = messages;
    }

    @GetMapping("/conferences/{conferenceId}/schedule.json")
    ResponseEntity<String> scheduleJson(@PathVariable String conferenceId, @RequestParam(required = false) String lang) {
        FrabSchedule schedule = schedule(conferenceId, lang);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(FrabJson.write(schedule));
    }

    @GetMapping("/conferences/{conferenceId}/schedule.xml")
    ResponseEntity<String> scheduleXml(@PathVariable String conferenceId, @RequestParam(required = false) String lang) {
        FrabSchedule schedule = schedule(conferenceId, lang);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.APPLICATION_XML, java.nio.charset.StandardCharsets.UTF_8))
                .body(FrabXml.write(schedule));
    }

    @GetMapping("/conferences/{conferenceId}/programme.ics")
    ResponseEntity<String> programmeIcs(@PathVariable String conferenceId, @RequestParam(required = false) String lang) {
        Conference conference = conference(conferenceId);
        ExportLanguage language = ExportLanguage.of(lang, conference);
        List<ProgrammeSession> sessions = programme.sessions(conferenceId).stream()
                .filter(ProgrammeSession::scheduled).toList();
        return ics(conferenceId + ".ics", calendars.render(language.in(conference.name()), sessions, language));
    }

    @GetMapping("/conferences/{conferenceId}/days/{date}.ics")
    ResponseEntity<String> dayIcs(@PathVariable String conferenceId, @PathVariable String date,
            @RequestParam(required = false) String lang) {
        Conference conference = conference(conferenceId);
        ExportLanguage language = ExportLanguage.of(lang, conference);
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeException e) {
            throw new ExportParameterException("date", "export.field.date");
        }
        if (conference.day(day).isEmpty()) {
            throw new NotFoundException("export.day.not-found", day, conferenceId);
        }
        List<ProgrammeSession> sessions = programme.sessions(conferenceId).stream()
                .filter(s -> s.scheduled() && s.day().equals(day)).toList();
        return ics(conferenceId + "-" + day + ".ics",
                calendars.render(language.in(conference.name()) + " " + day, sessions, language));
    }

    /** One session; a cancelled one is rendered {@code STATUS:CANCELLED} so a calendar that holds it drops it. */
    @GetMapping("/{sessionId}.ics")
    ResponseEntity<String> sessionIcs(@PathVariable String sessionId, @RequestParam(required = false) String lang) {
        ProgrammeSession session = programme.session(sessionId)
                .orElseThrow(() -> new NotFoundException("session.not-found", sessionId));
        Conference conference = conference(session.conferenceId());
        ExportLanguage language = ExportLanguage.of(lang, conference);
        return ics(sessionId + ".ics", calendars.render(language.in(session.title()), List.of(session), language));
    }

    private FrabSchedule schedule(String conferenceId, String lang) {
        Conference conference = conference(conferenceId);
        ExportLanguage language = ExportLanguage.of(lang, conference);
        String online = messages.text("export.room.online", language.locale());
        FrabSchedule.Context context = new FrabSchedule.Context() {
            @Override
            public ExportLanguage language() {
                return language;
            }

            @Override
            public String onlineRoom() {
                return online;
            }

            @Override
            public String sessionUrl(String sessionId) {
                return links.session(sessionId);
            }

            @Override
            public String baseUrl() {
                return links.base();
            }

            @Override
            public String portalUrl() {
                return links.hasPortal() ? links.portal().toString() : null;
            }
        };
        return FrabSchedule.of(conference, programme.sessions(conferenceId), context);
    }

    private Conference conference(String conferenceId) {
        return programme.conference(conferenceId)
                .orElseThrow(() -> new NotFoundException("conference.not-found", conferenceId));
    }

    static ResponseEntity<String> ics(String filename, String body) {
        return ResponseEntity.ok().contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"").body(body);
    }
}

package dev.hybridconf.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.hybridconf.session.programme.ProgrammeSession;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;

/**
 * The iCalendar exports parse with ical4j, carry the conference zone as a VTIMEZONE and as the TZID of
 * every time, and so show a Barcelona session at the right local time in Bogotá and in Seoul; a moved
 * session's SEQUENCE goes up; the personal feed opens with its private address alone, until revoked.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class CalendarExportTests extends ExportTests {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Test
    void theWholeProgrammeFromBarcelonaToBogotaAndSeoul() throws Exception {
        importSeminar();
        HttpResponse<String> response = get("/api/sessions/conferences/" + SEMINAR + "/programme.ics?lang=es",
                participant());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .isEqualToIgnoringWhitespace("text/calendar;charset=UTF-8");
        Calendar calendar = parse(response.body());
        List<VTimeZone> zones = calendar.getComponents("VTIMEZONE");
        assertThat(zones).hasSize(1);
        assertThat(zones.get(0).getProperty("TZID").orElseThrow().getValue()).isEqualTo("Europe/Madrid");
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSizeGreaterThan(30);

        String opening = ProgrammeSession.idFor(SEMINAR, "d1-opening");
        VEvent event = event(calendar, opening);
        assertThat(value(event, "SUMMARY")).isNotBlank();
        assertThat(value(event, "LOCATION")).isEqualTo("Virtual plenary");
        assertThat(value(event, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(value(event, "CATEGORIES")).isEqualTo("Apertura");
        assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/Madrid");
        ZonedDateTime start = start(event);
        assertThat(start.withZoneSameInstant(MADRID).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2021-02-15T10:00"));
        assertThat(start.withZoneSameInstant(ZoneId.of("America/Bogota")).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2021-02-15T04:00"));
        assertThat(start.withZoneSameInstant(ZoneId.of("Asia/Seoul")).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2021-02-15T18:00"));
        assertThat(events).allSatisfy(e -> assertThat(value(e, "DTSTAMP")).isNotBlank());
    }

    @Test
    void oneDayAndOneSessionAndAMovedSessionGetsAHigherSequence() throws Exception {
        String conference = barcelona();
        String late = schedule(conference, "late", "PLENARY", "2024-11-07", "16:00", "17:30", "Auditori");
        schedule(conference, "next-day", "BREAKOUT", "2024-11-08", "09:30", "11:00", "Sala 1");

        Calendar day = parse(get("/api/sessions/conferences/" + conference + "/days/2024-11-07.ics?lang=fr",
                participant()).body());
        assertThat(day.<VEvent>getComponents("VEVENT")).hasSize(1);
        VEvent event = event(day, late);
        assertThat(value(event, "SUMMARY")).isEqualTo("late (fr)");
        assertThat(value(event, "DESCRIPTION")).contains("À propos de late").contains("Ada Colau");
        assertThat(value(event, "CATEGORIES")).isEqualTo("Plénière");
        ZonedDateTime start = start(event);
        assertThat(start.withZoneSameInstant(ZoneId.of("America/Bogota")).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2024-11-07T10:00"));
        assertThat(start.withZoneSameInstant(ZoneId.of("Asia/Seoul")).toLocalDateTime())
                .as("16:00 in Barcelona is after midnight in Seoul").isEqualTo(LocalDateTime.parse("2024-11-08T00:00"));

        VEvent before = event(parse(get("/api/sessions/" + late + ".ics", participant()).body()), late);
        HttpResponse<String> moved = post("/api/sessions/" + late + "/move", organiser(),
                "{\"day\": \"2024-11-08\", \"start\": \"12:00\", \"end\": \"13:00\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        VEvent after = event(parse(get("/api/sessions/" + late + ".ics", participant()).body()), late);
        assertThat(value(after, "UID")).isEqualTo(value(before, "UID"));
        assertThat(Integer.parseInt(value(after, "SEQUENCE"))).isGreaterThan(Integer.parseInt(value(before, "SEQUENCE")));
        assertThat(start(after).withZoneSameInstant(MADRID).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2024-11-08T12:00"));

        assertNotFoundProblem(get("/api/sessions/" + UUID.randomUUID() + ".ics", participant()));
        assertNotFoundProblem(get("/api/sessions/conferences/no-such-conference/programme.ics", participant()));
        assertNotFoundProblem(get("/api/sessions/conferences/" + conference + "/days/2024-12-01.ics", participant()));
        HttpResponse<String> badLanguage = get("/api/sessions/" + late + ".ics?lang=klingon", participant());
        assertThat(badLanguage.statusCode()).isEqualTo(400);
        assertThat(read(badLanguage).get("errors").get(0).get("field").asString()).isEqualTo("lang");
    }

    @Test
    void thePersonalFeedOpensWithItsAddressAloneUntilRevoked() throws Exception {
        String conference = barcelona();
        String plenary = schedule(conference, "plenary", "PLENARY", "2024-11-07", "10:00", "11:00", "Auditori");
        String breakout = schedule(conference, "breakout", "BREAKOUT", "2024-11-07", "11:30", "13:00", "Sala 1");
        String participant = participant(UUID.randomUUID().toString());

        HttpResponse<String> issued = post("/api/sessions/me/calendar-token?conference=" + conference, participant, null);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String token = read(issued).get("token").asString();
        assertThat(token).hasSize(43);
        assertThat(read(issued).get("url").asString()).endsWith("/api/sessions/calendars/" + token + ".ics");

        HttpResponse<String> feed = get("/api/sessions/calendars/" + token + ".ics?lang=es", null);
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
        Calendar calendar = parse(feed.body());
        assertThat(calendar.<VEvent>getComponents("VEVENT")).extracting(e -> value(e, "UID"))
                .containsExactly(plenary + "@hybridconf");
        assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("Acción local: mi agenda");
        assertThat(feed.body()).doesNotContain(breakout);

        HttpResponse<String> reissued = post("/api/sessions/me/calendar-token?conference=" + conference, participant,
                null);
        String newToken = read(reissued).get("token").asString();
        assertNotFoundProblem(get("/api/sessions/calendars/" + token + ".ics", null));
        assertThat(get("/api/sessions/calendars/" + newToken + ".ics", null).statusCode()).isEqualTo(200);

        assertThat(delete("/api/sessions/me/calendar-token", participant).statusCode()).isEqualTo(204);
        assertNotFoundProblem(get("/api/sessions/calendars/" + newToken + ".ics", null));
        assertNotFoundProblem(get("/api/sessions/calendars/" + "x".repeat(43) + ".ics", null));
        assertThat(post("/api/sessions/me/calendar-token", null, null).statusCode()).isEqualTo(401);
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static VEvent event(Calendar calendar, String sessionId) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> value(e, "UID").equals(sessionId + "@hybridconf")).findFirst().orElseThrow();
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static ZonedDateTime start(VEvent event) {
        DtStart<Temporal> start = (DtStart<Temporal>) event.getProperty("DTSTART").orElseThrow();
        return (ZonedDateTime) start.getDate();
    }
}

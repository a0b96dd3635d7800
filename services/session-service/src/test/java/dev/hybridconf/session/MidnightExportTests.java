package dev.hybridconf.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import dev.hybridconf.session.programme.ProgrammeSession;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import tools.jackson.databind.JsonNode;

/**
 * An evening in Casablanca, 22:00–01:00, imported from a programme file and exported for conference apps and
 * calendars: the Frab JSON (valid against the c3voc test schema) and XML put it under the day it starts with its
 * three hours, and the iCalendar gives it the same two instants (21:00 and 00:00 UTC). A night whose clocks go
 * back exports its real duration.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class MidnightExportTests extends ExportTests {

    private static final Instant EVENING_START = Instant.parse("2027-11-11T21:00:00Z");
    private static final Instant EVENING_END = Instant.parse("2027-11-12T00:00:00Z");

    @Test
    void anEveningInCasablancaFromTenToOneImportsAndExportsWithItsInstants() throws Exception {
        String conference = "casablanca-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] file = """
                conference:
                  id: "%s"
                  name: {en: "Cultural evenings", fr: "Soirées culturelles", es: "Veladas culturales"}
                  timeZone: "Africa/Casablanca"
                  languages: ["en", "fr", "es"]
                  startDate: "2027-11-10"
                  endDate: "2027-11-12"
                days:
                  - date: "2027-11-10"
                  - date: "2027-11-11"
                  - date: "2027-11-12"
                sessions:
                  - key: "cultural-evening"
                    kind: "SIDE_EVENT"
                    day: "2027-11-11"
                    start: "22:00"
                    end: "01:00"
                    room: "Riad hall"
                    format: "HYBRID"
                    publiclyStreamed: true
                    title: {en: "Gnawa night", fr: "Nuit gnaoua", es: "Noche gnawa"}
                  - key: "morning-plenary"
                    kind: "PLENARY"
                    day: "2027-11-12"
                    start: "09:00"
                    end: "10:30"
                    room: "Riad hall"
                    format: "HYBRID"
                    title: {en: "Morning plenary", fr: "Plénière du matin", es: "Plenaria de la mañana"}
                """.formatted(conference).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> imported = importFile(file, "application/yaml");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(read(imported).get("scheduled").asInt()).isEqualTo(2);
        HttpResponse<String> again = importFile(file, "application/yaml");
        assertThat(read(again).get("changed").asBoolean()).as("the same file again changes nothing").isFalse();
        String evening = ProgrammeSession.idFor(conference, "cultural-evening");
        JsonNode view = read(get("/api/sessions/" + evening, participant()));
        assertThat(view.get("start").asString()).isEqualTo("2027-11-11T22:00:00+01:00");
        assertThat(view.get("end").asString()).isEqualTo("2027-11-12T01:00:00+01:00");

        HttpResponse<String> json = get("/api/sessions/conferences/" + conference + "/schedule.json?lang=fr",
                participant());
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        assertThat(C3vocSchema.validate(json.body())).as(json.body()).isEmpty();
        JsonNode frab = read(json).get("schedule").get("conference");
        assertThat(frab.get("time_zone_name").asString()).isEqualTo("Africa/Casablanca");
        JsonNode eleventh = frab.get("days").get(1);
        assertThat(eleventh.get("date").asString()).isEqualTo("2027-11-11");
        assertThat(eleventh.get("day_end").asString()).as("the day runs until its last session ends")
                .isEqualTo("2027-11-12T01:00:00+01:00");
        JsonNode event = eleventh.get("rooms").get("Riad hall").get(0);
        assertThat(event.get("guid").asString()).isEqualTo(evening);
        assertThat(event.get("title").asString()).isEqualTo("Nuit gnaoua");
        assertThat(event.get("date").asString()).isEqualTo("2027-11-11T22:00:00+01:00");
        assertThat(event.get("start").asString()).isEqualTo("22:00");
        assertThat(event.get("duration").asString()).isEqualTo("03:00");
        assertThat(instants(event.get("date").asString(), event.get("duration").asString()))
                .containsExactly(EVENING_START, EVENING_END);
        assertThat(frab.get("days").get(2).get("rooms").get("Riad hall")).extracting(e -> e.get("guid").asString())
                .as("not under the day it ends").containsExactly(ProgrammeSession.idFor(conference, "morning-plenary"));

        HttpResponse<String> xml = get("/api/sessions/conferences/" + conference + "/schedule.xml?lang=fr",
                participant());
        assertThat(xml.statusCode()).as(xml.body()).isEqualTo(200);
        Element day = day(parseXml(xml.body()), "2027-11-11");
        assertThat(day.getAttribute("end")).isEqualTo("2027-11-12T01:00:00+01:00");
        Element xmlEvent = (Element) day.getElementsByTagName("event").item(0);
        assertThat(xmlEvent.getAttribute("guid")).isEqualTo(evening);
        assertThat(instants(text(xmlEvent, "date"), text(xmlEvent, "duration")))
                .containsExactly(EVENING_START, EVENING_END);
        assertThat(text(xmlEvent, "start")).isEqualTo("22:00");

        for (String path : List.of("/api/sessions/conferences/" + conference + "/programme.ics",
                "/api/sessions/conferences/" + conference + "/days/2027-11-11.ics", "/api/sessions/" + evening + ".ics")) {
            HttpResponse<String> ics = get(path, participant());
            assertThat(ics.statusCode()).as(path + ": " + ics.body()).isEqualTo(200);
            String unfolded = ics.body().replace("\r\n ", "");
            assertThat(unfolded).as(path).contains("DTSTART;TZID=Africa/Casablanca:20271111T220000")
                    .contains("DTEND;TZID=Africa/Casablanca:20271112T010000").contains("TZID:Africa/Casablanca");
            VEvent calendarEvent = event(new CalendarBuilder().build(new StringReader(ics.body())), evening);
            assertThat(instant(calendarEvent, "DTSTART")).as(path).isEqualTo(EVENING_START);
            assertThat(instant(calendarEvent, "DTEND")).as(path).isEqualTo(EVENING_END);
        }
        String nextDay = get("/api/sessions/conferences/" + conference + "/days/2027-11-12.ics", participant()).body();
        assertThat(nextDay).as("the day it ends lists only its own sessions").doesNotContain(evening);
    }

    @Test
    void aNightWhoseClocksGoBackExportsItsRealDuration() throws Exception {
        String conference = "madrid-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] file = """
                {"conference": {"id": "%s", "name": {"en": "Night of museums"}, "timeZone": "Europe/Madrid",
                                "languages": ["en"], "startDate": "2024-10-26", "endDate": "2024-10-27"},
                 "days": [{"date": "2024-10-26"}, {"date": "2024-10-27"}],
                 "sessions": [{"key": "night", "kind": "SIDE_EVENT", "day": "2024-10-26", "start": "23:00",
                               "end": "03:30", "room": "Prado", "format": "IN_PERSON",
                               "title": {"en": "The museum at night"}}]}"""
                .formatted(conference).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> imported = importFile(file, "application/json");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        HttpResponse<String> json = get("/api/sessions/conferences/" + conference + "/schedule.json", participant());
        assertThat(C3vocSchema.validate(json.body())).as(json.body()).isEmpty();
        JsonNode event = read(json).get("schedule").get("conference").get("days").get(0).get("rooms").get("Prado")
                .get(0);
        assertThat(event.get("date").asString()).isEqualTo("2024-10-26T23:00:00+02:00");
        assertThat(event.get("duration").asString()).as("4 h 30 on the clock, 5 h 30 lived").isEqualTo("05:30");
        assertThat(instants(event.get("date").asString(), event.get("duration").asString()))
                .containsExactly(Instant.parse("2024-10-26T21:00:00Z"), Instant.parse("2024-10-27T02:30:00Z"));

        String night = ProgrammeSession.idFor(conference, "night");
        HttpResponse<String> ics = get("/api/sessions/" + night + ".ics", participant());
        assertThat(ics.body().replace("\r\n ", "")).contains("DTEND;TZID=Europe/Madrid:20241027T033000");
        VEvent calendarEvent = event(new CalendarBuilder().build(new StringReader(ics.body())), night);
        assertThat(instant(calendarEvent, "DTEND")).isEqualTo(Instant.parse("2024-10-27T02:30:00Z"));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private HttpResponse<String> importFile(byte[] file, String contentType) {
        return postFile("/api/sessions/programmes", organiser(), contentType, file);
    }

    /** The start and end instants a Frab reader gets: the event's date with its offset, plus its duration. */
    private static List<Instant> instants(String date, String duration) {
        Instant start = OffsetDateTime.parse(date).toInstant();
        String[] hoursMinutes = duration.split(":");
        return List.of(start, start.plus(Duration.ofHours(Long.parseLong(hoursMinutes[0]))
                .plusMinutes(Long.parseLong(hoursMinutes[1]))));
    }

    private static Document parseXml(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
    }

    private static Element day(Document xml, String date) {
        NodeList days = xml.getElementsByTagName("day");
        List<String> dates = new ArrayList<>();
        for (int i = 0; i < days.getLength(); i++) {
            Element day = (Element) days.item(i);
            dates.add(day.getAttribute("date"));
            if (day.getAttribute("date").equals(date)) {
                return day;
            }
        }
        throw new AssertionError("no day " + date + " among " + dates);
    }

    private static String text(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? null : found.item(0).getTextContent();
    }

    private static VEvent event(Calendar calendar, String sessionId) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getProperty("UID").map(Property::getValue).orElse("").equals(sessionId + "@hybridconf"))
                .findFirst().orElseThrow();
    }

    /** The instant a calendar app computes from the time and its TZID, through the VTIMEZONE it was sent. */
    @SuppressWarnings("unchecked")
    private static Instant instant(VEvent event, String property) {
        DateProperty<Temporal> time = (DateProperty<Temporal>) event.getProperty(property).orElseThrow();
        return ((ZonedDateTime) time.getDate()).toInstant();
    }
}

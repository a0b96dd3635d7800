package dev.hybridconf.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import com.networknt.schema.ValidationMessage;

import dev.hybridconf.testinfra.PlatformInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * The Seminar & Campus programme exported for conference apps: the Frab JSON validates against the
 * c3voc schedule format (test resource {@code schemas/c3voc-schedule.schema.json}) with rooms grouped
 * per day and durations as hh:mm, and the Frab XML parses with the same days, rooms and events.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class ScheduleExportTests extends ExportTests {

    @BeforeEach
    void seminar() {
        importSeminar();
    }

    @Test
    void theFrabJsonFollowsTheC3vocScheduleFormat() throws Exception {
        HttpResponse<String> response = get("/api/sessions/conferences/" + SEMINAR + "/schedule.json?lang=fr",
                participant());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        Set<ValidationMessage> errors = C3vocSchema.validate(response.body());
        assertThat(errors).as(response.body()).isEmpty();

        JsonNode conference = read(response).get("schedule").get("conference");
        assertThat(conference.get("acronym").asString()).isEqualTo("uclg_seminar_campus_2021");
        assertThat(conference.get("title").asString()).startsWith("Séminaire et Campus de CGLU 2021");
        assertThat(conference.get("time_zone_name").asString()).isEqualTo("Europe/Madrid");
        assertThat(conference.get("daysCount").asInt()).isEqualTo(6);
        JsonNode day1 = conference.get("days").get(0);
        assertThat(day1.get("index").asInt()).isEqualTo(1);
        assertThat(day1.get("date").asString()).isEqualTo("2021-02-15");
        assertThat(day1.get("day_start").asString()).isEqualTo("2021-02-15T10:00:00+01:00");
        JsonNode opening = day1.get("rooms").get("Virtual plenary").get(0);
        assertThat(opening.get("title").asString()).isNotBlank();
        assertThat(opening.get("start").asString()).isEqualTo("10:00");
        assertThat(opening.get("duration").asString()).isEqualTo("00:30");
        assertThat(opening.get("date").asString()).isEqualTo("2021-02-15T10:00:00+01:00");
        assertThat(opening.get("type").asString()).isEqualTo("opening");
        assertThat(opening.get("persons").get(0).get("name").asString()).isEqualTo("Emilia Saiz");
        assertThat(opening.get("room").asString()).isEqualTo("Virtual plenary");

        List<String> day2Rooms = new ArrayList<>();
        conference.get("days").get(1).get("rooms").propertyNames().forEach(day2Rooms::add);
        assertThat(day2Rooms).as("the parallel breakouts of day 2 each in their room")
                .contains("Virtual plenary", "Virtual room 1", "Virtual room 2", "Virtual room 3", "Virtual room 4",
                        "Virtual room 5");
        Set<String> doNotRecord = new java.util.TreeSet<>();
        for (JsonNode day : conference.get("days")) {
            for (String room : day.get("rooms").propertyNames()) {
                for (JsonNode event : day.get("rooms").get(room)) {
                    assertThat(event.get("room").asString()).isEqualTo(room);
                    assertThat(event.get("date").asString()).startsWith(day.get("date").asString());
                    assertThat(event.get("duration").asString()).matches("\\d\\d:\\d\\d");
                    assertThat(event.has("logo")).as("no logo: the format wants a URI or nothing").isFalse();
                    doNotRecord.add(String.valueOf(event.get("do_not_record")));
                }
            }
        }
        assertThat(doNotRecord).as("\"true\" for sessions not streamed publicly, null for the others")
                .containsExactly("\"true\"", "null");
        assertThat(opening.get("do_not_record").isNull()).as("the opening is streamed publicly").isTrue();
    }

    @Test
    void theFrabXmlParsesWithTheSameDaysRoomsAndEvents() throws Exception {
        JsonNode frab = read(get("/api/sessions/conferences/" + SEMINAR + "/schedule.json?lang=es", participant()))
                .get("schedule").get("conference");
        HttpResponse<String> response = get("/api/sessions/conferences/" + SEMINAR + "/schedule.xml?lang=es",
                participant());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document xml = factory.newDocumentBuilder().parse(new InputSource(new StringReader(response.body())));
        Element schedule = xml.getDocumentElement();
        assertThat(schedule.getTagName()).isEqualTo("schedule");
        assertThat(text(schedule, "version")).isEqualTo(read(get("/api/sessions/conferences/" + SEMINAR
                + "/schedule.json", participant())).get("schedule").get("version").asString());
        Element conference = (Element) schedule.getElementsByTagName("conference").item(0);
        assertThat(text(conference, "title")).startsWith("Seminario y Campus de CGLU 2021");
        assertThat(text(conference, "time_zone_name")).isEqualTo("Europe/Madrid");

        NodeList days = schedule.getElementsByTagName("day");
        assertThat(days.getLength()).isEqualTo(6);
        int events = 0;
        for (int d = 0; d < days.getLength(); d++) {
            Element day = (Element) days.item(d);
            JsonNode jsonDay = frab.get("days").get(d);
            assertThat(day.getAttribute("date")).isEqualTo(jsonDay.get("date").asString());
            assertThat(day.getAttribute("start")).isEqualTo(jsonDay.get("day_start").asString());
            NodeList rooms = day.getElementsByTagName("room");
            List<String> names = new ArrayList<>();
            for (int r = 0; r < rooms.getLength(); r++) {
                if (rooms.item(r).getParentNode() == day) {
                    Element room = (Element) rooms.item(r);
                    names.add(room.getAttribute("name"));
                    NodeList roomEvents = room.getElementsByTagName("event");
                    assertThat(roomEvents.getLength()).isEqualTo(jsonDay.get("rooms").get(room.getAttribute("name")).size());
                    for (int e = 0; e < roomEvents.getLength(); e++) {
                        Element event = (Element) roomEvents.item(e);
                        JsonNode jsonEvent = jsonDay.get("rooms").get(room.getAttribute("name")).get(e);
                        assertThat(event.getAttribute("guid")).isEqualTo(jsonEvent.get("guid").asString());
                        assertThat(event.getAttribute("id")).isEqualTo(jsonEvent.get("id").asString());
                        assertThat(text(event, "start")).isEqualTo(jsonEvent.get("start").asString());
                        assertThat(text(event, "duration")).isEqualTo(jsonEvent.get("duration").asString());
                        assertThat(text(event, "room")).isEqualTo(room.getAttribute("name"));
                        assertThat(text(event, "title")).isEqualTo(jsonEvent.get("title").asString());
                        assertThat(text(event, "optout")).as("recording opt-out as in the JSON")
                                .isEqualTo(jsonEvent.get("do_not_record").isNull() ? "false" : "true");
                        assertThat(event.getElementsByTagName("logo").getLength()).as("no empty logo").isZero();
                        events++;
                    }
                }
            }
            List<String> jsonRooms = new ArrayList<>();
            jsonDay.get("rooms").propertyNames().forEach(jsonRooms::add);
            assertThat(names).isEqualTo(jsonRooms);
        }
        assertThat(events).isGreaterThan(30);
    }

    @Test
    void cancelledSessionsAreLeftOutAndUnknownConferencesAndLanguagesAreProblems() {
        String conference = barcelona();
        schedule(conference, "kept", "PLENARY", "2024-11-07", "10:00", "11:30", "Sala Tarradellas");
        String cancelled = schedule(conference, "dropped", "PLENARY", "2024-11-07", "12:00", "13:00", "Sala Tarradellas");
        assertThat(post("/api/sessions/" + cancelled + "/cancel", organiser(), null).statusCode()).isEqualTo(200);

        JsonNode rooms = read(get("/api/sessions/conferences/" + conference + "/schedule.json", participant()))
                .get("schedule").get("conference").get("days").get(0).get("rooms");
        assertThat(rooms.get("Sala Tarradellas")).hasSize(1);
        assertThat(rooms.get("Sala Tarradellas").get(0).get("duration").asString()).isEqualTo("01:30");
        assertThat(get("/api/sessions/conferences/" + conference + "/schedule.xml", participant()).body())
                .doesNotContain("dropped");

        assertNotFoundProblem(get("/api/sessions/conferences/no-such-conference/schedule.json", participant()));
        assertNotFoundProblem(get("/api/sessions/conferences/no-such-conference/schedule.xml", participant()));
        HttpResponse<String> badLanguage = get("/api/sessions/conferences/" + conference + "/schedule.json?lang=de",
                participant());
        assertThat(badLanguage.statusCode()).isEqualTo(400);
        assertThat(badLanguage.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(read(badLanguage).get("errors").get(0).get("field").asString()).isEqualTo("lang");
        assertThat(get("/api/sessions/conferences/" + conference + "/schedule.json", null).statusCode())
                .as("exports of the programme need a signed-in user").isEqualTo(401);
    }

    private static String text(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? null : found.item(0).getTextContent();
    }
}

package dev.hybridconf.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The test schema of the c3voc format is at least as strict as the published one: a schedule the
 * published format refuses (field by field: types, formats, patterns, required fields, unknown
 * fields, the person shapes) is refused here too. Each case starts from a small schedule that both
 * accept and breaks one rule. The one deliberate difference, {@code start} as {@code HH:mm}, is
 * checked as well.
 */
class C3vocTestSchemaTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String VALID = """
            {"$schema": "https://c3voc.de/schedule/schema.json",
             "generator": {"name": "test", "version": "1", "url": "https://example.org/"},
             "schedule": {"version": "7", "base_url": "https://conference.example.org/",
              "conference": {"acronym": "local_action_2024", "title": "Local Action", "start": "2024-11-07",
               "end": "2024-11-08", "daysCount": 1, "timeslot_duration": "00:30", "time_zone_name": "Europe/Madrid",
               "url": "https://conference.example.org/",
               "rooms": [{"name": "Auditori", "guid": "0b3a9d3e-2f5c-4d0c-9c57-0b1f6f7e9a11"}],
               "days": [{"index": 1, "date": "2024-11-07", "day_start": "2024-11-07T09:00:00+01:00",
                "day_end": "2024-11-07T18:00:00+01:00",
                "rooms": {"Auditori": [{"guid": "6f1e7c1a-8d3b-4c36-9f0e-3a1d2b4c5e6f", "id": 17,
                 "date": "2024-11-07T09:00:00+01:00", "start": "09:00", "duration": "01:30", "room": "Auditori",
                 "slug": "local-action-2024-opening", "url": "https://conference.example.org/api/sessions/x",
                 "logo": "https://conference.example.org/logos/opening.png",
                 "title": "Opening", "subtitle": "", "track": null, "type": "opening", "language": "en",
                 "abstract": "About the opening", "description": "", "recording_license": "",
                 "do_not_record": null, "persons": [{"name": "Ada Colau", "public_name": "Ada Colau"}],
                 "links": [], "attachments": []}]}}]}}}
            """;

    @Test
    void theStartingScheduleFollowsTheFormat() {
        assertThat(C3vocSchema.validate(VALID)).isEmpty();
    }

    @Test
    void anEventMayLeaveTheLogoOutAndRecordingUnsaid() {
        assertThat(C3vocSchema.validate(edit(e -> event(e).remove("logo")))).isEmpty();
        assertThat(C3vocSchema.validate(edit(e -> event(e).put("do_not_record", "true")))).isEmpty();
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                // What the export used to write, and the published format refuses.
                Arguments.of("do_not_record as a boolean", edit(e -> event(e).put("do_not_record", false))),
                Arguments.of("do_not_record true as a boolean", edit(e -> event(e).put("do_not_record", true))),
                Arguments.of("logo null", edit(e -> event(e).putNull("logo"))),
                Arguments.of("logo not a URI", edit(e -> event(e).put("logo", "not a uri"))),
                Arguments.of("do_not_stream as a boolean", edit(e -> event(e).put("do_not_stream", false))),
                // Unknown fields where the format allows none.
                Arguments.of("an unknown top-level field", edit(e -> e.put("extra", 1))),
                Arguments.of("an unknown conference field", edit(e -> conference(e).put("extra", 1))),
                Arguments.of("an unknown day field", edit(e -> day(e).put("extra", 1))),
                Arguments.of("an unknown event field", edit(e -> event(e).put("extra", 1))),
                Arguments.of("an unknown room field", edit(e -> room(e).put("extra", 1))),
                Arguments.of("schedule.rooms", edit(e -> schedule(e).putArray("rooms"))),
                // Required fields.
                Arguments.of("no schedule", edit(e -> e.remove("schedule"))),
                Arguments.of("no version", edit(e -> schedule(e).remove("version"))),
                Arguments.of("no acronym", edit(e -> conference(e).remove("acronym"))),
                Arguments.of("no daysCount", edit(e -> conference(e).remove("daysCount"))),
                Arguments.of("no timeslot_duration", edit(e -> conference(e).remove("timeslot_duration"))),
                Arguments.of("no day_end", edit(e -> day(e).remove("day_end"))),
                Arguments.of("no event url", edit(e -> event(e).remove("url"))),
                Arguments.of("no event subtitle", edit(e -> event(e).remove("subtitle"))),
                Arguments.of("no event abstract", edit(e -> event(e).remove("abstract"))),
                Arguments.of("no event persons", edit(e -> event(e).remove("persons"))),
                Arguments.of("no room guid", edit(e -> room(e).remove("guid"))),
                // Types, formats and patterns.
                Arguments.of("generator url not a URI", edit(e -> ((ObjectNode) e.get("generator")).put("url", "x y"))),
                Arguments.of("base_url not a URI", edit(e -> schedule(e).put("base_url", "localhost 8082"))),
                Arguments.of("acronym with a capital", edit(e -> conference(e).put("acronym", "Local_action"))),
                Arguments.of("end not a date", edit(e -> conference(e).put("end", "8 Nov 2024"))),
                Arguments.of("daysCount a string", edit(e -> conference(e).put("daysCount", "1"))),
                Arguments.of("time_zone_name not a zone", edit(e -> conference(e).put("time_zone_name", "madrid"))),
                Arguments.of("conference url not a URI", edit(e -> conference(e).put("url", "conference"))),
                Arguments.of("room guid not a UUID", edit(e -> room(e).put("guid", "auditori"))),
                Arguments.of("day index a string", edit(e -> day(e).put("index", "1"))),
                Arguments.of("day date a date-time", edit(e -> day(e).put("date", "2024-11-07T00:00:00+01:00"))),
                Arguments.of("day_start without a time", edit(e -> day(e).put("day_start", "2024-11-07"))),
                Arguments.of("event id zero", edit(e -> event(e).put("id", 0))),
                Arguments.of("event guid not a UUID", edit(e -> event(e).put("guid", "opening"))),
                Arguments.of("event date without a time", edit(e -> event(e).put("date", "2024-11-07"))),
                Arguments.of("duration without minutes", edit(e -> event(e).put("duration", "90"))),
                Arguments.of("slug with a capital", edit(e -> event(e).put("slug", "Opening"))),
                Arguments.of("slug ending with a dash", edit(e -> event(e).put("slug", "opening-"))),
                Arguments.of("event url not a URI", edit(e -> event(e).put("url", "/api/sessions/x"))),
                Arguments.of("title a number", edit(e -> event(e).put("title", 1))),
                Arguments.of("track a number", edit(e -> event(e).put("track", 1))),
                Arguments.of("recording_license null", edit(e -> event(e).putNull("recording_license"))),
                Arguments.of("links an object", edit(e -> event(e).putObject("links"))),
                Arguments.of("a person with neither name nor public_name and id",
                        edit(e -> person(e).removeAll())),
                Arguments.of("a person both as Frab and as pretalx write it",
                        edit(e -> person(e).put("id", 4))),
                Arguments.of("a person guid not a UUID", edit(e -> person(e).put("guid", "ada"))),
                Arguments.of("a pretalx person code in lower case", edit(e -> person(e).put("code", "abc"))),
                Arguments.of("a pretalx person avatar not a URI", edit(e -> person(e).put("avatar", "ada.png"))),
                // Our one deliberate difference: start is HH:mm, nothing else.
                Arguments.of("start as a date-time", edit(e -> event(e).put("start", "2024-11-07T09:00:00+01:00"))),
                Arguments.of("start 24:00", edit(e -> event(e).put("start", "24:00"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void aScheduleThePublishedFormatRefusesIsRefused(String what, String document) {
        assertThat(C3vocSchema.validate(document)).as(what).isNotEmpty();
    }

    private static String edit(Consumer<ObjectNode> change) {
        try {
            ObjectNode document = (ObjectNode) JSON.readTree(VALID);
            change.accept(document);
            return JSON.writeValueAsString(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode schedule(ObjectNode document) {
        return (ObjectNode) document.get("schedule");
    }

    private static ObjectNode conference(ObjectNode document) {
        return (ObjectNode) schedule(document).get("conference");
    }

    private static ObjectNode room(ObjectNode document) {
        return (ObjectNode) conference(document).get("rooms").get(0);
    }

    private static ObjectNode day(ObjectNode document) {
        return (ObjectNode) conference(document).get("days").get(0);
    }

    private static ObjectNode event(ObjectNode document) {
        return (ObjectNode) day(document).get("rooms").get("Auditori").get(0);
    }

    private static ObjectNode person(ObjectNode document) {
        return (ObjectNode) event(document).get("persons").get(0);
    }
}

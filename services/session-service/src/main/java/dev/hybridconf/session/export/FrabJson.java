package dev.hybridconf.session.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The schedule in the c3voc schedule JSON format ({@code https://c3voc.de/schedule/schema.json}), as
 * pretalx emits it and conference apps (Giggity, ConfClerk, Fahrplan, c3voc's tools) read it.
 * Written field by field, nulls included, so every field the format requires is present; the
 * schedule validates against the published schema of the format, except that an event's {@code start}
 * is the local time {@code HH:mm}, as Frab and pretalx write it (the schema annotates it date-time).
 */
final class FrabJson {

    static final String SCHEMA = "https://c3voc.de/schedule/schema.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FrabJson() {
    }

    static String write(FrabSchedule schedule) {
        Map<String, Object> conference = new LinkedHashMap<>();
        conference.put("acronym", schedule.acronym());
        conference.put("title", schedule.title());
        conference.put("start", schedule.conference().startDate().toString());
        conference.put("end", schedule.conference().endDate().toString());
        conference.put("daysCount", schedule.days().size());
        conference.put("timeslot_duration", schedule.timeslot());
        conference.put("time_zone_name", schedule.conference().timeZone().getId());
        if (schedule.url() != null) {
            conference.put("url", schedule.url());
        }
        conference.put("rooms", schedule.rooms().stream()
                .map(r -> Map.of("name", r.name(), "guid", r.guid())).toList());
        conference.put("days", schedule.days().stream().map(FrabJson::day).toList());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", schedule.version());
        body.put("base_url", schedule.baseUrl());
        body.put("conference", conference);

        Map<String, Object> generator = new LinkedHashMap<>();
        generator.put("name", "hybridconf session-service");
        generator.put("version", "1");

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("$schema", SCHEMA);
        document.put("generator", generator);
        document.put("schedule", body);
        return JSON.writeValueAsString(document);
    }

    private static Map<String, Object> day(FrabSchedule.Day day) {
        Map<String, Object> rooms = new LinkedHashMap<>();
        day.rooms().forEach((room, events) -> rooms.put(room, events.stream().map(FrabJson::event).toList()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("index", day.index());
        json.put("date", day.date().toString());
        json.put("day_start", day.start());
        json.put("day_end", day.end());
        json.put("rooms", rooms);
        return json;
    }

    private static Map<String, Object> event(FrabSchedule.Event event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("guid", event.guid());
        json.put("id", event.id());
        json.put("date", event.date());
        json.put("start", event.start());
        json.put("duration", event.duration());
        json.put("room", event.room());
        json.put("slug", event.slug());
        json.put("url", event.url());
        json.put("title", event.title());
        json.put("subtitle", event.subtitle());
        json.put("track", event.track());
        json.put("type", event.type());
        json.put("language", event.language());
        json.put("abstract", event.abstractText());
        json.put("description", event.description());
        // No logo: the format wants a URI or nothing, and sessions have no logo of their own.
        json.put("recording_license", "");
        // The format types it a string or null: "true" when the session must not be recorded, null when it may.
        json.put("do_not_record", event.doNotRecord() ? "true" : null);
        json.put("persons", event.persons().stream().map(p -> {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("name", p.name());
            person.put("public_name", p.name());
            return person;
        }).toList());
        json.put("links", List.of());
        json.put("attachments", List.of());
        return json;
    }
}

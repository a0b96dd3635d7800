package dev.hybridconf.session.programme;

import static dev.hybridconf.session.programme.ProgrammeProblem.at;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.hybridconf.contracts.session.RegistrationTerms;
import dev.hybridconf.kit.validation.PlainTextRules;
import tools.jackson.databind.JsonNode;

/**
 * Reads programme trees (from a YAML or JSON file, or a request body) into specs, recording every
 * problem with its path instead of stopping at the first, so a refused file lists all it got wrong.
 * One parser per file or request: it collects the problems of that one.
 */
final class ProgrammeParser {

    static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final Pattern CONFERENCE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_NAME = 200;
    static final int MAX_CAPACITY = 100_000;
    static final int MAX_SESSIONS = 1000;
    static final int MAX_LIST = 50;
    /** Places a conference may offer per attendance mode. */
    static final int MAX_PLACES = 1_000_000;

    private static final Set<String> FILE_FIELDS = Set.of("conference", "days", "sessions");
    private static final Set<String> CONFERENCE_FIELDS = Set.of("id", "name", "timeZone", "languages", "startDate",
            "endDate", "invitationOnly", "registration", "days");
    private static final Set<String> REGISTRATION_FIELDS = Set.of("opensAt", "closesAt", "inPersonCapacity",
            "remoteCapacity");
    private static final Set<String> DAY_FIELDS = Set.of("date", "theme");
    private static final Set<String> SESSION_FIELDS = Set.of("key", "kind", "day", "start", "end", "room", "track",
            "floorLanguages", "format", "publiclyStreamed", "capacity", "moderatorIds", "speakers", "rapporteurId",
            "title", "description", "slot");
    private static final Set<String> MOVE_FIELDS = Set.of("day", "start", "end", "room");

    private final List<ProgrammeProblem> problems = new ArrayList<>();

    List<ProgrammeProblem> problems() {
        return List.copyOf(problems);
    }

    boolean ok() {
        return problems.isEmpty();
    }

    void problem(String path, String key, Object... args) {
        problems.add(ProgrammeProblem.of(path, key, args));
    }

    /** A whole programme file: {@code conference}, {@code days}, {@code sessions}. */
    ProgrammeDocument document(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            problem("(file)", "programme.file.empty");
            return null;
        }
        if (!root.isObject()) {
            problem("(file)", "programme.field.object");
            return null;
        }
        unknownFields(root, "", FILE_FIELDS);
        JsonNode conferenceNode = root.get("conference");
        ConferenceSpec conference = null;
        if (conferenceNode == null || conferenceNode.isNull()) {
            problem("conference", "programme.field.required");
        } else {
            conference = conference(conferenceNode, "conference", true, false);
        }
        List<DaySpec> days = days(root.get("days"), "days", true);
        List<SessionSpec> sessions = new ArrayList<>();
        JsonNode sessionNodes = root.get("sessions");
        if (sessionNodes == null || sessionNodes.isNull()) {
            problem("sessions", "programme.field.required");
        } else if (!sessionNodes.isArray()) {
            problem("sessions", "programme.field.list");
        } else if (sessionNodes.size() > MAX_SESSIONS) {
            problem("sessions", "programme.field.too-many", MAX_SESSIONS);
        } else {
            for (int i = 0; i < sessionNodes.size(); i++) {
                SessionSpec session = session(sessionNodes.get(i), "sessions[" + i + "]", true);
                if (session != null) {
                    sessions.add(session);
                }
            }
        }
        return conference == null ? null : new ProgrammeDocument(conference, days, sessions);
    }

    /**
     * A conference's details.
     *
     * @param allowDays whether the node may carry {@code days} (a request body does; a file has them at the top)
     */
    ConferenceSpec conference(JsonNode node, String path, boolean idRequired, boolean allowDays) {
        if (!node.isObject()) {
            problem(pathOrBody(path), "programme.field.object");
            return null;
        }
        Set<String> allowed = allowDays ? CONFERENCE_FIELDS
                : CONFERENCE_FIELDS.stream().filter(f -> !"days".equals(f)).collect(Collectors.toSet());
        unknownFields(node, path, allowed);
        String id = text(node, path, "id", idRequired, 63, Shape.IDENTIFIER);
        if (id != null && !CONFERENCE_ID.matcher(id).matches()) {
            problem(at(path, "id"), "programme.field.conference-id");
            id = null;
        }
        Map<String, String> name = texts(node, path, "name", MAX_NAME);
        ZoneId zone = zone(node, path, "timeZone", true);
        List<String> languages = languages(node, path, "languages", true);
        LocalDate start = date(node, path, "startDate", true);
        LocalDate end = date(node, path, "endDate", true);
        boolean invitationOnly = bool(node, path, "invitationOnly", false);
        RegistrationTerms registration = registration(node, path, "registration");
        return new ConferenceSpec(path, id, name, zone, languages, start, end, invitationOnly, registration);
    }

    /**
     * How the conference takes registrations: {@code inPersonCapacity} and {@code remoteCapacity} (places,
     * 0 to {@value #MAX_PLACES}; absent: the registration service's default) and {@code opensAt} /
     * {@code closesAt} (date-times with their offset; absent: no bound). Absent as a whole: nothing stated.
     */
    private RegistrationTerms registration(JsonNode node, String path, String field) {
        JsonNode value = value(node, path, field, false);
        if (value == null) {
            return RegistrationTerms.UNSTATED;
        }
        String where = at(path, field);
        if (!value.isObject()) {
            problem(where, "programme.field.object");
            return RegistrationTerms.UNSTATED;
        }
        unknownFields(value, where, REGISTRATION_FIELDS);
        Integer inPerson = places(value, where, "inPersonCapacity");
        Integer remote = places(value, where, "remoteCapacity");
        Instant opens = instant(value, where, "opensAt");
        Instant closes = instant(value, where, "closesAt");
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            problem(at(where, "closesAt"), "programme.registration.window", value.get("opensAt").asString().strip());
        }
        return new RegistrationTerms(inPerson, remote, opens, closes);
    }

    List<DaySpec> days(JsonNode node, String path, boolean required) {
        List<DaySpec> days = new ArrayList<>();
        if (node == null || node.isNull()) {
            if (required) {
                problem(path, "programme.field.required");
            }
            return days;
        }
        if (!node.isArray()) {
            problem(path, "programme.field.list");
            return days;
        }
        for (int i = 0; i < node.size(); i++) {
            DaySpec day = day(node.get(i), path + "[" + i + "]");
            if (day != null) {
                days.add(day);
            }
        }
        return days;
    }

    DaySpec day(JsonNode node, String path) {
        if (!node.isObject()) {
            problem(pathOrBody(path), "programme.field.object");
            return null;
        }
        unknownFields(node, path, DAY_FIELDS);
        LocalDate date = date(node, path, "date", true);
        Map<String, String> theme = texts(node, path, "theme", MAX_TITLE);
        return new DaySpec(path, date, theme);
    }

    /** The body of a day change: its theme (and, optionally, its date, which the address gives). */
    Map<String, String> dayTheme(JsonNode node) {
        if (!node.isObject()) {
            problem("body", "programme.field.object");
            return Map.of();
        }
        unknownFields(node, "", DAY_FIELDS);
        return texts(node, "", "theme", MAX_TITLE);
    }

    /** A session; in a file its {@code key} is required, in an organiser's request it may be left out. */
    SessionSpec session(JsonNode node, String path, boolean keyRequired) {
        if (!node.isObject()) {
            problem(pathOrBody(path), "programme.field.object");
            return null;
        }
        unknownFields(node, path, SESSION_FIELDS);
        String key = text(node, path, "key", keyRequired, 64, Shape.IDENTIFIER);
        if (key != null && !KEY.matcher(key).matches()) {
            problem(at(path, "key"), "programme.field.key");
        }
        SessionKind kind = choice(node, path, "kind", SessionKind.class, true);
        LocalDate day = date(node, path, "day", true);
        LocalTime start = time(node, path, "start", false);
        LocalTime end = time(node, path, "end", true);
        String room = text(node, path, "room", false, MAX_NAME);
        String track = text(node, path, "track", false, MAX_NAME);
        List<String> floorLanguages = languages(node, path, "floorLanguages", false);
        SessionFormat format = choice(node, path, "format", SessionFormat.class, true);
        boolean streamed = bool(node, path, "publiclyStreamed", false);
        Integer capacity = capacity(node, path, "capacity");
        if (capacity != null && kind != null && kind != SessionKind.BREAKOUT) {
            // Only breakouts take enrolments; elsewhere a capacity would be shown but never kept.
            problem(at(path, "capacity"), "programme.capacity.breakout-only");
        }
        List<String> moderators = list(node, path, "moderatorIds", true, MAX_NAME);
        List<String> speakers = list(node, path, "speakers", false, MAX_NAME);
        String rapporteur = text(node, path, "rapporteurId", false, 36, Shape.IDENTIFIER);
        if (rapporteur != null && !UUID.matcher(rapporteur).matches()) {
            problem(at(path, "rapporteurId"), "programme.field.uuid");
        }
        Map<String, String> title = texts(node, path, "title", MAX_TITLE);
        Map<String, String> description = texts(node, path, "description", MAX_DESCRIPTION, Shape.LINES);
        String slot = text(node, path, "slot", false, 64);
        return new SessionSpec(path, key, kind, SessionStatus.SCHEDULED, day, start, end, room, track, floorLanguages,
                format, streamed, capacity, moderators, speakers, rapporteur, title, description, slot);
    }

    /** Where and when a session moves: a day, local times, and optionally another room ({@code room: null} for none). */
    record Move(LocalDate day, LocalTime start, LocalTime end, boolean roomGiven, String room) {
    }

    Move move(JsonNode node) {
        if (!node.isObject()) {
            problem("body", "programme.field.object");
            return null;
        }
        unknownFields(node, "", MOVE_FIELDS);
        LocalDate day = date(node, "", "day", true);
        LocalTime start = time(node, "", "start", false);
        LocalTime end = time(node, "", "end", true);
        boolean roomGiven = node.has("room");
        String room = text(node, "", "room", false, MAX_NAME);
        return new Move(day, start, end, roomGiven, room);
    }

    // ---- values -----------------------------------------------------------------------------

    private void unknownFields(JsonNode node, String path, Set<String> allowed) {
        for (String field : node.propertyNames()) {
            if (!allowed.contains(field)) {
                problem(at(path, field), "programme.field.unknown");
            }
        }
    }

    private static String pathOrBody(String path) {
        return path == null || path.isEmpty() ? "body" : path;
    }

    private JsonNode value(JsonNode node, String path, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isString() && value.stringValue().isBlank())) {
            if (required) {
                problem(at(path, field), "programme.field.required");
            }
            return null;
        }
        return value;
    }

    /**
     * What a text field may hold. Every text is plain text ({@link PlainTextRules}): no control
     * characters, direction overrides or broken characters, so that what a participant reads (on the
     * portal, a board, a calendar, in Zoom) is what the organiser typed.
     */
    enum Shape {
        /** One line; a whole number is read as its digits ({@code room: 101} in a YAML file). */
        LINE,
        /** Free text that may span lines (a description). */
        LINES,
        /** An id or key: a JSON string only, never a number that happens to look like one. */
        IDENTIFIER
    }

    String text(JsonNode node, String path, String field, boolean required, int max) {
        return text(node, path, field, required, max, Shape.LINE);
    }

    String text(JsonNode node, String path, String field, boolean required, int max, Shape shape) {
        JsonNode value = value(node, path, field, required);
        if (value == null) {
            return null;
        }
        if (shape == Shape.IDENTIFIER && !value.isString()) {
            problem(at(path, field), "programme.field.identifier");
            return null;
        }
        if (!value.isString() && !value.isIntegralNumber()) {
            problem(at(path, field), "programme.field.text");
            return null;
        }
        // strip(), not trim(): trim() would also drop control characters at either end, hiding them.
        String text = value.asString().strip();
        if (text.length() > max) {
            problem(at(path, field), "programme.field.too-long", max);
            return null;
        }
        if (!PlainTextRules.isPlain(text, shape == Shape.LINES)) {
            problem(at(path, field), "programme.field.plain-text");
            return null;
        }
        return text;
    }

    private Map<String, String> texts(JsonNode node, String path, String field, int max) {
        return texts(node, path, field, max, Shape.LINE);
    }

    private Map<String, String> texts(JsonNode node, String path, String field, int max, Shape shape) {
        JsonNode value = value(node, path, field, false);
        Map<String, String> texts = new LinkedHashMap<>();
        if (value == null) {
            return texts;
        }
        if (!value.isObject()) {
            problem(at(path, field), "programme.field.texts");
            return texts;
        }
        for (String language : value.propertyNames()) {
            String where = at(path, field) + "." + language;
            if (!Languages.ALL.contains(language)) {
                problem(where, "programme.field.language");
                continue;
            }
            String text = text(value, at(path, field), language, false, max, shape);
            if (text != null && !text.isEmpty()) {
                texts.put(language, text);
            }
        }
        return texts;
    }

    private ZoneId zone(JsonNode node, String path, String field, boolean required) {
        String text = text(node, path, field, required, 64);
        if (text == null) {
            return null;
        }
        if (!ZONES.contains(text)) {
            problem(at(path, field), "programme.field.time-zone");
            return null;
        }
        return ZoneId.of(text);
    }

    private LocalDate date(JsonNode node, String path, String field, boolean required) {
        String text = text(node, path, field, required, 10);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            problem(at(path, field), "programme.field.date");
            return null;
        }
    }

    /**
     * A local time {@code HH:mm}. An end may be {@code 24:00}, as agendas write the midnight that closes a
     * day: it is {@code 00:00}, which as an end (not after the start) is on the next day.
     */
    private LocalTime time(JsonNode node, String path, String field, boolean end) {
        String text = text(node, path, field, true, 5);
        if (text == null) {
            return null;
        }
        Matcher matcher = TIME.matcher(text);
        if (matcher.matches()) {
            int hours = Integer.parseInt(matcher.group(1));
            int minutes = Integer.parseInt(matcher.group(2));
            if (hours < 24 && minutes < 60) {
                return LocalTime.of(hours, minutes);
            }
            if (end && hours == 24 && minutes == 0) {
                return LocalTime.MIDNIGHT;
            }
        }
        problem(at(path, field), "programme.field.time");
        return null;
    }

    private boolean bool(JsonNode node, String path, String field, boolean otherwise) {
        JsonNode value = value(node, path, field, false);
        if (value == null) {
            return otherwise;
        }
        if (!value.isBoolean()) {
            problem(at(path, field), "programme.field.boolean");
            return otherwise;
        }
        return value.booleanValue();
    }

    private Integer capacity(JsonNode node, String path, String field) {
        JsonNode value = value(node, path, field, false);
        if (value == null) {
            return null;
        }
        // canConvertToInt() first: a number past long (99999999999999999999999) cannot be read as one.
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1
                || value.asInt() > MAX_CAPACITY) {
            problem(at(path, field), "programme.field.capacity", MAX_CAPACITY);
            return null;
        }
        return value.asInt();
    }

    private Integer places(JsonNode node, String path, String field) {
        JsonNode value = value(node, path, field, false);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0 || value.asInt() > MAX_PLACES) {
            problem(at(path, field), "programme.field.places", MAX_PLACES);
            return null;
        }
        return value.asInt();
    }

    /** A date and time with its offset ({@code 2024-09-01T09:00:00+02:00}), as the instant it names. */
    private Instant instant(JsonNode node, String path, String field) {
        String text = text(node, path, field, false, 40);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            problem(at(path, field), "programme.field.date-time");
            return null;
        }
    }

    private <E extends Enum<E>> E choice(JsonNode node, String path, String field, Class<E> type, boolean required) {
        String text = text(node, path, field, required, 32);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            problem(at(path, field), "programme.field.choice", Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")));
            return null;
        }
    }

    private List<String> languages(JsonNode node, String path, String field, boolean required) {
        List<String> languages = list(node, path, field, false, 16);
        if (languages == null) {
            return null;
        }
        List<String> known = new ArrayList<>();
        for (int i = 0; i < languages.size(); i++) {
            if (Languages.ALL.contains(languages.get(i))) {
                known.add(languages.get(i));
            } else {
                problem(at(path, field) + "[" + i + "]", "programme.field.language");
            }
        }
        if (required && languages.isEmpty()) {
            problem(at(path, field), "programme.field.required");
        }
        return Languages.ALL.stream().filter(known::contains).toList();
    }

    /**
     * A list of texts (codes, ids, names); duplicates are refused.
     *
     * @param uuids whether each item must be a registration id
     */
    private List<String> list(JsonNode node, String path, String field, boolean uuids, int max) {
        JsonNode value = value(node, path, field, false);
        List<String> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (!value.isArray()) {
            problem(at(path, field), "programme.field.list");
            return items;
        }
        if (value.size() > MAX_LIST) {
            problem(at(path, field), "programme.field.too-many", MAX_LIST);
            return items;
        }
        for (int i = 0; i < value.size(); i++) {
            String where = at(path, field) + "[" + i + "]";
            JsonNode item = value.get(i);
            if (item == null || item.isNull() || !(item.isString() || (!uuids && item.isIntegralNumber()))) {
                problem(where, uuids ? "programme.field.uuid" : "programme.field.text");
                continue;
            }
            String text = item.asString().strip();
            if (text.isEmpty()) {
                problem(where, "programme.field.required");
            } else if (!PlainTextRules.isPlain(text, false)) {
                problem(where, "programme.field.plain-text");
            } else if (text.length() > max && !uuids) {
                problem(where, "programme.field.too-long", max);
            } else if (uuids && !UUID.matcher(text).matches()) {
                problem(where, "programme.field.uuid");
            } else if (items.contains(text)) {
                problem(where, "programme.field.duplicate");
            } else {
                items.add(uuids ? text.toLowerCase(Locale.ROOT) : text);
            }
        }
        return items;
    }
}

package dev.hybridconf.rapporteur.assignments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.errors.InvalidFieldsException.Invalid;
import dev.hybridconf.kit.validation.PlainTextRules;
import dev.hybridconf.rapporteur.corpus.ThemeTags;
import dev.hybridconf.rapporteur.programme.ConferenceInfo;
import dev.hybridconf.rapporteur.programme.DayInfo;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code PUT .../assignments}, read field by field so that every problem is named with its place
 * ({@code days[1].themes[0].rapporteurs[2]}) and nothing is fixed silently:
 *
 * <pre>{@code
 * {"days":[{"day":"2021-02-16","rapporteurs":["<registrationId>"],
 *           "themes":[{"theme":"housing","rapporteurs":["<registrationId>"]}]}]}
 * }</pre>
 */
final class AssignmentForm {

    static final int MAX_DAYS = 62;
    static final int MAX_PEOPLE = 50;
    static final int MAX_THEMES = 50;
    static final int MAX_THEME_LENGTH = 100;

    private AssignmentForm() {
    }

    static List<DayAssignment> read(JsonNode body, ConferenceInfo conference) {
        List<Invalid> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidFieldsException(List.of(new Invalid("body", "summaries.field.object")));
        }
        unknown(body, "", Set.of("days", "conferenceId", "version"), problems);
        JsonNode days = body.get("days");
        List<DayAssignment> result = new ArrayList<>();
        if (days == null || !days.isArray()) {
            problems.add(new Invalid("days", "summaries.field.list"));
        } else if (days.size() > MAX_DAYS) {
            problems.add(new Invalid("days", "summaries.field.too-many", MAX_DAYS));
        } else {
            Set<LocalDate> seen = new HashSet<>();
            for (int i = 0; i < days.size(); i++) {
                String field = "days[" + i + "]";
                JsonNode entry = days.get(i);
                if (!entry.isObject()) {
                    problems.add(new Invalid(field, "summaries.field.object"));
                    continue;
                }
                unknown(entry, field + ".", Set.of("day", "rapporteurs", "themes", "source"), problems);
                JsonNode dayNode = entry.get("day");
                LocalDate day = dayNode != null && dayNode.isString() ? Addresses.date(dayNode.asString()) : null;
                if (day == null) {
                    problems.add(new Invalid(field + ".day", "summaries.field.date"));
                } else if (!conference.days().isEmpty()
                        && conference.days().stream().map(DayInfo::date).noneMatch(day::equals)) {
                    problems.add(new Invalid(field + ".day", "assignments.day-not-in-conference", day));
                } else if (!seen.add(day)) {
                    problems.add(new Invalid(field + ".day", "assignments.day-twice", day));
                }
                List<String> people = people(entry.get("rapporteurs"), field + ".rapporteurs", problems);
                List<DayAssignment.ThemeAssignment> themes = themes(entry.get("themes"), field + ".themes", problems);
                if (day != null) {
                    result.add(new DayAssignment(day, people, themes));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        result.sort((a, b) -> a.day().compareTo(b.day()));
        return result;
    }

    private static List<DayAssignment.ThemeAssignment> themes(JsonNode node, String field, List<Invalid> problems) {
        List<DayAssignment.ThemeAssignment> themes = new ArrayList<>();
        if (node == null || node.isNull()) {
            return themes;
        }
        if (!node.isArray()) {
            problems.add(new Invalid(field, "summaries.field.list"));
            return themes;
        }
        if (node.size() > MAX_THEMES) {
            problems.add(new Invalid(field, "summaries.field.too-many", MAX_THEMES));
            return themes;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String place = field + "[" + i + "]";
            JsonNode entry = node.get(i);
            if (!entry.isObject()) {
                problems.add(new Invalid(place, "summaries.field.object"));
                continue;
            }
            unknown(entry, place + ".", Set.of("theme", "key", "rapporteurs"), problems);
            JsonNode themeNode = entry.get("theme");
            String theme = themeNode != null && themeNode.isString() ? themeNode.asString().strip() : null;
            String key = null;
            if (theme == null || theme.isEmpty() || theme.length() > MAX_THEME_LENGTH
                    || !PlainTextRules.isPlain(theme, false) || (key = ThemeTags.key(theme)).isEmpty()) {
                problems.add(new Invalid(place + ".theme", "assignments.theme", MAX_THEME_LENGTH));
            } else if (!keys.add(key)) {
                problems.add(new Invalid(place + ".theme", "assignments.theme-twice", theme));
            }
            List<String> people = people(entry.get("rapporteurs"), place + ".rapporteurs", problems);
            if (key != null) {
                themes.add(new DayAssignment.ThemeAssignment(theme, key, people));
            }
        }
        return themes;
    }

    private static List<String> people(JsonNode node, String field, List<Invalid> problems) {
        Set<String> people = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(new Invalid(field, "summaries.field.list"));
            return List.of();
        }
        if (node.size() > MAX_PEOPLE) {
            problems.add(new Invalid(field, "summaries.field.too-many", MAX_PEOPLE));
            return List.of();
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode id = node.get(i);
            if (id == null || !id.isString() || !Addresses.uuid(id.asString())) {
                problems.add(new Invalid(field + "[" + i + "]", "summaries.field.registration-id"));
            } else {
                people.add(Addresses.id(id.asString()));
            }
        }
        return List.copyOf(people);
    }

    private static void unknown(JsonNode node, String prefix, Set<String> known, List<Invalid> problems) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                problems.add(new Invalid(prefix + (name.length() > 40 ? name.substring(0, 40) : name),
                        "summaries.field.unknown"));
            }
        }
    }
}

package dev.hybridconf.interpretation.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.errors.InvalidFieldsException.Invalid;
import tools.jackson.databind.JsonNode;

/**
 * The JSON body of a roster entry, read field by field so that every problem is reported with its place
 * ({@code languages[1].level}, {@code availability[0].day}) and nothing is fixed silently:
 *
 * <pre>{@code
 * {"name": "Lucía Fernández", "email": "lucia@example.org", "zoomEmail": null, "registrationId": null,
 *  "languages": [{"language": "es", "level": "A"}, {"language": "en", "level": "B", "retour": true}],
 *  "mode": "REMOTE", "availability": [{"day": "2021-02-16", "part": "AFTERNOON"}],
 *  "preferredPartners": ["<interpreterId>"]}
 * }</pre>
 *
 * {@code interpreterId}, {@code conferenceId} and {@code version} (what a read answers) may be sent back and are
 * ignored: the address names the entry, and {@code If-Match} its version.
 */
final class InterpreterForm {

    private static final Set<String> FIELDS = Set.of("name", "email", "zoomEmail", "registrationId", "languages",
            "mode", "availability", "preferredPartners");
    private static final Set<String> READ_ONLY = Set.of("interpreterId", "conferenceId", "version");
    private static final Set<String> LANGUAGE_FIELDS = Set.of("language", "level", "retour");
    private static final Set<String> AVAILABILITY_FIELDS = Set.of("day", "part");

    private InterpreterForm() {
    }

    /** @throws InvalidFieldsException with every problem found */
    static InterpreterDraft read(JsonNode body, Optional<Set<LocalDate>> conferenceDays) {
        List<Invalid> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidFieldsException(List.of(new Invalid("body", "roster.field.object")));
        }
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name) && !READ_ONLY.contains(name)) {
                problems.add(new Invalid(name, "roster.field.unknown"));
            }
        }
        String name = ProfileRules.name(text(body, "name", problems), "name", problems);
        String email = ProfileRules.email(text(body, "email", problems), "email", true, problems);
        String zoomEmail = ProfileRules.email(text(body, "zoomEmail", problems), "zoomEmail", false, problems);
        String registrationId = ProfileRules.registrationId(text(body, "registrationId", problems), "registrationId",
                problems);
        List<LanguageSkill> languages = languages(body.get("languages"), problems);
        WorkMode mode = mode(body.get("mode"), problems);
        List<Availability> availability = availability(body.get("availability"), conferenceDays, problems);
        List<String> partners = partners(body.get("preferredPartners"), problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return new InterpreterDraft(name, email, zoomEmail, registrationId, languages, mode, availability, partners);
    }

    /** A text field's value; null when absent or null; a problem when it is not a text. */
    private static String text(JsonNode body, String field, List<Invalid> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            problems.add(new Invalid(field, "roster.field.text"));
            return "";
        }
        return node.asString();
    }

    private static List<LanguageSkill> languages(JsonNode node, List<Invalid> problems) {
        List<LanguageSkill> skills = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        if (node == null || node.isNull()) {
            problems.add(new Invalid("languages", "roster.field.languages-required"));
            return skills;
        }
        if (!node.isArray()) {
            problems.add(new Invalid("languages", "roster.field.list"));
            return skills;
        }
        if (node.size() > ProfileRules.LANGUAGES_MAX) {
            problems.add(new Invalid("languages", "roster.field.too-many", ProfileRules.LANGUAGES_MAX));
            return skills;
        }
        int before = problems.size();
        for (int i = 0; i < node.size(); i++) {
            String field = "languages[" + i + "]";
            JsonNode entry = node.get(i);
            if (!entry.isObject()) {
                problems.add(new Invalid(field, "roster.field.object"));
                continue;
            }
            unknownFields(entry, field, LANGUAGE_FIELDS, problems);
            JsonNode code = entry.get("language");
            Optional<String> language = code != null && code.isString() ? ProfileRules.language(code.asString())
                    : Optional.empty();
            if (language.isEmpty()) {
                problems.add(new Invalid(field + ".language", "roster.field.language"));
            }
            JsonNode levelNode = entry.get("level");
            Optional<LanguageClass> level = levelNode != null && levelNode.isString()
                    ? ProfileRules.level(levelNode.asString()) : Optional.empty();
            if (level.isEmpty()) {
                problems.add(new Invalid(field + ".level", "roster.field.level"));
            }
            JsonNode retourNode = entry.get("retour");
            boolean retour = false;
            if (retourNode != null && !retourNode.isNull()) {
                if (!retourNode.isBoolean()) {
                    problems.add(new Invalid(field + ".retour", "roster.field.boolean"));
                } else {
                    retour = retourNode.booleanValue();
                }
            }
            if (language.isPresent() && level.isPresent()) {
                skills.add(new LanguageSkill(language.get(), level.get(), retour));
                fields.add(field);
            }
        }
        if (problems.size() == before) {
            ProfileRules.checkLanguages(skills, fields, "languages", problems);
        }
        return skills;
    }

    private static WorkMode mode(JsonNode node, List<Invalid> problems) {
        if (node == null || node.isNull()) {
            problems.add(new Invalid("mode", "roster.field.required"));
            return null;
        }
        Optional<WorkMode> mode = node.isString() ? ProfileRules.mode(node.asString()) : Optional.empty();
        if (mode.isEmpty()) {
            problems.add(new Invalid("mode", "roster.field.mode"));
            return null;
        }
        return mode.get();
    }

    private static List<Availability> availability(JsonNode node, Optional<Set<LocalDate>> conferenceDays,
            List<Invalid> problems) {
        List<Availability> days = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        if (node == null || node.isNull()) {
            return days;
        }
        if (!node.isArray()) {
            problems.add(new Invalid("availability", "roster.field.list"));
            return days;
        }
        if (node.size() > ProfileRules.AVAILABILITY_MAX) {
            problems.add(new Invalid("availability", "roster.field.too-many", ProfileRules.AVAILABILITY_MAX));
            return days;
        }
        for (int i = 0; i < node.size(); i++) {
            String field = "availability[" + i + "]";
            JsonNode entry = node.get(i);
            if (!entry.isObject()) {
                problems.add(new Invalid(field, "roster.field.object"));
                continue;
            }
            unknownFields(entry, field, AVAILABILITY_FIELDS, problems);
            JsonNode dayNode = entry.get("day");
            Optional<LocalDate> day = dayNode != null && dayNode.isString() ? ProfileRules.day(dayNode.asString())
                    : Optional.empty();
            if (day.isEmpty()) {
                problems.add(new Invalid(field + ".day", "roster.field.day"));
            }
            JsonNode partNode = entry.get("part");
            Optional<DayPart> part = partNode == null || partNode.isNull() ? Optional.of(DayPart.DAY)
                    : partNode.isString() ? ProfileRules.part(partNode.asString()) : Optional.empty();
            if (part.isEmpty()) {
                problems.add(new Invalid(field + ".part", "roster.field.part"));
            }
            if (day.isPresent() && part.isPresent()) {
                days.add(new Availability(day.get(), part.get()));
                fields.add(field);
            }
        }
        ProfileRules.checkAvailability(days, fields, "availability", conferenceDays, problems);
        return days;
    }

    /** Roster ids, each once; whether they are on the roster is the roster's to check. */
    private static List<String> partners(JsonNode node, List<Invalid> problems) {
        List<String> partners = new ArrayList<>();
        if (node == null || node.isNull()) {
            return partners;
        }
        if (!node.isArray()) {
            problems.add(new Invalid("preferredPartners", "roster.field.list"));
            return partners;
        }
        if (node.size() > ProfileRules.PARTNERS_MAX) {
            problems.add(new Invalid("preferredPartners", "roster.field.too-many", ProfileRules.PARTNERS_MAX));
            return partners;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String field = "preferredPartners[" + i + "]";
            JsonNode entry = node.get(i);
            if (!entry.isString() || !ProfileRules.interpreterId(entry.asString())) {
                problems.add(new Invalid(field, "roster.field.interpreter-id"));
                continue;
            }
            String id = entry.asString().toLowerCase(Locale.ROOT);
            if (!seen.add(id)) {
                problems.add(new Invalid(field, "roster.field.partner-twice"));
            } else {
                partners.add(id);
            }
        }
        return partners;
    }

    private static void unknownFields(JsonNode entry, String field, Set<String> known, List<Invalid> problems) {
        for (String name : entry.propertyNames()) {
            if (!known.contains(name)) {
                problems.add(new Invalid(field + "." + name, "roster.field.unknown"));
            }
        }
    }
}

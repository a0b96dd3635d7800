package dev.hybridconf.rapporteur.summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.errors.InvalidFieldsException.Invalid;
import dev.hybridconf.kit.validation.PlainTextRules;
import dev.hybridconf.rapporteur.assignments.Addresses;
import tools.jackson.databind.JsonNode;

/**
 * The bodies of the summary's writes, read field by field: a text ({@code {"markdown": "…", "writtenFrom": "en" |
 * null}}) and a publication ({@code {"languages": ["en","fr"], "notes": {"en": "…"}, "allowStale": false}}).
 */
final class SummaryForms {

    static final int MAX_MARKDOWN = 50_000;
    static final int MAX_NOTE = 500;

    record Text(String markdown, String writtenFrom) {
    }

    record Publication(List<String> languages, Map<String, String> notes, boolean allowStale) {
    }

    private SummaryForms() {
    }

    static Text text(JsonNode body, String language) {
        List<Invalid> problems = new ArrayList<>();
        object(body);
        unknown(body, Set.of("markdown", "writtenFrom", "language", "revision"), problems);
        JsonNode markdown = body.get("markdown");
        String text = null;
        if (markdown == null || !markdown.isString() || markdown.asString().isBlank()) {
            problems.add(new Invalid("markdown", "summaries.markdown-required"));
        } else if (markdown.asString().length() > MAX_MARKDOWN) {
            problems.add(new Invalid("markdown", "summaries.field.too-long", MAX_MARKDOWN));
        } else if (!PlainTextRules.isPlain(markdown.asString(), true)) {
            problems.add(new Invalid("markdown", "summaries.field.plain-text"));
        } else {
            text = markdown.asString();
        }
        JsonNode from = body.get("writtenFrom");
        String writtenFrom = null;
        if (from != null && !from.isNull()) {
            if (!from.isString() || !Addresses.LANGUAGES.contains(from.asString())) {
                problems.add(new Invalid("writtenFrom", "summaries.field.language"));
            } else if (from.asString().equals(language)) {
                problems.add(new Invalid("writtenFrom", "summaries.written-from-itself"));
            } else {
                writtenFrom = from.asString();
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return new Text(text, writtenFrom);
    }

    static Publication publication(JsonNode body) {
        List<Invalid> problems = new ArrayList<>();
        object(body);
        unknown(body, Set.of("languages", "notes", "allowStale"), problems);
        Set<String> languages = new LinkedHashSet<>();
        JsonNode list = body.get("languages");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add(new Invalid("languages", "summaries.languages-required"));
        } else if (list.size() > Addresses.LANGUAGES.size()) {
            problems.add(new Invalid("languages", "summaries.field.too-many", Addresses.LANGUAGES.size()));
        } else {
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                if (!item.isString() || !Addresses.LANGUAGES.contains(item.asString())) {
                    problems.add(new Invalid("languages[" + i + "]", "summaries.field.language"));
                } else if (!languages.add(item.asString())) {
                    problems.add(new Invalid("languages[" + i + "]", "summaries.language-twice"));
                }
            }
        }
        Map<String, String> notes = new LinkedHashMap<>();
        JsonNode notesNode = body.get("notes");
        if (notesNode != null && !notesNode.isNull()) {
            if (!notesNode.isObject()) {
                problems.add(new Invalid("notes", "summaries.field.object"));
            } else {
                for (String language : notesNode.propertyNames()) {
                    String field = "notes." + (language.length() > 10 ? language.substring(0, 10) : language);
                    JsonNode note = notesNode.get(language);
                    if (!Addresses.LANGUAGES.contains(language)) {
                        problems.add(new Invalid(field, "summaries.field.language"));
                    } else if (!note.isString() || note.asString().isBlank()) {
                        problems.add(new Invalid(field, "summaries.note-required"));
                    } else if (note.asString().strip().length() > MAX_NOTE) {
                        problems.add(new Invalid(field, "summaries.field.too-long", MAX_NOTE));
                    } else if (!PlainTextRules.isPlain(note.asString(), true)) {
                        problems.add(new Invalid(field, "summaries.field.plain-text"));
                    } else {
                        notes.put(language, note.asString().strip());
                    }
                }
            }
        }
        JsonNode allow = body.get("allowStale");
        boolean allowStale = false;
        if (allow != null && !allow.isNull()) {
            if (!allow.isBoolean()) {
                problems.add(new Invalid("allowStale", "summaries.field.boolean"));
            } else {
                allowStale = allow.asBoolean();
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        List<String> ordered = Addresses.LANGUAGES.stream().filter(languages::contains).toList();
        return new Publication(ordered, notes, allowStale);
    }

    private static void object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidFieldsException(List.of(new Invalid("body", "summaries.field.object")));
        }
    }

    private static void unknown(JsonNode body, Set<String> known, List<Invalid> problems) {
        for (String name : body.propertyNames()) {
            if (!known.contains(name)) {
                problems.add(new Invalid(name.length() > 40 ? name.substring(0, 40) : name, "summaries.field.unknown"));
            }
        }
    }
}

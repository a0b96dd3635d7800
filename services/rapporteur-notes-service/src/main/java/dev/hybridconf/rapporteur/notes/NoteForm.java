package dev.hybridconf.rapporteur.notes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.errors.InvalidFieldsException.Invalid;
import dev.hybridconf.kit.validation.PlainTextRules;
import dev.hybridconf.rapporteur.assignments.Addresses;
import tools.jackson.databind.JsonNode;

/** The body of a note: {@code {"text": "…" (plain text, at most 4,000 characters), "language": "fr"}}. */
final class NoteForm {

    static final int MAX_TEXT = 4_000;

    record Fields(String text, String language) {
    }

    private NoteForm() {
    }

    static Fields read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidFieldsException(List.of(new Invalid("body", "summaries.field.object")));
        }
        List<Invalid> problems = new ArrayList<>();
        Set<String> known = Set.of("text", "language", "noteId", "sessionId", "revision", "author");
        for (String name : body.propertyNames()) {
            if (!known.contains(name)) {
                problems.add(new Invalid(name.length() > 40 ? name.substring(0, 40) : name, "summaries.field.unknown"));
            }
        }
        JsonNode textNode = body.get("text");
        String text = null;
        if (textNode == null || !textNode.isString() || textNode.asString().isBlank()) {
            problems.add(new Invalid("text", "notes.text-required"));
        } else if (textNode.asString().length() > MAX_TEXT) {
            problems.add(new Invalid("text", "summaries.field.too-long", MAX_TEXT));
        } else if (!PlainTextRules.isPlain(textNode.asString(), true)) {
            problems.add(new Invalid("text", "summaries.field.plain-text"));
        } else {
            text = textNode.asString().strip();
        }
        JsonNode languageNode = body.get("language");
        String language = languageNode != null && languageNode.isString() ? languageNode.asString() : null;
        if (language == null || !Addresses.LANGUAGES.contains(language)) {
            problems.add(new Invalid("language", "summaries.field.language"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return new Fields(text, language);
    }
}

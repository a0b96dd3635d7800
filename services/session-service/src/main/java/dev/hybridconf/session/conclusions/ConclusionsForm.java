package dev.hybridconf.session.conclusions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import dev.hybridconf.kit.validation.PlainTextRules;
import tools.jackson.databind.JsonNode;

/**
 * The body of a post, checked field by field: every problem is reported with its field
 * ({@code summary}, {@code keyPoints[2]}, {@code sdgs[0]}), none is fixed silently.
 */
record ConclusionsForm(String language, String summary, List<String> keyPoints, List<String> recommendations,
        List<String> themes, List<Integer> sdgs) {

    static final int SUMMARY_MAX = 4000;
    static final int POINT_MAX = 500;
    static final int POINTS_MAX_ITEMS = 20;
    static final int THEME_MAX = 64;
    static final int THEMES_MAX_ITEMS = 10;
    static final List<String> LANGUAGES = List.of("en", "fr", "es");
    private static final Set<String> FIELDS = Set.of("language", "summary", "keyPoints", "recommendations", "themes",
            "sdgs");

    /** Reads and checks a body. @throws ConclusionsInvalidException with every problem found */
    static ConclusionsForm read(JsonNode body) {
        List<ConclusionsInvalidException.Problem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new ConclusionsInvalidException(List.of(problem("body", "conclusions.field.object")));
        }
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                problems.add(problem(name, "conclusions.field.unknown"));
            }
        }
        String language = null;
        JsonNode lang = body.get("language");
        if (lang == null || lang.isNull()) {
            problems.add(problem("language", "conclusions.field.required"));
        } else if (!lang.isString() || !LANGUAGES.contains(lang.asString().trim().toLowerCase(Locale.ROOT))) {
            problems.add(problem("language", "conclusions.field.language"));
        } else {
            language = lang.asString().trim().toLowerCase(Locale.ROOT);
        }
        String summary = null;
        JsonNode sum = body.get("summary");
        if (sum == null || sum.isNull()) {
            problems.add(problem("summary", "conclusions.field.required"));
        } else {
            summary = text(sum, "summary", SUMMARY_MAX, true, problems);
        }
        List<String> keyPoints = texts(body.get("keyPoints"), "keyPoints", POINTS_MAX_ITEMS, POINT_MAX, false, problems);
        List<String> recommendations = texts(body.get("recommendations"), "recommendations", POINTS_MAX_ITEMS,
                POINT_MAX, false, problems);
        List<String> themes = texts(body.get("themes"), "themes", THEMES_MAX_ITEMS, THEME_MAX, true, problems);
        List<Integer> sdgs = sdgs(body.get("sdgs"), problems);
        if (!problems.isEmpty()) {
            throw new ConclusionsInvalidException(problems);
        }
        return new ConclusionsForm(language, summary, keyPoints, recommendations, themes, sdgs);
    }

    /** A text a person reads: within its length, and plain (line breaks only where it may have several lines). */
    private static String text(JsonNode node, String field, int max, boolean multiline,
            List<ConclusionsInvalidException.Problem> problems) {
        String value = node.isString() ? node.asString().strip() : null;
        if (value == null || value.isEmpty() || value.length() > max) {
            problems.add(problem(field, "conclusions.field.text", max));
            return null;
        }
        if (!PlainTextRules.isPlain(value, multiline)) {
            problems.add(problem(field, "conclusions.field.plain-text"));
            return null;
        }
        return value;
    }

    private static List<String> texts(JsonNode node, String field, int maxItems, int maxLength, boolean unique,
            List<ConclusionsInvalidException.Problem> problems) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray() || node.size() > maxItems) {
            problems.add(problem(field, "conclusions.field.list", maxItems));
            return values;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String value = text(node.get(i), field + "[" + i + "]", maxLength, false, problems);
            if (value != null && unique && !seen.add(value.toLowerCase(Locale.ROOT))) {
                problems.add(problem(field + "[" + i + "]", "conclusions.field.duplicate"));
            } else if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private static List<Integer> sdgs(JsonNode node, List<ConclusionsInvalidException.Problem> problems) {
        TreeSet<Integer> values = new TreeSet<>();
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > 17) {
            problems.add(problem("sdgs", "conclusions.field.list", 17));
            return List.of();
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode sdg = node.get(i);
            if (!sdg.isIntegralNumber() || !sdg.canConvertToInt() || sdg.asInt() < 1 || sdg.asInt() > 17) {
                problems.add(problem("sdgs[" + i + "]", "conclusions.field.sdg"));
            } else if (!values.add(sdg.asInt())) {
                problems.add(problem("sdgs[" + i + "]", "conclusions.field.duplicate"));
            }
        }
        return List.copyOf(values);
    }

    private static ConclusionsInvalidException.Problem problem(String field, String key, Object... args) {
        return new ConclusionsInvalidException.Problem(field, key, List.of(args));
    }
}

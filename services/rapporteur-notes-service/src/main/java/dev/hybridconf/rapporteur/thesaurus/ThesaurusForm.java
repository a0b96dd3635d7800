package dev.hybridconf.rapporteur.thesaurus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hybridconf.kit.errors.InvalidFieldsException.Invalid;
import dev.hybridconf.rapporteur.analysis.Concept;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The thesaurus as JSON: {@code {"concepts":[{"id":"affordable-housing","labels":{"en":["affordable housing"],
 * "fr":["logement abordable"],"es":["vivienda asequible"]},"ignore":false}]}}, read by hand so that every wrong type
 * is named as a field rather than refused as a whole.
 */
final class ThesaurusForm {

    /** Map entries by key, so that one thesaurus always has one JSON (compared to tell whether a change changes it). */
    static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private ThesaurusForm() {
    }

    static List<Concept> read(byte[] body, LabelAnalysis analysis) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw ThesaurusProblem.malformedJson();
        }
        if (root == null || !root.isObject()) {
            throw ThesaurusProblem.malformedJson();
        }
        List<Invalid> invalid = new ArrayList<>();
        List<ThesaurusRules.Draft> drafts = new ArrayList<>();
        for (String field : root.propertyNames()) {
            if (!field.equals("concepts")) {
                invalid.add(new Invalid(field, "thesaurus.field.unknown"));
            }
        }
        JsonNode concepts = root.get("concepts");
        if (concepts == null || !concepts.isArray()) {
            invalid.add(new Invalid("concepts", concepts == null ? "thesaurus.field.required" : "problem.wrong-type"));
            return ThesaurusRules.check(drafts, invalid, analysis);
        }
        if (concepts.size() > ThesaurusRules.MAX_CONCEPTS) {
            invalid.add(new Invalid("concepts", "thesaurus.field.too-many-concepts", ThesaurusRules.MAX_CONCEPTS));
            return ThesaurusRules.check(drafts, invalid, analysis);
        }
        for (int i = 0; i < concepts.size(); i++) {
            drafts.add(concept("concepts[" + i + "]", concepts.get(i), invalid));
        }
        return ThesaurusRules.check(drafts, invalid, analysis);
    }

    private static ThesaurusRules.Draft concept(String path, JsonNode node, List<Invalid> invalid) {
        if (!node.isObject()) {
            invalid.add(new Invalid(path, "problem.wrong-type"));
            return new ThesaurusRules.Draft(path, "-", Map.of("en", List.of("-")), false);
        }
        for (String field : node.propertyNames()) {
            if (!List.of("id", "labels", "ignore").contains(field)) {
                invalid.add(new Invalid(path + "." + field, "thesaurus.field.unknown"));
            }
        }
        JsonNode id = node.get("id");
        String idText = null;
        if (id != null && !id.isNull()) {
            if (id.isString()) {
                idText = id.asString();
            } else {
                invalid.add(new Invalid(path + ".id", "problem.wrong-type"));
                idText = "-";
            }
        }
        boolean ignore = false;
        JsonNode ignoreNode = node.get("ignore");
        if (ignoreNode != null && !ignoreNode.isNull()) {
            if (ignoreNode.isBoolean()) {
                ignore = ignoreNode.asBoolean();
            } else {
                invalid.add(new Invalid(path + ".ignore", "thesaurus.field.ignore"));
            }
        }
        Map<String, List<String>> labels = new LinkedHashMap<>();
        JsonNode labelsNode = node.get("labels");
        if (labelsNode != null && !labelsNode.isNull()) {
            if (!labelsNode.isObject()) {
                invalid.add(new Invalid(path + ".labels", "problem.wrong-type"));
            } else {
                for (String language : labelsNode.propertyNames()) {
                    JsonNode list = labelsNode.get(language);
                    String field = path + ".labels." + (ThesaurusRules.LANGUAGES.contains(language) ? language : "*");
                    if (!list.isArray()) {
                        invalid.add(new Invalid(field, "problem.wrong-type"));
                        continue;
                    }
                    if (list.size() > ThesaurusRules.MAX_LABELS) {
                        invalid.add(new Invalid(field, "thesaurus.field.too-many-labels", ThesaurusRules.MAX_LABELS));
                        continue;
                    }
                    List<String> alternatives = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        if (list.get(i).isString()) {
                            alternatives.add(list.get(i).asString());
                        } else {
                            invalid.add(new Invalid(field + "[" + i + "]", "problem.wrong-type"));
                        }
                    }
                    labels.put(language, alternatives);
                }
            }
        }
        return new ThesaurusRules.Draft(path, idText, labels, ignore);
    }
}

package dev.hybridconf.rapporteur.thesaurus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.errors.InvalidFieldsException.Invalid;
import dev.hybridconf.kit.validation.PlainTextRules;
import dev.hybridconf.rapporteur.analysis.Concept;

/**
 * What a whole thesaurus must be before it replaces the stored one: at most {@link #MAX_CONCEPTS} concepts with
 * unique slug ids, labels only in {@link #LANGUAGES}, at most {@link #MAX_LABELS} per language, each plain text on
 * one line of at most {@link #MAX_LABEL} characters without {@code |} (the CSV's separator of alternatives), at
 * least one label per concept, every label keeping a token once analysed, and no analysed label in two concepts.
 * Every problem is named at once (all or nothing).
 */
final class ThesaurusRules {

    static final int MAX_CONCEPTS = 2000;
    static final int MAX_LABELS = 10;
    static final int MAX_LABEL = 100;
    static final int MAX_ID = 64;
    static final List<String> LANGUAGES = List.of("en", "fr", "es");
    static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    /** A concept as read (JSON or CSV), before the rules; {@code path} names it in errors. */
    record Draft(String path, String id, Map<String, List<String>> labels, boolean ignore) {
    }

    private ThesaurusRules() {
    }

    /**
     * @param invalid problems the reader already found (wrong types, unknown fields), reported with the rest
     * @throws InvalidFieldsException 400 naming every invalid field
     * @throws ThesaurusProblem       400 {@code thesaurus-label-ambiguous} when the fields are valid but one analysed
     *                                label is in two concepts
     */
    static List<Concept> check(List<Draft> drafts, List<Invalid> invalid, LabelAnalysis analysis) {
        List<Invalid> problems = new ArrayList<>(invalid);
        if (drafts.size() > MAX_CONCEPTS) {
            problems.add(new Invalid("concepts", "thesaurus.field.too-many-concepts", MAX_CONCEPTS));
            throw new InvalidFieldsException(problems);
        }
        Map<String, String> ids = new HashMap<>();
        // language + analysed tokens -> (concept id, label as written)
        Map<String, String[]> analysed = new HashMap<>();
        ThesaurusProblem ambiguity = null;
        List<Concept> concepts = new ArrayList<>(drafts.size());
        for (Draft draft : drafts) {
            String id = draft.id();
            if (id == null || id.isEmpty()) {
                problems.add(new Invalid(draft.path() + ".id", "thesaurus.field.required"));
            } else if (id.length() > MAX_ID || !ID.matcher(id).matches()) {
                problems.add(new Invalid(draft.path() + ".id", "thesaurus.field.id", MAX_ID));
            } else if (ids.putIfAbsent(id, draft.path()) != null) {
                problems.add(new Invalid(draft.path() + ".id", "thesaurus.field.id-duplicate", id));
            }
            Map<String, List<String>> labels = new TreeMap<>();
            int count = 0;
            for (Map.Entry<String, List<String>> language : draft.labels().entrySet()) {
                String lang = language.getKey();
                String field = draft.path() + ".labels." + lang;
                if (!LANGUAGES.contains(lang)) {
                    problems.add(new Invalid(draft.path() + ".labels", "thesaurus.field.language"));
                    continue;
                }
                List<String> alternatives = language.getValue();
                if (alternatives.size() > MAX_LABELS) {
                    problems.add(new Invalid(field, "thesaurus.field.too-many-labels", MAX_LABELS));
                    continue;
                }
                List<String> kept = new ArrayList<>();
                for (int i = 0; i < alternatives.size(); i++) {
                    String label = alternatives.get(i) == null ? "" : alternatives.get(i).strip();
                    String labelField = field + "[" + i + "]";
                    if (label.isEmpty()) {
                        problems.add(new Invalid(labelField, "thesaurus.field.required"));
                    } else if (label.length() > MAX_LABEL) {
                        problems.add(new Invalid(labelField, "thesaurus.field.label-length", MAX_LABEL));
                    } else if (!PlainTextRules.isPlain(label, false) || label.indexOf('|') >= 0) {
                        problems.add(new Invalid(labelField, "thesaurus.field.label-plain"));
                    } else {
                        List<String> tokens = analysis.tokens(lang, label);
                        if (tokens.isEmpty()) {
                            problems.add(new Invalid(labelField, "thesaurus.field.label-empty", label));
                        } else if (id != null) {
                            String key = lang + "\u0000" + String.join(" ", tokens);
                            String[] other = analysed.putIfAbsent(key, new String[] {id, label});
                            if (other != null && !other[0].equals(id) && ambiguity == null) {
                                ambiguity = ThesaurusProblem.ambiguous(label, lang, id, other[1], other[0]);
                            }
                        }
                        if (!kept.contains(label)) {
                            kept.add(label);
                        }
                    }
                }
                count += alternatives.size();
                if (!kept.isEmpty()) {
                    labels.put(lang, List.copyOf(kept));
                }
            }
            if (count == 0) {
                problems.add(new Invalid(draft.path() + ".labels", "thesaurus.field.no-label"));
            }
            concepts.add(new Concept(id, new LinkedHashMap<>(labels), draft.ignore()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        if (ambiguity != null) {
            throw ambiguity;
        }
        return concepts.stream().sorted(java.util.Comparator.comparing(Concept::id)).toList();
    }
}

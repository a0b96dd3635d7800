package dev.hybridconf.rapporteur.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.hybridconf.rapporteur.analysis.LanguageChains.Token;

/**
 * Finds the thesaurus's concepts in a sentence's tokens. Every label is analysed by the chain of its language into
 * terms and position increments ({@code droit à la ville} → {@code droit}, then {@code vill} three positions on), kept
 * in a trie, and matched on the token stream longest first, never across clause punctuation. A match becomes one
 * unit {@code c:<id>}; the matches of an {@code ignore} concept are removed. A text in a language without its own
 * chain is matched against every label, analysed by the plain chain. Thread-safe once built: a language's trie is
 * built on first use and then only read.
 */
final class ConceptMatcher {

    /**
     * A term or a concept match of a sentence.
     *
     * @param key    the analysed term, or {@code c:<conceptId>}
     * @param joined the previous unit is a term right before it: no removed word, no clause punctuation between
     */
    record Unit(String key, boolean concept, int start, int end, boolean joined) {
    }

    private static final class Node {
        final TreeMap<String, Node> next = new TreeMap<>();
        Concept concept;
    }

    private final LanguageChains chains;
    private final List<Concept> concepts;
    private final Map<String, Node> tries = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Map<String, Concept>> byLabelKey = new java.util.concurrent.ConcurrentHashMap<>();

    ConceptMatcher(LanguageChains chains, Thesaurus thesaurus) {
        this.chains = chains;
        this.concepts = thesaurus.concepts().stream()
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
    }

    /** The sentence's units: its terms, and its concept matches in their place. */
    List<Unit> units(String language, String sentence, List<Token> tokens) {
        Node root = trie(language);
        List<Unit> units = new ArrayList<>(tokens.size());
        boolean previousIsTerm = false;
        int i = 0;
        while (i < tokens.size()) {
            Node node = root.next.get(tokens.get(i).term());
            Concept matched = null;
            int matchEnd = -1;
            int j = i;
            while (node != null) {
                if (node.concept != null) {
                    matched = node.concept;
                    matchEnd = j;
                }
                if (j + 1 >= tokens.size()) {
                    break;
                }
                Token following = tokens.get(j + 1);
                if (LanguageChains.clauseBreak(sentence, tokens.get(j).end(), following.start())) {
                    break;
                }
                node = node.next.get(following.increment() + "|" + following.term());
                j++;
            }
            if (matched != null) {
                if (!matched.ignore()) {
                    units.add(new Unit("c:" + matched.id(), true, tokens.get(i).start(), tokens.get(matchEnd).end(),
                            false));
                }
                previousIsTerm = false;
                i = matchEnd + 1;
                continue;
            }
            Token token = tokens.get(i);
            boolean joined = previousIsTerm && token.increment() == 1
                    && !LanguageChains.clauseBreak(sentence, tokens.get(i - 1).end(), token.start());
            units.add(new Unit(token.term(), false, token.start(), token.end(), joined));
            previousIsTerm = true;
            i++;
        }
        return units;
    }

    /** The concept a whole text (a theme tag) names, by one of its labels: the text's language first, then any. */
    Optional<Concept> conceptNamed(String language, String text) {
        java.util.LinkedHashSet<String> languages = new java.util.LinkedHashSet<>();
        languages.add(language);
        java.util.TreeSet<String> labelled = new java.util.TreeSet<>();
        concepts.forEach(c -> labelled.addAll(c.labels().keySet()));
        languages.addAll(labelled);
        for (String l : languages) {
            String key = chains.key(l, text);
            Concept concept = key.isEmpty() ? null : labelKeys(l).get(key);
            if (concept != null) {
                return Optional.of(concept);
            }
        }
        return Optional.empty();
    }

    private Map<String, Concept> labelKeys(String language) {
        return byLabelKey.computeIfAbsent(language, l -> {
            Map<String, Concept> keys = new HashMap<>();
            for (Concept concept : concepts) {
                for (String label : labelsFor(concept, l)) {
                    String key = chains.key(l, label);
                    if (!key.isEmpty()) {
                        keys.putIfAbsent(key, concept);
                    }
                }
            }
            return keys;
        });
    }

    private Node trie(String language) {
        return tries.computeIfAbsent(language, l -> {
            Node root = new Node();
            for (Concept concept : concepts) {
                for (String label : labelsFor(concept, l)) {
                    List<Token> tokens = chains.tokens(l, label);
                    if (tokens.isEmpty()) {
                        continue;
                    }
                    Node node = root.next.computeIfAbsent(tokens.get(0).term(), t -> new Node());
                    for (Token token : tokens.subList(1, tokens.size())) {
                        node = node.next.computeIfAbsent(token.increment() + "|" + token.term(), t -> new Node());
                    }
                    if (node.concept == null) {
                        node.concept = concept;
                    }
                }
            }
            return root;
        });
    }

    /** A known language's own labels; for any other language, every label (sorted by language). */
    private List<String> labelsFor(Concept concept, String language) {
        List<String> all = new ArrayList<>();
        if (chains.known(language)) {
            all.addAll(concept.labels().getOrDefault(language, List.of()));
        } else {
            new TreeMap<>(concept.labels()).values().forEach(all::addAll);
        }
        all.removeIf(java.util.Objects::isNull);
        return all;
    }
}

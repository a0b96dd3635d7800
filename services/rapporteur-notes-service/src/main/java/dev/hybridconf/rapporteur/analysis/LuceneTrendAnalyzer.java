package dev.hybridconf.rapporteur.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.hybridconf.rapporteur.analysis.Candidates.Gram;
import dev.hybridconf.rapporteur.analysis.ConceptMatcher.Unit;
import dev.hybridconf.rapporteur.analysis.LanguageChains.Token;
import dev.hybridconf.rapporteur.corpus.Conclusion;
import dev.hybridconf.rapporteur.corpus.ThemeTags;

/**
 * The trend analysis of ADR 0020: Lucene analysis chains per language, ICU sentences, phrase candidates and
 * thesaurus concepts, recurrence in breakouts, TextRank salience, log-odds emergence against the conference's earlier
 * days, and evidence sentences. Pure: no clock, no randomness, no I/O after construction, every collection sorted,
 * every double rounded to six digits, so the same corpus and thesaurus give the same result byte for byte whatever
 * order the conclusions arrived in. Thread-safe; build one and reuse it (building loads the stop lists).
 */
public final class LuceneTrendAnalyzer implements TrendAnalyzer {

    /** The method's name; its last segment moves when the method changes in a way that changes results. */
    public static final String LUCENE = "lucene-9.12.3";
    static final int METHOD_REVISION = 1;

    private final LanguageChains chains = new LanguageChains();
    /** The matcher of the last thesaurus seen: a thesaurus changes rarely, and its tries cost a few ms to build. */
    private final java.util.concurrent.atomic.AtomicReference<Map.Entry<Thesaurus, ConceptMatcher>> matcher =
            new java.util.concurrent.atomic.AtomicReference<>();

    public LuceneTrendAnalyzer() {
    }

    /**
     * The analysed form of a label as the analysis matches it ({@code "Logements abordables"} in fr →
     * {@code "logement abordabl"}, {@code _} for each removed word between two terms); empty when nothing is left
     * (a label made of stop words). For the thesaurus's checks: two labels with one key are one label.
     */
    public String labelKey(String language, String label) {
        return chains.key(language, label);
    }

    /** The name stored with results: {@code lucene-9.12.3/textrank-w3/logodds-a10/1}. */
    public static String method(AnalysisSettings settings) {
        return LUCENE + "/textrank-w" + settings.window() + "/logodds-a" + number(settings.priorStrength()) + "/"
                + METHOD_REVISION;
    }

    @Override
    public DayTrends analyse(AnalysisInput input) {
        AnalysisSettings settings = input.settings() == null ? AnalysisSettings.DEFAULTS : input.settings();
        Thesaurus thesaurus = input.thesaurus() == null ? Thesaurus.EMPTY : input.thesaurus();
        ConceptMatcher matcher = matcherFor(thesaurus);
        Map<String, Concept> concepts = new TreeMap<>();
        thesaurus.concepts().forEach(c -> concepts.putIfAbsent(c.id(), c));

        List<Conclusion> today = current(input.today());
        Day day = read(today, matcher, settings, true);

        // Earlier days: breakouts raising each term and breakouts reporting, per language and in all.
        Map<String, Integer> earlierBreakouts = new TreeMap<>();
        Map<String, Integer> earlierReporting = new TreeMap<>();
        int earlierReportingAll = 0;
        if (input.earlier() != null) {
            for (Map.Entry<java.time.LocalDate, List<Conclusion>> entry : input.earlier().entrySet()) {
                if (input.day() != null && !entry.getKey().isBefore(input.day())) {
                    continue;
                }
                Day earlier = read(current(entry.getValue()), matcher, settings, false);
                earlier.terms.forEach((key, term) -> earlierBreakouts.merge(key, term.sessions.size(), Integer::sum));
                earlier.reporting.forEach((language, n) -> earlierReporting.merge(language, n, Integer::sum));
                earlierReportingAll += earlier.conclusions;
            }
        }

        Map<String, SortedMap<String, Double>> salience = new TreeMap<>();
        day.graphs.forEach((language, graph) -> salience.put(language, graph.scores()));

        fold(day.terms);

        List<Scored> scored = new ArrayList<>();
        for (Map.Entry<String, Term> entry : day.terms.entrySet()) {
            String key = entry.getKey();
            Term term = entry.getValue();
            int breakouts = term.sessions.size();
            int reporting = term.language == null ? day.conclusions : day.reporting.getOrDefault(term.language, 0);
            int before = earlierBreakouts.getOrDefault(key, 0);
            int reportingBefore = term.language == null ? earlierReportingAll
                    : earlierReporting.getOrDefault(term.language, 0);
            Emergence emergence = reportingBefore == 0 ? null
                    : EmergenceModel.of(breakouts, reporting, before, reportingBefore, settings.priorStrength());
            double s = salience(key, term, salience);
            double score = round(breakouts * (0.5 + s) * EmergenceModel.factor(emergence, settings.emergenceWeight()));
            scored.add(new Scored(key, term, breakouts, s, score, emergence, before));
        }
        scored.sort(Comparator.comparingDouble((Scored s) -> -s.score)
                .thenComparingInt(s -> -s.breakouts)
                .thenComparing(s -> s.key));

        List<Trend> trends = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            boolean recurring = s.breakouts >= settings.minBreakouts();
            if (i >= settings.top() && !recurring) {
                continue;
            }
            int rank = i < settings.top() ? i + 1 : 0;
            trends.add(trend(s, rank, recurring, settings, concepts, salience));
        }

        boolean complete = input.asOf() != null && input.breakoutsToday() > 0
                && today.size() >= input.breakoutsToday()
                && today.stream().allMatch(c -> c.lock().lockedAt(input.asOf()));
        return new DayTrends(input.conferenceId(), input.day(), method(settings), today.size(),
                new TreeMap<>(day.reporting), complete, List.copyOf(trends), sdgs(today),
                themes(today, matcher, concepts));
    }

    private ConceptMatcher matcherFor(Thesaurus thesaurus) {
        Map.Entry<Thesaurus, ConceptMatcher> last = matcher.get();
        if (last != null && last.getKey().equals(thesaurus)) {
            return last.getValue();
        }
        ConceptMatcher built = new ConceptMatcher(chains, thesaurus);
        matcher.set(Map.entry(thesaurus, built));
        return built;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** A term of the day: a phrase (its language) or a concept (language null). */
    private static final class Term {
        final String language;
        final TreeSet<String> sessions = new TreeSet<>();
        final TreeMap<String, TreeMap<String, Integer>> surfaces = new TreeMap<>();
        final List<Occurrence> occurrences = new ArrayList<>();

        Term(String language) {
            this.language = language;
        }
    }

    private record Sentence(Conclusion conclusion, String field, int offset, String text, List<Unit> units) {
    }

    private record Occurrence(Sentence sentence, int start, int end) {
    }

    private static final class Day {
        final TreeMap<String, Term> terms = new TreeMap<>();
        final TreeMap<String, Integer> reporting = new TreeMap<>();
        final TreeMap<String, TextRank> graphs = new TreeMap<>();
        int conclusions;
    }

    private record Scored(String key, Term term, int breakouts, double salience, double score, Emergence emergence,
            int earlier) {
    }

    /** The highest revision of each breakout, by session id. */
    private static List<Conclusion> current(List<Conclusion> conclusions) {
        TreeMap<String, Conclusion> bySession = new TreeMap<>();
        if (conclusions != null) {
            for (Conclusion c : conclusions) {
                if (c == null || c.sessionId() == null) {
                    continue;
                }
                bySession.merge(c.sessionId(), c, (a, b) -> a.revision() >= b.revision() ? a : b);
            }
        }
        return List.copyOf(bySession.values());
    }

    private static String language(Conclusion c) {
        return c.language() == null || c.language().isBlank() ? "und" : c.language().strip().toLowerCase();
    }

    private Day read(List<Conclusion> conclusions, ConceptMatcher matcher, AnalysisSettings settings, boolean full) {
        Day day = new Day();
        for (Conclusion conclusion : conclusions) {
            String language = language(conclusion);
            day.conclusions++;
            day.reporting.merge(language, 1, Integer::sum);
            TextRank graph = full ? day.graphs.computeIfAbsent(language, l -> new TextRank(settings.window())) : null;
            for (Map.Entry<String, String> field : fields(conclusion).entrySet()) {
                String text = field.getValue();
                for (Segmenter.Span span : Segmenter.sentences(language, text)) {
                    String sentenceText = text.substring(span.start(), span.end());
                    List<Token> tokens = chains.tokens(language, sentenceText);
                    List<Unit> units = matcher.units(language, sentenceText, tokens);
                    Sentence sentence = new Sentence(conclusion, field.getKey(), span.start(), sentenceText, units);
                    if (graph != null) {
                        graph.add(units.stream().map(Unit::key).toList());
                    }
                    for (Unit unit : units) {
                        if (unit.concept()) {
                            note(day, unit.key(), null, conclusion, language, sentence, unit.start(), unit.end(),
                                    full);
                        }
                    }
                    for (Gram gram : Candidates.grams(language, sentenceText, units)) {
                        note(day, gram.key(), language, conclusion, language, sentence, gram.start(), gram.end(),
                                full);
                    }
                }
            }
        }
        return day;
    }

    private static void note(Day day, String key, String termLanguage, Conclusion conclusion, String language,
            Sentence sentence, int start, int end, boolean full) {
        Term term = day.terms.computeIfAbsent(key, k -> new Term(termLanguage));
        term.sessions.add(conclusion.sessionId());
        if (full) {
            term.surfaces.computeIfAbsent(language, l -> new TreeMap<>())
                    .merge(sentence.text().substring(start, end), 1, Integer::sum);
            term.occurrences.add(new Occurrence(sentence, start, end));
        }
    }

    /** The conclusion's texts by field name, in a fixed order: summary, keyPoints[i], recommendations[i]. */
    private static Map<String, String> fields(Conclusion c) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        if (c.summary() != null) {
            fields.put("summary", c.summary());
        }
        for (int i = 0; i < c.keyPoints().size(); i++) {
            if (c.keyPoints().get(i) != null) {
                fields.put("keyPoints[" + i + "]", c.keyPoints().get(i));
            }
        }
        for (int i = 0; i < c.recommendations().size(); i++) {
            if (c.recommendations().get(i) != null) {
                fields.put("recommendations[" + i + "]", c.recommendations().get(i));
            }
        }
        return fields;
    }

    /** A 2-gram inside a 3-gram of the same language raised by the same breakouts is the 3-gram's: dropped. */
    private static void fold(TreeMap<String, Term> terms) {
        List<String> folded = new ArrayList<>();
        for (Map.Entry<String, Term> entry : terms.entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith("p:") || words(key).length != 3) {
                continue;
            }
            String[] w = words(key);
            String prefix = key.substring(0, key.indexOf(':', 2) + 1);
            for (String inner : List.of(prefix + w[0] + " " + w[1], prefix + w[1] + " " + w[2])) {
                Term shorter = terms.get(inner);
                if (shorter != null && shorter.sessions.equals(entry.getValue().sessions)) {
                    folded.add(inner);
                }
            }
        }
        folded.forEach(terms::remove);
    }

    private static String[] words(String phraseKey) {
        return phraseKey.substring(phraseKey.indexOf(':', 2) + 1).split(" ");
    }

    /** A phrase: the mean of its terms' salience in its language; a concept: its highest over languages. */
    private static double salience(String key, Term term, Map<String, SortedMap<String, Double>> salience) {
        if (term.language == null) {
            double best = 0;
            for (SortedMap<String, Double> scores : salience.values()) {
                best = Math.max(best, scores.getOrDefault(key, 0.0));
            }
            return best;
        }
        SortedMap<String, Double> scores = salience.getOrDefault(term.language, new TreeMap<>());
        String[] words = words(key);
        double sum = 0;
        for (String word : words) {
            sum += scores.getOrDefault(word, 0.0);
        }
        return sum / words.length;
    }

    private Trend trend(Scored s, int rank, boolean recurring, AnalysisSettings settings,
            Map<String, Concept> concepts, Map<String, SortedMap<String, Double>> salience) {
        Term term = s.term;
        boolean concept = term.language == null;
        TreeMap<String, String> labels = new TreeMap<>();
        if (concept) {
            Concept c = concepts.get(s.key.substring(2));
            c.labels().forEach((language, list) -> {
                if (!list.isEmpty()) {
                    labels.put(language, list.get(0));
                }
            });
        } else {
            labels.put(term.language, commonest(term.surfaces.getOrDefault(term.language, new TreeMap<>())));
        }
        TreeMap<String, List<String>> words = new TreeMap<>();
        term.surfaces.forEach((language, surfaces) -> words.put(language, List.copyOf(surfaces.keySet())));
        boolean isNew = s.emergence != null && s.earlier == 0 && recurring;
        boolean emerging = s.emergence != null && s.emergence.z() >= settings.zEmerging();
        Emergence emergence = s.emergence == null ? null
                : new Emergence(s.emergence.today(), s.emergence.reportingToday(), s.emergence.earlier(),
                        s.emergence.reportingEarlier(), round(s.emergence.logOdds()), round(s.emergence.z()));
        return new Trend(s.key, concept ? "CONCEPT" : "PHRASE", labels, rank, s.score, s.breakouts,
                List.copyOf(words.keySet()), List.copyOf(term.sessions), recurring, isNew, emerging, emergence,
                round(s.salience), words, evidence(term, settings.evidence(), salience));
    }

    private static String commonest(TreeMap<String, Integer> surfaces) {
        String best = "";
        int count = -1;
        for (Map.Entry<String, Integer> entry : surfaces.entrySet()) {
            if (entry.getValue() > count) {
                best = entry.getKey();
                count = entry.getValue();
            }
        }
        return best;
    }

    private static List<Evidence> evidence(Term term, int count, Map<String, SortedMap<String, Double>> salience) {
        Map<Sentence, TreeMap<Integer, Integer>> bySentence = new java.util.LinkedHashMap<>();
        for (Occurrence occurrence : term.occurrences) {
            bySentence.computeIfAbsent(occurrence.sentence(), s -> new TreeMap<>())
                    .merge(occurrence.start(), occurrence.end(), Math::max);
        }
        List<EvidencePicker.Candidate> candidates = new ArrayList<>();
        bySentence.forEach((sentence, spans) -> {
            List<Highlight> highlights = new ArrayList<>();
            spans.forEach((start, end) -> highlights.add(new Highlight(start, end)));
            Conclusion c = sentence.conclusion();
            SortedMap<String, Double> scores = salience.getOrDefault(language(c), new TreeMap<>());
            double sum = 0;
            for (Unit unit : sentence.units()) {
                sum += scores.getOrDefault(unit.key(), 0.0);
            }
            double mean = sentence.units().isEmpty() ? 0 : sum / sentence.units().size();
            candidates.add(new EvidencePicker.Candidate(new Evidence(c.sessionId(), c.revision(), language(c),
                    sentence.field(), sentence.text(), List.copyOf(highlights)), sentence.offset(), round(mean)));
        });
        return List.copyOf(EvidencePicker.pick(candidates, Math.max(0, count)));
    }

    private static List<SdgCount> sdgs(List<Conclusion> today) {
        TreeMap<Integer, TreeSet<String>> bySdg = new TreeMap<>();
        for (Conclusion c : today) {
            for (Integer sdg : c.sdgs()) {
                if (sdg != null && sdg >= 1 && sdg <= 17) {
                    bySdg.computeIfAbsent(sdg, k -> new TreeSet<>()).add(c.sessionId());
                }
            }
        }
        List<SdgCount> counts = new ArrayList<>();
        bySdg.forEach((sdg, sessions) -> counts.add(new SdgCount(sdg, sessions.size(), List.copyOf(sessions))));
        return List.copyOf(counts);
    }

    /**
     * Theme tags by {@link ThemeTags#key}; a tag that analyses to a concept's label is that concept's theme, keyed
     * by its preferred label (en, else fr, else es, else the first language) and labelled in each of its languages.
     */
    private static List<ThemeCount> themes(List<Conclusion> today, ConceptMatcher matcher,
            Map<String, Concept> concepts) {
        TreeMap<String, TreeSet<String>> sessions = new TreeMap<>();
        TreeMap<String, TreeMap<String, String>> conceptLabels = new TreeMap<>();
        TreeMap<String, TreeMap<String, TreeMap<String, Integer>>> spellings = new TreeMap<>();
        for (Conclusion c : today) {
            for (String tag : c.themes()) {
                if (tag == null || ThemeTags.key(tag).isEmpty()) {
                    continue;
                }
                String key = ThemeTags.key(tag);
                var concept = matcher.conceptNamed(language(c), tag);
                if (concept.isPresent()) {
                    Concept named = concepts.get(concept.get().id());
                    TreeMap<String, String> labels = new TreeMap<>();
                    named.labels().forEach((l, list) -> {
                        if (!list.isEmpty()) {
                            labels.put(l, list.get(0));
                        }
                    });
                    String preferred = labels.getOrDefault("en", labels.getOrDefault("fr",
                            labels.getOrDefault("es", labels.isEmpty() ? key : labels.firstEntry().getValue())));
                    key = ThemeTags.key(preferred);
                    conceptLabels.put(key, labels);
                } else {
                    spellings.computeIfAbsent(key, k -> new TreeMap<>())
                            .computeIfAbsent(language(c), l -> new TreeMap<>())
                            .merge(tag.strip().replaceAll("\\s+", " "), 1, Integer::sum);
                }
                sessions.computeIfAbsent(key, k -> new TreeSet<>()).add(c.sessionId());
            }
        }
        List<ThemeCount> counts = new ArrayList<>();
        sessions.forEach((key, ids) -> {
            TreeMap<String, String> labels = conceptLabels.get(key);
            if (labels == null) {
                labels = new TreeMap<>();
                for (var perLanguage : spellings.getOrDefault(key, new TreeMap<>()).entrySet()) {
                    labels.put(perLanguage.getKey(), commonest(perLanguage.getValue()));
                }
            }
            counts.add(new ThemeCount(key, labels, ids.size(), List.copyOf(ids)));
        });
        counts.sort(Comparator.comparingInt((ThemeCount t) -> -t.breakouts()).thenComparing(ThemeCount::key));
        return List.copyOf(counts);
    }

    static double round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return 0;
        }
        return Math.round(value * 1e6) / 1e6;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}

package dev.hybridconf.benchmarks;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.hybridconf.benchmarks.PlantedCorpus.Planted;
import dev.hybridconf.benchmarks.PlantedCorpus.Theme;
import dev.hybridconf.rapporteur.analysis.AnalysisInput;
import dev.hybridconf.rapporteur.analysis.AnalysisSettings;
import dev.hybridconf.rapporteur.analysis.DayTrends;
import dev.hybridconf.rapporteur.analysis.LuceneTrendAnalyzer;
import dev.hybridconf.rapporteur.analysis.Trend;
import dev.hybridconf.rapporteur.corpus.Conclusion;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether the trend analysis (ADR 0020) finds the trends planted in generated weeks ({@link PlantedCorpus}): per day,
 * recall@5 of the planted themes, R-precision, precision and recall of "new today", and for the theme raised only in
 * French and Spanish from day 3: one trend, marked new on its first day, counting every breakout that raised it.
 * Means and worst cases over many seeds. Runs in process; nothing else is needed. Not a test: it measures
 * (docs/performance.md); {@code TrendRecallTests} asserts the acceptance on seeds 1..10.
 *
 * <pre>
 * java -cp 'deploy/benchmarks/target/benchmarks.jar:deploy/benchmarks/target/lib/*' \
 *     dev.hybridconf.benchmarks.TrendRecall --seed 101 --seeds 50 --days 5 --breakouts 40 --out benchmarks/trend-recall.json
 * </pre>
 */
public final class TrendRecall {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    static final int TOP = 5;

    /** One day's figures for one seed. */
    record DayScore(int day, double recallAt5, double rPrecision, double newPrecision, double newRecall,
            double newPrecisionAll, double newPrecisionTop10ThreeOrMore, Boolean emergingOneTrend, Boolean emergingNew, Boolean emergingCount,
            int emergingPlanted, long millis, long cpuMillis) {

        boolean emergingOk() {
            return emergingOneTrend == null
                    || (emergingOneTrend && emergingCount && (emergingNew == null || emergingNew));
        }
    }

    private final LuceneTrendAnalyzer analyzer = new LuceneTrendAnalyzer();
    private final AnalysisSettings settings;
    private final boolean withoutIgnore;

    TrendRecall(AnalysisSettings settings, boolean withoutIgnore) {
        this.settings = settings;
        this.withoutIgnore = withoutIgnore;
        PlantedCorpus.checkThemes(analyzer);
    }

    /** Every day of one seed's week. */
    List<DayScore> run(long seed, int days, int breakouts) {
        PlantedCorpus corpus = PlantedCorpus.generate(seed, days, breakouts);
        var thesaurus = withoutIgnore
                ? new dev.hybridconf.rapporteur.analysis.Thesaurus(corpus.thesaurus.version(),
                        corpus.thesaurus.concepts().stream().filter(c -> !c.ignore()).toList())
                : corpus.thesaurus;
        List<DayScore> scores = new ArrayList<>();
        SortedMap<LocalDate, List<Conclusion>> earlier = new TreeMap<>();
        for (int d = 0; d < corpus.days.size(); d++) {
            PlantedCorpus.Day day = corpus.days.get(d);
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            DayTrends trends = analyzer.analyse(new AnalysisInput(PlantedCorpus.CONFERENCE, day.date(),
                    day.conclusions(), new TreeMap<>(earlier), thesaurus, settings, breakouts));
            long millis = (System.nanoTime() - start) / 1_000_000;
            long cpuMillis = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            scores.add(score(d + 1, trends, day.planted(), corpus.emerging, millis, cpuMillis));
            earlier.put(day.date(), day.conclusions());
        }
        return scores;
    }

    private boolean matches(Trend trend, Theme theme) {
        if (theme.concept()) {
            if (trend.key().equals("c:" + theme.id())) {
                return true;
            }
            // a phrase made of the concept's words would be a second, uncounted trend for it
            for (var entry : theme.surfaces().entrySet()) {
                String terms = analyzer.labelKey(entry.getKey(), entry.getValue().get(0));
                if (trend.key().startsWith("p:" + entry.getKey() + ":")
                        && containsAny(trend.key().substring(5), terms)) {
                    return true;
                }
            }
            return false;
        }
        String prefix = "p:" + theme.language() + ":";
        return trend.key().startsWith(prefix)
                && (" " + trend.key().substring(prefix.length()) + " ")
                        .contains(" " + PlantedCorpus.themeTerms(analyzer, theme) + " ");
    }

    /** A phrase holding any of a label's terms (stop-word gaps left out). */
    private static boolean containsAny(String phrase, String labelTerms) {
        Set<String> words = Set.of(phrase.split(" "));
        for (String term : labelTerms.split(" ")) {
            if (!term.equals("_") && words.contains(term)) {
                return true;
            }
        }
        return false;
    }

    private DayScore score(int day, DayTrends trends, List<Planted> planted, Theme emerging, long millis,
            long cpuMillis) {
        List<Trend> listed = trends.trends();
        List<Trend> top5 = listed.subList(0, Math.min(TOP, listed.size()));
        int r = planted.size();
        List<Trend> topR = listed.subList(0, Math.min(r, listed.size()));
        int found5 = 0;
        int foundR = 0;
        for (Planted p : planted) {
            if (top5.stream().anyMatch(t -> matches(t, p.theme()))) {
                found5++;
            }
            if (topR.stream().anyMatch(t -> matches(t, p.theme()))) {
                foundR++;
            }
        }
        // "New today": trends marked new among the top `top` (what a draft shows), and among every listed trend.
        List<Trend> topK = listed.stream().filter(t -> t.rank() > 0).toList();
        List<Planted> fresh = planted.stream().filter(Planted::fresh).toList();
        double newPrecision = precision(topK, fresh);
        double newPrecisionAll = precision(listed, fresh);
        double newPrecisionThree = precision(topK.stream().filter(t -> t.breakouts() >= 3).toList(), fresh);
        double newRecall = fresh.isEmpty() ? Double.NaN
                : (double) fresh.stream().filter(p -> topK.stream().anyMatch(t -> t.isNew() && matches(t, p.theme())))
                        .count() / fresh.size();
        Boolean oneTrend = null;
        Boolean isNew = null;
        Boolean count = null;
        int emergingPlanted = 0;
        for (Planted p : planted) {
            if (p.theme().id().equals(emerging.id())) {
                List<Trend> its = listed.stream().filter(t -> matches(t, emerging)).toList();
                emergingPlanted = p.sessionIds().size();
                oneTrend = its.size() == 1;
                count = its.size() == 1 && its.get(0).breakouts() == emergingPlanted
                        && its.get(0).sessionIds().equals(List.copyOf(p.sessionIds()));
                if (p.fresh()) {
                    isNew = its.size() == 1 && its.get(0).isNew();
                }
            }
        }
        return new DayScore(day, (double) found5 / r, (double) foundR / r, newPrecision, newRecall, newPrecisionAll,
                newPrecisionThree, oneTrend, isNew, count, emergingPlanted, millis, cpuMillis);
    }

    private double precision(List<Trend> trends, List<Planted> fresh) {
        List<Trend> flagged = trends.stream().filter(Trend::isNew).toList();
        if (flagged.isEmpty()) {
            return Double.NaN;
        }
        long right = flagged.stream().filter(t -> fresh.stream().anyMatch(p -> matches(t, p.theme()))).count();
        return (double) right / flagged.size();
    }

    // ---------------------------------------------------------------------------------------------------------

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args,
                List.of("seed", "seeds", "days", "breakouts", "out", "without-ignore", "emergence-weight",
                        "prior-strength"));
        if (options == null) {
            System.out.println("""
                    Usage: java -cp benchmarks.jar dev.hybridconf.benchmarks.TrendRecall [options]
                      --seed N         the first seed (default 101; the tests use 1..10)
                      --seeds N        how many seeds, from --seed on (default 50)
                      --days N         days of the generated week (default 5)
                      --breakouts N    breakouts a day (default 40)
                      --without-ignore true: drop the thesaurus's ignore concepts (how much they matter)
                      --emergence-weight X, --prior-strength X  override the default settings (tuning)
                      --out PATH       the JSON file (default benchmarks/trend-recall.json)""");
            return;
        }
        run(options, System.out);
    }

    static void run(Map<String, String> options, PrintStream log) throws Exception {
        int first = Options.positive(options, "seed", 101, Integer.MAX_VALUE);
        int seeds = Options.positive(options, "seeds", 50, 10_000);
        int days = Options.positive(options, "days", 5, 30);
        int breakouts = Options.positive(options, "breakouts", 40, 1_000);
        boolean withoutIgnore = Boolean.parseBoolean(options.getOrDefault("without-ignore", "false"));
        Path out = Path.of(options.getOrDefault("out", "benchmarks/trend-recall.json"));
        AnalysisSettings base = AnalysisSettings.DEFAULTS;
        AnalysisSettings settings = new AnalysisSettings(base.top(), base.minBreakouts(),
                Double.parseDouble(options.getOrDefault("prior-strength", Double.toString(base.priorStrength()))),
                base.zEmerging(),
                Double.parseDouble(options.getOrDefault("emergence-weight", Double.toString(base.emergenceWeight()))),
                base.window(), base.evidence());
        TrendRecall recall = new TrendRecall(settings, withoutIgnore);

        List<List<DayScore>> all = new ArrayList<>();
        for (int seed = first; seed < first + seeds; seed++) {
            all.add(recall.run(seed, days, breakouts));
        }
        List<Map<String, Object>> perDay = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            int day = d;
            List<DayScore> scores = all.stream().map(s -> s.get(day)).toList();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("day", d + 1);
            row.put("recallAt5", stats(scores.stream().mapToDouble(DayScore::recallAt5).toArray()));
            row.put("rPrecision", stats(scores.stream().mapToDouble(DayScore::rPrecision).toArray()));
            row.put("newPrecisionTop10", stats(scores.stream().mapToDouble(DayScore::newPrecision).toArray()));
            row.put("newRecallTop10", stats(scores.stream().mapToDouble(DayScore::newRecall).toArray()));
            row.put("newPrecisionAllListed", stats(scores.stream().mapToDouble(DayScore::newPrecisionAll).toArray()));
            row.put("newPrecisionTop10ThreeOrMore",
                    stats(scores.stream().mapToDouble(DayScore::newPrecisionTop10ThreeOrMore).toArray()));
            if (scores.get(0).emergingOneTrend() != null) {
                row.put("emergingOk", scores.stream().filter(DayScore::emergingOk).count() + "/" + scores.size());
            }
            row.put("analysisMillis", stats(scores.stream().mapToDouble(DayScore::millis).toArray()));
            row.put("analysisCpuMillis", stats(scores.stream().mapToDouble(DayScore::cpuMillis).toArray()));
            perDay.add(row);
            log.printf("day %d: recall@5 %s, R-precision %s, new P/R (top 10) %s / %s, new P (all listed) %s,"
                    + " new P (top 10, 3+ breakouts) %s%s, %s ms, CPU %s ms%n",
                    d + 1, row.get("recallAt5"), row.get("rPrecision"), row.get("newPrecisionTop10"),
                    row.get("newRecallTop10"), row.get("newPrecisionAllListed"),
                    row.get("newPrecisionTop10ThreeOrMore"),
                    row.containsKey("emergingOk") ? ", emerging ok " + row.get("emergingOk") : "",
                    row.get("analysisMillis"), row.get("analysisCpuMillis"));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "trend-recall");
        report.put("method", LuceneTrendAnalyzer.method(settings));
        report.put("settings", settings);
        report.put("seeds", first + ".." + (first + seeds - 1));
        report.put("days", days);
        report.put("breakouts", breakouts);
        report.put("ignoreConcepts", !withoutIgnore);
        report.put("perDay", perDay);
        List<Map<String, Object>> worst = new ArrayList<>();
        for (int s = 0; s < all.size(); s++) {
            for (DayScore score : all.get(s)) {
                if (score.recallAt5() < 1 || !score.emergingOk()) {
                    Map<String, Object> miss = new LinkedHashMap<>();
                    miss.put("seed", first + s);
                    miss.put("score", score);
                    worst.add(miss);
                }
            }
        }
        report.put("misses", worst);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        JSON.writeValue(out.toFile(), report);
        log.printf("%d seeds, %d misses; written to %s%n", seeds, worst.size(), out);
    }

    /** Mean and worst (minimum; maximum for times) of a figure, NaN (no case) left out. */
    private static Map<String, Object> stats(double[] values) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
            n++;
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("mean", n == 0 ? null : Math.round(sum / n * 1000) / 1000.0);
        stats.put("min", n == 0 ? null : min);
        stats.put("max", n == 0 ? null : max);
        stats.put("cases", n);
        return stats;
    }
}

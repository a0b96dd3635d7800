package dev.hybridconf.rapporteur.summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import dev.hybridconf.rapporteur.analysis.DayTrends;
import dev.hybridconf.rapporteur.analysis.Evidence;
import dev.hybridconf.rapporteur.analysis.SdgCount;
import dev.hybridconf.rapporteur.analysis.ThemeCount;
import dev.hybridconf.rapporteur.analysis.Trend;
import dev.hybridconf.rapporteur.corpus.Conclusion;
import dev.hybridconf.rapporteur.programme.ConferenceInfo;
import dev.hybridconf.rapporteur.programme.Programme;
import dev.hybridconf.rapporteur.programme.SessionInfo;

/**
 * Writes a day's draft in a rapporteur's structure from the stored trends, in one language: headings in that
 * language (key emerging issues, by theme, recurring across breakouts, new today, SDGs, way forward), each trend
 * with how many breakouts raised it and one quote with its breakout's title. Quotes stay in the language they were
 * said in (no machine translation). Rapporteurs' notes are never read here. Deterministic: the same trends give the
 * same Markdown.
 */
@Component
class DraftComposer {

    /** Trends in the key section. */
    static final int KEY_ISSUES = 5;
    /** Recommendations in the way-forward section. */
    static final int WAY_FORWARD = 8;

    private final SummaryTexts texts;
    private final Programme programme;

    DraftComposer(SummaryTexts texts, Programme programme) {
        this.texts = texts;
        this.programme = programme;
    }

    /**
     * @param trends      the stored analysis of the day, or null when there is none yet
     * @param conclusions the day's current conclusions (their recommendations make the way forward)
     */
    String compose(ConferenceInfo conference, LocalDate day, String language, DayTrends trends,
            List<Conclusion> conclusions) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(escape(texts.text(language, "summary.title", texts.date(language, day)))).append("\n\n");
        conference.days().stream().filter(d -> d.date().equals(day)).findFirst()
                .flatMap(d -> pick(d.theme(), language))
                .ifPresent(theme -> md.append('*').append(escape(texts.text(language, "summary.theme-of-day", theme)))
                        .append("*\n\n"));
        if (trends == null) {
            md.append(texts.text(language, "summary.no-analysis")).append("\n\n");
        }
        List<Trend> all = trends == null ? List.of() : trends.trends();

        heading(md, language, "summary.heading.key");
        List<Trend> key = all.stream().filter(t -> t.rank() > 0).sorted(Comparator.comparingInt(Trend::rank))
                .limit(KEY_ISSUES).toList();
        if (key.isEmpty()) {
            nothing(md, language);
        }
        for (Trend trend : key) {
            md.append("- **").append(escape(label(trend, language))).append("** — ").append(raised(language,
                    trend.breakouts()));
            List<String> flags = new ArrayList<>();
            if (trend.isNew()) {
                flags.add(texts.text(language, "summary.flag.new"));
            }
            if (trend.emerging()) {
                flags.add(texts.text(language, "summary.flag.emerging"));
            }
            if (!flags.isEmpty()) {
                md.append(" (").append(String.join(", ", flags)).append(')');
            }
            md.append('\n');
            quote(trend, language).ifPresent(e -> md.append("  > “").append(escape(oneLine(e.sentence())))
                    .append("” — *").append(escape(title(e.sessionId(), language))).append("*\n"));
        }
        md.append('\n');

        heading(md, language, "summary.heading.themes");
        List<ThemeCount> themes = trends == null ? List.of() : trends.themes().stream()
                .sorted(Comparator.comparingInt(ThemeCount::breakouts).reversed().thenComparing(ThemeCount::key))
                .toList();
        if (themes.isEmpty()) {
            nothing(md, language);
        }
        themes.forEach(t -> md.append("- **").append(escape(pick(t.labels(), language).orElse(t.key())))
                .append("** — ").append(raised(language, t.breakouts())).append('\n'));
        md.append('\n');

        heading(md, language, "summary.heading.recurring");
        List<Trend> recurring = all.stream().filter(Trend::recurring)
                .sorted(Comparator.comparingInt(Trend::breakouts).reversed().thenComparing(Trend::key)).toList();
        list(md, language, recurring);

        heading(md, language, "summary.heading.new");
        list(md, language, all.stream().filter(Trend::isNew)
                .sorted(Comparator.comparingInt(Trend::breakouts).reversed().thenComparing(Trend::key)).toList());

        heading(md, language, "summary.heading.sdgs");
        List<SdgCount> sdgs = trends == null ? List.of() : trends.sdgs().stream()
                .sorted(Comparator.comparingInt(SdgCount::breakouts).reversed().thenComparingInt(SdgCount::sdg))
                .toList();
        if (sdgs.isEmpty()) {
            nothing(md, language);
        }
        sdgs.forEach(s -> md.append("- ").append(texts.text(language, "summary.sdg", Integer.toString(s.sdg())))
                .append(" — ").append(raised(language, s.breakouts())).append('\n'));
        md.append('\n');

        heading(md, language, "summary.heading.way-forward");
        List<String> forward = wayForward(conclusions, language);
        if (forward.isEmpty()) {
            nothing(md, language);
        }
        forward.forEach(line -> md.append(line).append('\n'));
        return md.toString().stripTrailing() + "\n";
    }

    /** One recommendation per breakout, the draft's language first, then by breakout title. */
    private List<String> wayForward(List<Conclusion> conclusions, String language) {
        List<Conclusion> sorted = new ArrayList<>(conclusions);
        sorted.sort(Comparator.comparing((Conclusion c) -> !language.equals(c.language()))
                .thenComparing(c -> title(c.sessionId(), language)).thenComparing(Conclusion::sessionId));
        Set<String> seen = new LinkedHashSet<>();
        List<String> lines = new ArrayList<>();
        for (Conclusion conclusion : sorted) {
            Optional<String> recommendation = conclusion.recommendations().stream().map(DraftComposer::oneLine)
                    .filter(r -> !r.isBlank()).filter(r -> !seen.contains(r)).findFirst();
            if (recommendation.isPresent() && lines.size() < WAY_FORWARD) {
                seen.add(recommendation.get());
                lines.add("- " + escape(recommendation.get()) + " — *" + escape(title(conclusion.sessionId(), language))
                        + "*");
            }
        }
        return lines;
    }

    private void list(StringBuilder md, String language, List<Trend> trends) {
        if (trends.isEmpty()) {
            nothing(md, language);
        }
        trends.forEach(t -> md.append("- **").append(escape(label(t, language))).append("** — ")
                .append(raised(language, t.breakouts())).append('\n'));
        md.append('\n');
    }

    private void heading(StringBuilder md, String language, String key) {
        md.append("## ").append(texts.text(language, key)).append("\n\n");
    }

    private void nothing(StringBuilder md, String language) {
        md.append(texts.text(language, "summary.nothing")).append('\n');
    }

    private String raised(String language, int breakouts) {
        return texts.text(language, "summary.raised", breakouts);
    }

    /** The trend's label in the language; else (a phrase of another language) its own, marked with its language. */
    private static String label(Trend trend, String language) {
        String own = trend.labels().get(language);
        if (own != null && !own.isBlank()) {
            return own;
        }
        Map.Entry<String, String> first = new TreeMap<>(trend.labels()).firstEntry();
        return first == null ? trend.key() : first.getValue() + " (" + first.getKey() + ")";
    }

    /** A quote in the draft's language if there is one, else the first. */
    private static Optional<Evidence> quote(Trend trend, String language) {
        return trend.evidence().stream().filter(e -> language.equals(e.language())).findFirst()
                .or(() -> trend.evidence().stream().findFirst());
    }

    private String title(String sessionId, String language) {
        return programme.session(sessionId).map(SessionInfo::title).flatMap(t -> pick(t, language))
                .orElse(sessionId);
    }

    /** The text in the language, else English, else the first language in order. */
    private static Optional<String> pick(Map<String, String> byLanguage, String language) {
        for (String l : List.of(language, "en", "fr", "es")) {
            String text = byLanguage.get(l);
            if (text != null && !text.isBlank()) {
                return Optional.of(text);
            }
        }
        return new TreeMap<>(byLanguage).values().stream().filter(t -> t != null && !t.isBlank()).findFirst();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Moderators' words stay words: Markdown's special characters are escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>#|!~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}

package dev.hybridconf.rapporteur.trends;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.hybridconf.rapporteur.analysis.DayTrends;
import dev.hybridconf.rapporteur.analysis.Emergence;
import dev.hybridconf.rapporteur.analysis.Evidence;
import dev.hybridconf.rapporteur.analysis.SdgCount;
import dev.hybridconf.rapporteur.analysis.ThemeCount;
import dev.hybridconf.rapporteur.analysis.Trend;

/**
 * The trends as a reader gets them: each label in the reader's language when there is one (a concept's preferred
 * label in that language), else in the first language that has one, with the language it is in; a phrase keeps its
 * own language. Times in the conference's zone.
 */
final class TrendsViews {

    private TrendsViews() {
    }

    /** A label and the language it is written in; {@code translated} false when it is not the reader's language. */
    record Label(String text, String language, boolean inReaderLanguage) {
    }

    record TrendView(String key, String kind, String label, String labelLanguage, boolean labelInReaderLanguage,
            int rank, double score, int breakouts, List<String> languages, List<String> sessionIds, boolean recurring,
            boolean isNew, boolean emerging, Emergence emergence, double salience, Map<String, List<String>> words,
            List<Evidence> evidence) {
    }

    record ThemeView(String key, String label, String labelLanguage, int breakouts, List<String> sessionIds) {
    }

    /** A day's analysis; {@code analysed} false (and empty lists) while none was stored. */
    record DayView(String conferenceId, LocalDate day, String language, boolean analysed, boolean pending,
            String method, OffsetDateTime analysedAt, long corpusVersion, long thesaurusVersion, int reporting,
            Map<String, Integer> reportingByLanguage, boolean complete, List<TrendView> trends, List<SdgCount> sdgs,
            List<ThemeView> themes) {
    }

    record TopTrend(String key, String kind, String label, String labelLanguage, int rank, int breakouts,
            boolean isNew, boolean emerging) {
    }

    record DaySummary(LocalDate day, String theme, boolean analysed, boolean pending, int reporting, boolean complete,
            List<TopTrend> top, List<ThemeView> themes) {
    }

    record ConferenceView(String conferenceId, String language, List<DaySummary> days) {
    }

    static Label label(Map<String, String> labels, String language, List<String> order, String fallback) {
        String own = labels.get(language);
        if (own != null && !own.isBlank()) {
            return new Label(own, language, true);
        }
        List<String> languages = new ArrayList<>(order);
        for (String known : List.of("en", "fr", "es")) {
            if (!languages.contains(known)) {
                languages.add(known);
            }
        }
        labels.keySet().stream().sorted().filter(l -> !languages.contains(l)).forEach(languages::add);
        for (String other : languages) {
            String text = labels.get(other);
            if (text != null && !text.isBlank()) {
                return new Label(text, other, false);
            }
        }
        return new Label(fallback, null, false);
    }

    static TrendView trend(Trend trend, String language, List<String> order) {
        Label label = label(trend.labels(), language, order, trend.key());
        return new TrendView(trend.key(), trend.kind(), label.text(), label.language(), label.inReaderLanguage(),
                trend.rank(), trend.score(), trend.breakouts(), trend.languages(), trend.sessionIds(), trend.recurring(),
                trend.isNew(), trend.emerging(), trend.emergence(), trend.salience(), trend.words(), trend.evidence());
    }

    static ThemeView theme(ThemeCount theme, String language, List<String> order) {
        Label label = label(theme.labels() == null ? Map.of() : theme.labels(), language, order, theme.key());
        return new ThemeView(theme.key(), label.text(), label.language(), theme.breakouts(), theme.sessionIds());
    }

    static DayView day(String conferenceId, LocalDate day, String language, List<String> order, ZoneId zone,
            StoredTrends stored, boolean markedDirty) {
        if (stored == null) {
            return new DayView(conferenceId, day, language, false, markedDirty, null, null, 0, 0, 0, Map.of(), false,
                    List.of(), List.of(), List.of());
        }
        DayTrends trends = stored.trends();
        return new DayView(conferenceId, day, language, true, stored.pending(), trends.method(),
                stored.analysedAt().atZone(zone).toOffsetDateTime(), stored.corpusVersion(), stored.thesaurusVersion(),
                trends.reporting(), trends.reportingByLanguage(), trends.complete(),
                trends.trends().stream().map(t -> trend(t, language, order)).toList(),
                trends.sdgs(), trends.themes().stream().map(t -> theme(t, language, order)).toList());
    }

    static DaySummary summary(LocalDate day, String theme, String language, List<String> order, StoredTrends stored,
            boolean markedDirty) {
        if (stored == null) {
            return new DaySummary(day, theme, false, markedDirty, 0, false, List.of(), List.of());
        }
        DayTrends trends = stored.trends();
        List<TopTrend> top = trends.trends().stream().filter(t -> t.rank() > 0).limit(5).map(t -> {
            Label label = label(t.labels(), language, order, t.key());
            return new TopTrend(t.key(), t.kind(), label.text(), label.language(), t.rank(), t.breakouts(), t.isNew(),
                    t.emerging());
        }).toList();
        return new DaySummary(day, theme, true, stored.pending(), trends.reporting(), trends.complete(), top,
                trends.themes().stream().map(t -> theme(t, language, order)).toList());
    }
}

package dev.hybridconf.rapporteur.reading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import dev.hybridconf.rapporteur.analysis.ThemeCount;

/**
 * The themes of published days as SVG, written by hand on a fixed grid: a bar chart of one day (breakouts per theme)
 * and a grid of the whole conference (theme × day, the count in each cell). Screen readers get a {@code <title>} and a
 * {@code <desc>} and a title per row; every text is escaped; nothing depends on the clock, the platform's locale or a
 * hash order, so the same data in the same language gives the same bytes.
 */
@Component
class ThemeCharts {

    static final String MEDIA_TYPE = "image/svg+xml";

    /** Rows beyond this are counted in a last line rather than drawn. */
    static final int MAX_THEMES = 30;

    private static final int WIDTH = 720;
    private static final int LABEL_WIDTH = 240;
    private static final int BAR_MAX = 400;
    private static final int ROW = 28;
    private static final int TOP = 48;
    private static final int CELL = 72;
    private static final int LABEL_CHARS = 32;
    private static final String INK = "#1b1b1b";
    private static final String BAR = "#1f6f8b";
    private static final String EMPTY = "#f0f0f0";

    private final ReadingTexts texts;

    ThemeCharts(ReadingTexts texts) {
        this.texts = texts;
    }

    /** One theme of the chart: its key, its label in the reader's language and its count. */
    record Bar(String key, String label, int breakouts) {
    }

    /** Breakouts per theme on {@code day}, most raised first. */
    String day(String conferenceName, LocalDate day, List<ThemeCount> themes, String language) {
        List<Bar> bars = themes.stream()
                .map(t -> new Bar(t.key() == null ? "" : t.key(), label(t, language), Math.max(0, t.breakouts())))
                .sorted(Comparator.comparingInt(Bar::breakouts).reversed().thenComparing(Bar::key))
                .toList();
        List<Bar> drawn = bars.subList(0, Math.min(MAX_THEMES, bars.size()));
        int rest = bars.size() - drawn.size();
        int max = drawn.stream().mapToInt(Bar::breakouts).max().orElse(0);
        int rows = Math.max(1, drawn.size() + (rest > 0 ? 1 : 0));
        int height = TOP + rows * ROW + 16;
        String date = texts.longDate(day, language);
        String title = texts.text("reading.chart.day.title", language, date);
        StringBuilder described = new StringBuilder();
        for (Bar bar : drawn) {
            if (!described.isEmpty()) {
                described.append("; ");
            }
            described.append(texts.text("reading.chart.item", language, bar.label(),
                    breakouts(bar.breakouts(), language)));
        }
        String desc = drawn.isEmpty() ? texts.text("reading.chart.day.none", language, date)
                : texts.text("reading.chart.day.desc", language, conferenceName, date, described.toString());

        StringBuilder svg = open("themes-day", WIDTH, height, title, desc, language);
        svg.append("<text x=\"16\" y=\"28\" font-size=\"16\" font-weight=\"bold\">")
                .append(XmlText.escape(XmlText.shorten(title, 80))).append("</text>\n");
        if (drawn.isEmpty()) {
            svg.append("<text x=\"16\" y=\"").append(TOP + 18).append("\">")
                    .append(XmlText.escape(texts.text("reading.chart.day.none", language, date))).append("</text>\n");
        }
        int y = TOP;
        for (Bar bar : drawn) {
            int width = Math.max(2, (bar.breakouts() * BAR_MAX + max / 2) / Math.max(1, max));
            svg.append("<g><title>").append(XmlText.escape(texts.text("reading.chart.item", language, bar.label(),
                            breakouts(bar.breakouts(), language))))
                    .append("</title>\n");
            svg.append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + 19)
                    .append("\" text-anchor=\"end\">").append(XmlText.escape(XmlText.shorten(bar.label(), LABEL_CHARS)))
                    .append("</text>\n");
            svg.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 4).append("\" width=\"")
                    .append(width).append("\" height=\"20\" fill=\"").append(BAR).append("\"/>\n");
            svg.append("<text x=\"").append(LABEL_WIDTH + width + 6).append("\" y=\"").append(y + 19).append("\">")
                    .append(bar.breakouts()).append("</text></g>\n");
            y += ROW;
        }
        if (rest > 0) {
            svg.append("<text x=\"16\" y=\"").append(y + 19).append("\" font-style=\"italic\">")
                    .append(XmlText.escape(texts.text("reading.chart.more", language, rest))).append("</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    /**
     * Theme × day over the conference's published days: a row per theme (most raised over the days first), a column
     * per day, the breakouts in each cell, the cell darker the more.
     */
    String conference(String conferenceName, SortedMap<LocalDate, List<ThemeCount>> days, String language) {
        SortedMap<String, Row> byKey = new TreeMap<>();
        for (var day : days.entrySet()) {
            for (ThemeCount theme : day.getValue()) {
                Row row = byKey.computeIfAbsent(theme.key() == null ? "" : theme.key(), Row::new);
                row.counts.merge(day.getKey(), Math.max(0, theme.breakouts()), Integer::sum);
                row.label = label(theme, language); // the latest day's labels win: days come in date order
            }
        }
        List<Row> rows = new ArrayList<>(byKey.values());
        rows.sort(Comparator.comparingInt(Row::total).reversed().thenComparing(r -> r.key));
        List<Row> drawn = rows.subList(0, Math.min(MAX_THEMES, rows.size()));
        int rest = rows.size() - drawn.size();
        List<LocalDate> columns = new ArrayList<>(days.keySet());
        int max = drawn.stream().flatMap(r -> r.counts.values().stream()).mapToInt(Integer::intValue).max().orElse(0);
        int width = Math.max(WIDTH, LABEL_WIDTH + columns.size() * CELL + 16);
        int top = TOP + 24;
        int height = top + Math.max(1, drawn.size() + (rest > 0 ? 1 : 0)) * ROW + 16;
        String title = texts.text("reading.chart.conference.title", language, conferenceName);
        String desc = drawn.isEmpty() ? texts.text("reading.chart.conference.none", language)
                : texts.text("reading.chart.conference.desc", language, drawn.size(), columns.size());

        StringBuilder svg = open("themes-conference", width, height, title, desc, language);
        svg.append("<text x=\"16\" y=\"28\" font-size=\"16\" font-weight=\"bold\">")
                .append(XmlText.escape(XmlText.shorten(title, 80))).append("</text>\n");
        for (int c = 0; c < columns.size(); c++) {
            svg.append("<text x=\"").append(LABEL_WIDTH + c * CELL + CELL / 2).append("\" y=\"").append(top - 8)
                    .append("\" text-anchor=\"middle\" font-size=\"12\">")
                    .append(XmlText.escape(texts.shortDate(columns.get(c), language))).append("</text>\n");
        }
        if (drawn.isEmpty()) {
            svg.append("<text x=\"16\" y=\"").append(top + 18).append("\">")
                    .append(XmlText.escape(texts.text("reading.chart.conference.none", language))).append("</text>\n");
        }
        int y = top;
        for (Row row : drawn) {
            StringBuilder counts = new StringBuilder();
            for (LocalDate day : columns) {
                if (!counts.isEmpty()) {
                    counts.append(", ");
                }
                counts.append(texts.shortDate(day, language)).append(' ').append(row.counts.getOrDefault(day, 0));
            }
            svg.append("<g><title>").append(XmlText.escape(texts.text("reading.chart.item", language, row.label,
                    counts.toString()))).append("</title>\n");
            svg.append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + 19)
                    .append("\" text-anchor=\"end\">").append(XmlText.escape(XmlText.shorten(row.label, LABEL_CHARS)))
                    .append("</text>\n");
            for (int c = 0; c < columns.size(); c++) {
                int count = row.counts.getOrDefault(columns.get(c), 0);
                int x = LABEL_WIDTH + c * CELL;
                // Opacity in hundredths, by integers: 0.15 for the least, 1.00 for the most.
                int hundredths = count == 0 ? 0 : 15 + (85 * count + max / 2) / Math.max(1, max);
                svg.append("<rect x=\"").append(x + 2).append("\" y=\"").append(y + 2).append("\" width=\"")
                        .append(CELL - 4).append("\" height=\"").append(ROW - 4).append("\" fill=\"")
                        .append(count == 0 ? EMPTY : BAR).append('"');
                if (count > 0) {
                    svg.append(" fill-opacity=\"").append(String.format(Locale.ROOT, "%d.%02d", hundredths / 100,
                            hundredths % 100)).append('"');
                }
                svg.append("/>\n<text x=\"").append(x + CELL / 2).append("\" y=\"").append(y + 19)
                        .append("\" text-anchor=\"middle\" fill=\"").append(hundredths > 55 ? "#ffffff" : INK)
                        .append("\">").append(count).append("</text>\n");
            }
            svg.append("</g>\n");
            y += ROW;
        }
        if (rest > 0) {
            svg.append("<text x=\"16\" y=\"").append(y + 19).append("\" font-style=\"italic\">")
                    .append(XmlText.escape(texts.text("reading.chart.more", language, rest))).append("</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    /** The same chart as a file of its own, with the XML declaration. */
    static String document(String svg) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg;
    }

    private StringBuilder open(String id, int width, int height, String title, String desc, String language) {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id)
                .append("-desc\" xml:lang=\"").append(language).append("\" font-family=\"system-ui, sans-serif\"")
                .append(" font-size=\"14\" fill=\"").append(INK).append("\">\n");
        svg.append("<title id=\"").append(id).append("-title\">").append(XmlText.escape(title)).append("</title>\n");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(XmlText.escape(desc)).append("</desc>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        return svg;
    }

    private String breakouts(int count, String language) {
        return texts.text("reading.chart.breakouts", language, count);
    }

    private static String label(ThemeCount theme, String language) {
        String label = ReadingTexts.in(theme.labels(), language);
        return label.isBlank() ? (theme.key() == null ? "" : theme.key()) : label;
    }

    private static final class Row {
        final String key;
        final SortedMap<LocalDate, Integer> counts = new TreeMap<>();
        String label;

        Row(String key) {
            this.key = key;
            this.label = key;
        }

        int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}

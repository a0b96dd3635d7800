package dev.hybridconf.rapporteur.reading;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.hybridconf.kit.web.PublicBaseUrl;
import dev.hybridconf.rapporteur.reading.PublishedReading.Shown;
import dev.hybridconf.rapporteur.summary.PublishedVersion;

/**
 * A published summary as a page of its own: the notices in the reader's language, the text in its own (marked with
 * {@code lang}), the day's themes chart inlined, the corrections listed, links to the other published languages and
 * the feed. It loads nothing (no script, no style sheet, no font): the page goes with {@link #POLICY}.
 */
@Component
class SummaryPage {

    /** Nothing may load or run; the inline style and inline charts are all the page needs. */
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none';"
            + " form-action 'none'; frame-ancestors 'none'";

    private static final String STYLE = "body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;color:#1b1b1b}"
            + "main{max-width:46rem;margin:0 auto;padding:1rem}"
            + ".notice{background:#fff4d6;border-left:4px solid #b58100;padding:.5rem 1rem}"
            + "table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.25rem .5rem}"
            + "figure{margin:1rem 0;overflow-x:auto}nav a{margin-right:1rem}";

    private final ReadingTexts texts;
    private final MarkdownHtml markdown;
    private final PublicBaseUrl links;

    SummaryPage(ReadingTexts texts, MarkdownHtml markdown, PublicBaseUrl links) {
        this.texts = texts;
        this.markdown = markdown;
        this.links = links;
    }

    String render(Shown shown, String notice, String staleNotice, String chartSvg) {
        String reader = shown.requested();
        String language = shown.text().language();
        PublishedVersion version = shown.version();
        String name = PublishedReading.name(shown.conference(), reader);
        String date = texts.longDate(version.day(), reader);
        String title = texts.text("reading.page.title", reader, date);
        StringBuilder page = new StringBuilder(8192);
        page.append("<!DOCTYPE html>\n<html lang=\"").append(reader).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<title>").append(XmlText.escape(title + " – " + name)).append("</title>\n")
                .append("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"")
                .append(XmlText.escape(ReadingLinks.feed(links, version.conferenceId(), reader))).append("\">\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        if (notice != null) {
            page.append("<p class=\"notice\" role=\"note\">").append(XmlText.escape(notice)).append("</p>\n");
        }
        if (staleNotice != null) {
            page.append("<p class=\"notice\" role=\"note\">").append(XmlText.escape(staleNotice)).append("</p>\n");
        }
        page.append("<header>\n<p>").append(XmlText.escape(name)).append("</p>\n<h1>").append(XmlText.escape(title))
                .append("</h1>\n");
        String theme = PublishedReading.theme(shown.conference(), version.day(), reader);
        if (theme != null) {
            page.append("<p>").append(XmlText.escape(theme)).append("</p>\n");
        }
        page.append("<p>").append(XmlText.escape(texts.text("reading.page.version", reader, version.version(),
                moment(shown, version))));
        if (version.version() < shown.latestVersion()) {
            page.append(" <a href=\"").append(XmlText.escape(ReadingLinks.page(links, version.conferenceId(),
                    version.day(), reader, null))).append("\">")
                    .append(XmlText.escape(texts.text("reading.page.newer", reader, shown.latestVersion())))
                    .append("</a>");
        }
        page.append("</p>\n</header>\n");
        page.append("<article lang=\"").append(language).append("\">\n").append(markdown.render(shown.text().markdown()))
                .append("</article>\n");
        if (chartSvg != null) {
            page.append("<section aria-labelledby=\"themes-heading\">\n<h2 id=\"themes-heading\">")
                    .append(XmlText.escape(texts.text("reading.page.themes", reader))).append("</h2>\n<figure>\n")
                    .append(chartSvg).append("</figure>\n</section>\n");
        }
        var corrections = shown.corrections();
        if (!corrections.isEmpty()) {
            page.append("<section aria-labelledby=\"corrections-heading\">\n<h2 id=\"corrections-heading\">")
                    .append(XmlText.escape(texts.text("reading.page.corrections", reader))).append("</h2>\n<ol>\n");
            for (PublishedVersion correction : corrections) {
                String note = ReadingTexts.in(correction.notes(), language);
                page.append("<li value=\"").append(correction.version()).append("\">")
                        .append(XmlText.escape(texts.text("reading.page.correction", reader, correction.version(),
                                moment(shown, correction))));
                if (!note.isBlank()) {
                    page.append(" <span lang=\"").append(noteLanguage(correction, language)).append("\">")
                            .append(XmlText.escape(note)).append("</span>");
                }
                page.append("</li>\n");
            }
            page.append("</ol>\n</section>\n");
        }
        page.append("<nav aria-label=\"").append(XmlText.escape(texts.text("reading.page.languages", reader)))
                .append("\">\n");
        for (String other : ReadingTexts.LANGUAGES) {
            if (!other.equals(language) && version.texts().containsKey(other)) {
                page.append("<a hreflang=\"").append(other).append("\" lang=\"").append(other).append("\" href=\"")
                        .append(XmlText.escape(ReadingLinks.page(links, version.conferenceId(), version.day(), other,
                                version.version())))
                        .append("\">").append(XmlText.escape(texts.text("reading.language.name." + other, other)))
                        .append("</a>\n");
            }
        }
        page.append("<a href=\"").append(XmlText.escape(ReadingLinks.feed(links, version.conferenceId(), reader)))
                .append("\">").append(XmlText.escape(texts.text("reading.page.feed", reader))).append("</a>\n");
        page.append("</nav>\n</main>\n</body>\n</html>\n");
        return page.toString();
    }

    private String moment(Shown shown, PublishedVersion version) {
        var local = PublishedReading.local(version.publishedAt(), shown.conference());
        if (local == null) {
            return "";
        }
        String reader = shown.requested();
        return DateTimeFormatter.ofPattern(texts.text("reading.datetime", reader), Locale.forLanguageTag(reader))
                .format(local);
    }

    private static String noteLanguage(PublishedVersion correction, String language) {
        if (correction.notes().containsKey(language)) {
            return language;
        }
        for (String other : ReadingTexts.LANGUAGES) {
            if (correction.notes().containsKey(other)) {
                return other;
            }
        }
        return language;
    }
}

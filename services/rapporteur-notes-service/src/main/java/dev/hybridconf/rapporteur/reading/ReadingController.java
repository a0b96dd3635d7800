package dev.hybridconf.rapporteur.reading;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.web.PublicBaseUrl;
import dev.hybridconf.rapporteur.programme.ConferenceInfo;
import dev.hybridconf.rapporteur.reading.PublishedReading.Shown;
import dev.hybridconf.rapporteur.summary.PublishedVersion;

/**
 * The readers' endpoints, public (no token): what was published, in the reader's language or another with a notice,
 * as JSON or (asked with {@code Accept: text/html}) as a page; the themes as SVG; the Atom feed. Only published
 * versions are answered: unknown conferences, days without a publication and versions that do not exist are 404, a
 * malformed day, version or language 400, as problem details.
 */
@RestController
class ReadingController {

    private static final String CONFERENCE = "/api/rapporteur/conferences/{conferenceId}";
    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    /** A published day in the conference's list. */
    record DaySummary(LocalDate day, String theme, int version, OffsetDateTime publishedAt, List<String> languages,
            List<String> missing, String language, boolean fallback, String href, String chart) {
    }

    record SummariesView(String conferenceId, String name, String language, List<DaySummary> days, String chart,
            String feed) {
    }

    /** A correction up to the version shown: its note in the text's language (else another) and every note. */
    record CorrectionView(int version, OffsetDateTime publishedAt, String note, Map<String, String> notes) {
    }

    /**
     * A published summary.
     *
     * @param language  the language of {@code html}
     * @param requested the language asked for
     * @param fallback  {@code language} is not {@code requested}: {@code notice} says so in the requested language
     * @param stale     it was written from another language's text that was corrected since ({@code staleNotice})
     */
    record PublishedView(String conferenceId, LocalDate day, int version, int latestVersion, String language,
            String requested, boolean fallback, String notice, String html, OffsetDateTime publishedAt,
            List<CorrectionView> corrections, boolean stale, String staleNotice, String writtenFrom,
            List<String> languages, List<String> missing, String chart) {
    }

    private final PublishedReading reading;
    private final ReadingTexts texts;
    private final MarkdownHtml markdown;
    private final SummaryPage page;
    private final ThemeCharts charts;
    private final SummaryFeed feed;
    private final PublicBaseUrl links;

    ReadingController(PublishedReading reading, ReadingTexts texts, MarkdownHtml markdown, SummaryPage page,
            ThemeCharts charts, SummaryFeed feed, PublicBaseUrl links) {
        this.reading = reading;
        this.texts = texts;
        this.markdown = markdown;
        this.page = page;
        this.charts = charts;
        this.feed = feed;
        this.links = links;
    }

    /** The conference's published days, each with its latest version and languages. */
    @GetMapping(CONFERENCE + "/summaries")
    SummariesView summaries(@PathVariable String conferenceId, @RequestParam(required = false) String lang) {
        String reader = ReadingTexts.reader(lang);
        ConferenceInfo conference = reading.conference(conferenceId);
        List<DaySummary> days = new ArrayList<>();
        for (PublishedVersion latest : reading.latestByDay(conference).values()) {
            String language = PublishedReading.choose(latest, conference, reader);
            days.add(new DaySummary(latest.day(), PublishedReading.theme(conference, latest.day(), reader),
                    latest.version(), PublishedReading.local(latest.publishedAt(), conference),
                    ordered(latest.texts().keySet()), List.copyOf(latest.missing()), language,
                    !language.equals(reader), ReadingLinks.page(links, conference.id(), latest.day(), reader, null),
                    ReadingLinks.dayChart(links, conference.id(), latest.day(), reader)));
        }
        return new SummariesView(conference.id(), PublishedReading.name(conference, reader), reader, days,
                ReadingLinks.conferenceChart(links, conference.id(), reader),
                ReadingLinks.feed(links, conference.id(), reader));
    }

    /** A day's published summary (latest, or {@code version}); a page when the reader's browser asks for HTML. */
    @GetMapping(CONFERENCE + "/days/{day}/summary/published")
    ResponseEntity<?> published(@PathVariable String conferenceId, @PathVariable String day,
            @RequestParam(required = false) String lang, @RequestParam(required = false) String version,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        String reader = ReadingTexts.reader(lang);
        LocalDate date = PublishedReading.day(day);
        Integer number = PublishedReading.version(version);
        ConferenceInfo conference = reading.conference(conferenceId);
        Shown shown = reading.show(conference, date, number, reader);
        String notice = shown.fallback() ? texts.fallbackNotice(reader, shown.text().language()) : null;
        String staleNotice = shown.text().stale() ? texts.staleNotice(reader, shown.text().writtenFrom()) : null;
        if (wantsHtml(accept)) {
            String svg = charts.day(PublishedReading.name(conference, reader), date,
                    reading.dayThemes(conference, date), reader);
            return ResponseEntity.ok().contentType(HTML)
                    .header("Content-Security-Policy", SummaryPage.POLICY)
                    .header(HttpHeaders.VARY, "Accept, Accept-Language")
                    .body(page.render(shown, notice, staleNotice, svg));
        }
        List<CorrectionView> corrections = shown.corrections().stream()
                .map(c -> new CorrectionView(c.version(), PublishedReading.local(c.publishedAt(), conference),
                        ReadingTexts.in(c.notes(), shown.text().language()), new TreeMap<>(c.notes())))
                .toList();
        PublishedVersion published = shown.version();
        return ResponseEntity.ok().header(HttpHeaders.VARY, "Accept, Accept-Language")
                .body(new PublishedView(conference.id(), date, published.version(), shown.latestVersion(),
                        shown.text().language(), reader, shown.fallback(), notice,
                        markdown.render(shown.text().markdown()),
                        PublishedReading.local(published.publishedAt(), conference), corrections, shown.text().stale(),
                        staleNotice, shown.text().writtenFrom(), ordered(published.texts().keySet()),
                        List.copyOf(published.missing()), ReadingLinks.dayChart(links, conference.id(), date, reader)));
    }

    /** Breakouts per theme on a published day. */
    @GetMapping(CONFERENCE + "/days/{day}/themes.svg")
    ResponseEntity<String> dayChart(@PathVariable String conferenceId, @PathVariable String day,
            @RequestParam(required = false) String lang) {
        String reader = ReadingTexts.reader(lang);
        LocalDate date = PublishedReading.day(day);
        ConferenceInfo conference = reading.conference(conferenceId);
        String svg = charts.day(PublishedReading.name(conference, reader), date, reading.dayThemes(conference, date),
                reader);
        return svg(svg);
    }

    /** Theme × published day over the conference. */
    @GetMapping(CONFERENCE + "/themes.svg")
    ResponseEntity<String> conferenceChart(@PathVariable String conferenceId,
            @RequestParam(required = false) String lang) {
        String reader = ReadingTexts.reader(lang);
        ConferenceInfo conference = reading.conference(conferenceId);
        return svg(charts.conference(PublishedReading.name(conference, reader), reading.conferenceThemes(conference),
                reader));
    }

    /** Every published version and language, newest first. */
    @GetMapping(CONFERENCE + "/summaries.atom")
    ResponseEntity<String> atom(@PathVariable String conferenceId, @RequestParam(required = false) String lang) {
        String reader = ReadingTexts.reader(lang);
        ConferenceInfo conference = reading.conference(conferenceId);
        String body = feed.render(conference, reading.all(conference), reader);
        return revalidated(body, ResponseEntity.ok()
                .contentType(new MediaType("application", "atom+xml", java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static ResponseEntity<String> svg(String svg) {
        return revalidated(ThemeCharts.document(svg), ResponseEntity.ok()
                .contentType(new MediaType("image", "svg+xml", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'"));
    }

    /**
     * Charts and the feed are byte-stable, so their digest is their {@code ETag}: a feed reader or a browser asking
     * again with {@code If-None-Match} gets 304 without the body (Spring MVC compares it with the answer's).
     * Cached for a minute, then revalidated, so a correction shows within a minute.
     */
    private static ResponseEntity<String> revalidated(String body, ResponseEntity.BodyBuilder answer) {
        return answer.eTag("\"" + sha256(body).substring(0, 32) + "\"")
                .header(HttpHeaders.VARY, "Accept-Language")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=60, must-revalidate")
                .body(body);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * HTML when the reader prefers it to JSON (a browser's {@code text/html,...,*}{@code /*;q=0.8});
     * JSON for anything else, an unreadable header included.
     */
    static boolean wantsHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        double html = 0;
        double json = 0;
        for (MediaType type : types) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                continue;
            }
            if (type.isCompatibleWith(MediaType.TEXT_HTML) || "application/xhtml+xml".equals(type.getType() + "/"
                    + type.getSubtype())) {
                html = Math.max(html, type.getQualityValue());
            } else if (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || "application/problem+json".equals(type.getType() + "/" + type.getSubtype())) {
                json = Math.max(json, type.getQualityValue());
            }
        }
        return html > 0 && html > json;
    }

    private static List<String> ordered(java.util.Collection<String> languages) {
        List<String> ordered = new ArrayList<>(ReadingTexts.LANGUAGES.stream().filter(languages::contains).toList());
        languages.stream().filter(l -> !ReadingTexts.LANGUAGES.contains(l)).sorted().forEach(ordered::add);
        return ordered;
    }
}

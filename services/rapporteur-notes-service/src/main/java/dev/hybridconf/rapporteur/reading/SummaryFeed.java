package dev.hybridconf.rapporteur.reading;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.stereotype.Component;

import dev.hybridconf.kit.web.PublicBaseUrl;
import dev.hybridconf.rapporteur.programme.ConferenceInfo;
import dev.hybridconf.rapporteur.summary.PublishedText;
import dev.hybridconf.rapporteur.summary.PublishedVersion;

/**
 * The conference's publications as an Atom 1.0 feed (RFC 4287), written with the JDK's StAX writer: one entry per
 * published version and language, newest first, so a correction arrives in feed readers as a new entry carrying its
 * note. Entry ids are tag URIs made of the conference, day, version and language only
 * ({@code tag:hybridconf.dev,2021:summary/<c>/<day>/v<n>/<lang>}): the same publication keeps its id forever. Links
 * are public addresses through the gateway.
 */
@Component
class SummaryFeed {

    static final String MEDIA_TYPE = "application/atom+xml";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String TAG = "tag:hybridconf.dev,2021:";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private final ReadingTexts texts;
    private final MarkdownHtml markdown;
    private final PublicBaseUrl links;

    SummaryFeed(ReadingTexts texts, MarkdownHtml markdown, PublicBaseUrl links) {
        this.texts = texts;
        this.markdown = markdown;
        this.links = links;
    }

    /** The id of one language of one published version. */
    static String entryId(String conferenceId, LocalDate day, int version, String language) {
        return TAG + "summary/" + conferenceId + "/" + day + "/v" + version + "/" + language;
    }

    String render(ConferenceInfo conference, List<PublishedVersion> versions, String reader) {
        record Entry(PublishedVersion version, PublishedText text) {
        }
        List<Entry> entries = new ArrayList<>();
        for (PublishedVersion version : versions) {
            for (String language : ReadingTexts.LANGUAGES) {
                PublishedText text = version.texts().get(language);
                if (text != null) {
                    entries.add(new Entry(version, text));
                }
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> e.version().publishedAt(), Comparator.nullsFirst(
                        Comparator.<Instant>naturalOrder())).reversed()
                .thenComparing(e -> e.version().day(), Comparator.reverseOrder())
                .thenComparing(e -> e.version().version(), Comparator.reverseOrder())
                .thenComparing(e -> ReadingTexts.LANGUAGES.indexOf(e.text().language())));
        Instant updated = entries.stream().map(e -> e.version().publishedAt()).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElseGet(() -> firstDay(conference));
        String name = PublishedReading.name(conference, reader);
        StringWriter out = new StringWriter(8192);
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", reader);
            element(xml, "id", TAG + "summaries/" + conference.id());
            element(xml, "title", texts.text("reading.feed.title", reader, name));
            element(xml, "subtitle", texts.text("reading.feed.subtitle", reader));
            element(xml, "updated", timestamp(updated, conference));
            link(xml, "self", MEDIA_TYPE, null, ReadingLinks.feed(links, conference.id(), reader));
            link(xml, "related", ThemeCharts.MEDIA_TYPE, null,
                    ReadingLinks.conferenceChart(links, conference.id(), reader));
            xml.writeStartElement("author");
            element(xml, "name", texts.text("reading.feed.author", reader, name));
            xml.writeEndElement();
            element(xml, "generator", "hybridconf rapporteur-notes-service");
            for (Entry entry : entries) {
                entry(xml, conference, entry.version(), entry.text());
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the summaries feed could not be written", e);
        }
        return out.toString();
    }

    private void entry(XMLStreamWriter xml, ConferenceInfo conference, PublishedVersion version, PublishedText text)
            throws XMLStreamException {
        String language = text.language();
        String date = texts.longDate(version.day(), language);
        xml.writeCharacters("\n");
        xml.writeStartElement("entry");
        xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", language);
        element(xml, "id", entryId(conference.id(), version.day(), version.version(), language));
        element(xml, "title", version.version() == 1 ? texts.text("reading.feed.entry", language, date)
                : texts.text("reading.feed.correction", language, date, version.version()));
        String published = timestamp(version.publishedAt() == null ? firstDay(conference) : version.publishedAt(),
                conference);
        element(xml, "published", published);
        element(xml, "updated", published);
        link(xml, "alternate", "text/html", language,
                ReadingLinks.page(links, conference.id(), version.day(), language, version.version()));
        String note = version.notes().get(language);
        StringBuilder html = new StringBuilder();
        if (version.version() >= 2) {
            String said = note == null || note.isBlank() ? ReadingTexts.in(version.notes(), language) : note;
            String label = texts.text("reading.feed.note", language, version.version());
            element(xml, "summary", said.isBlank() ? label : label + " " + said);
            html.append("<p><strong>").append(XmlText.escape(label)).append("</strong> ").append(XmlText.escape(said))
                    .append("</p>\n");
        }
        if (text.stale()) {
            html.append("<p><em>").append(XmlText.escape(texts.staleNotice(language, text.writtenFrom())))
                    .append("</em></p>\n");
        }
        html.append(markdown.render(text.markdown()));
        xml.writeStartElement("content");
        xml.writeAttribute("type", "html");
        xml.writeCharacters(XmlText.clean(html.toString()));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(XmlText.clean(text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String hreflang, String href)
            throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        if (hreflang != null) {
            xml.writeAttribute("hreflang", hreflang);
        }
        xml.writeAttribute("href", href);
    }

    private static String timestamp(Instant instant, ConferenceInfo conference) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(PublishedReading.local(instant, conference));
    }

    /** When nothing is published yet: the start of the conference's first day (the epoch without days). */
    private static Instant firstDay(ConferenceInfo conference) {
        return conference.days().stream().map(d -> d.date()).min(Comparator.naturalOrder())
                .map(d -> d.atStartOfDay(conference.zone()).toInstant()).orElse(Instant.EPOCH);
    }
}

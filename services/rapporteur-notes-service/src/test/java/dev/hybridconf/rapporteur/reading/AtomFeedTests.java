package dev.hybridconf.rapporteur.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.hybridconf.rapporteur.programme.ConferenceInfo;

/**
 * The Atom feed of publications parses with the JDK's XML parser, has one entry per published version and language,
 * keeps each entry's id when later versions arrive, carries corrections with their note, and links through the
 * platform's public address (the gateway), never the service's own.
 */
class AtomFeedTests extends ReadingServiceTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Test
    void oneEntryPerPublishedVersionAndLanguageWithStableIdsAndPublicLinks() {
        ConferenceInfo conference = conference("atom-feed", "en", "fr", "es");
        publish(conference, DAY1, 1, PUBLISHED, Map.of("en", "Housing first.", "fr", "Le logement d'abord."),
                Map.of());
        publish(conference, DAY2, 1, PUBLISHED.plusSeconds(86_400), Map.of("es", "Movilidad."), Map.of());

        HttpResponse<String> response = get(base(conference) + "/summaries.atom?lang=en");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/atom+xml;charset=UTF-8");
        Document feed = xml(response.body());
        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(child(feed.getDocumentElement(), "title")).isEqualTo("Summaries of Seminar Campus 2021");
        assertThat(child(feed.getDocumentElement(), "updated")).isEqualTo("2021-02-17T18:05:00+01:00");

        List<Element> entries = entries(feed);
        assertThat(entries).hasSize(3);
        List<String> ids = entries.stream().map(e -> child(e, "id")).toList();
        assertThat(ids).containsExactly(
                "tag:hybridconf.dev,2021:summary/" + conference.id() + "/2021-02-17/v1/es",
                "tag:hybridconf.dev,2021:summary/" + conference.id() + "/2021-02-16/v1/en",
                "tag:hybridconf.dev,2021:summary/" + conference.id() + "/2021-02-16/v1/fr");
        assertThat(entries.get(2).getAttribute("xml:lang")).isEqualTo("fr");
        assertThat(child(entries.get(2), "title")).isEqualTo("Résumé du mardi 16 février 2021");
        assertThat(child(entries.get(2), "content")).isEqualTo("<p>Le logement d'abord.</p>\n");

        List<String> links = new ArrayList<>();
        NodeList all = feed.getElementsByTagNameNS(ATOM, "link");
        for (int i = 0; i < all.getLength(); i++) {
            links.add(((Element) all.item(i)).getAttribute("href"));
        }
        assertThat(links).hasSize(2 + 3).allSatisfy(link -> assertThat(link).startsWith(PUBLIC_BASE + "/api/rapporteur/"));
        assertThat(links).contains(PUBLIC_BASE + base(conference) + "/days/2021-02-16/summary/published?lang=fr&version=1",
                PUBLIC_BASE + base(conference) + "/summaries.atom?lang=en");

        // The same feed twice is the same document (a feed reader asking again with its ETag gets 304); a
        // correction adds entries and changes none of the old ids.
        assertThat(get(base(conference) + "/summaries.atom?lang=en").body()).isEqualTo(response.body());
        String etag = response.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = get(base(conference) + "/summaries.atom?lang=en", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        publish(conference, DAY1, 2, PUBLISHED.plusSeconds(2 * 86_400),
                Map.of("en", "Housing first, and water.", "fr", "Le logement d'abord, et l'eau."),
                Map.of("en", "Water was left out.", "fr", "L'eau avait été oubliée."));
        HttpResponse<String> corrected = get(base(conference) + "/summaries.atom?lang=en", "If-None-Match", etag);
        assertThat(corrected.statusCode()).isEqualTo(200);
        List<Element> after = entries(xml(corrected.body()));
        assertThat(after).hasSize(5);
        assertThat(after.stream().map(e -> child(e, "id")).toList()).containsAll(ids).startsWith(
                "tag:hybridconf.dev,2021:summary/" + conference.id() + "/2021-02-16/v2/en",
                "tag:hybridconf.dev,2021:summary/" + conference.id() + "/2021-02-16/v2/fr");
        Element correction = after.get(1);
        assertThat(child(correction, "title")).isEqualTo("Résumé du mardi 16 février 2021, correction (version 2)");
        assertThat(child(correction, "summary")).isEqualTo("Correction (version 2) : L'eau avait été oubliée.");
        assertThat(child(correction, "content")).contains("L&#39;eau avait été oubliée.")
                .contains("<p>Le logement d'abord, et l'eau.</p>");
    }

    @Test
    void hostileTextsStayInsideTheirElements() {
        ConferenceInfo conference = conference("atom-hostile", "en");
        publish(conference, DAY1, 1, PUBLISHED, Map.of("en", "</content><entry><id>x</id></entry>\u0000\u0008 ]]> <b>"),
                Map.of());
        Document feed = xml(get(base(conference) + "/summaries.atom?lang=en").body());
        List<Element> entries = entries(feed);
        assertThat(entries).hasSize(1);
        assertThat(child(entries.get(0), "content"))
                .isEqualTo("<p>&lt;/content&gt;&lt;entry&gt;&lt;id&gt;x&lt;/id&gt;&lt;/entry&gt; ]]&gt; &lt;b&gt;</p>\n");
    }

    @Test
    void aConferenceWithNothingPublishedHasAnEmptyButValidFeed() {
        ConferenceInfo conference = conference("atom-empty", "en", "fr");
        Document feed = xml(get(base(conference) + "/summaries.atom", "Accept-Language", "es").body());
        assertThat(entries(feed)).isEmpty();
        assertThat(child(feed.getDocumentElement(), "title")).isEqualTo("Resúmenes de Seminario Campus 2021");
        assertThat(child(feed.getDocumentElement(), "id")).isEqualTo("tag:hybridconf.dev,2021:summaries/"
                + conference.id());
        // Nothing published: the feed says it starts with the conference.
        assertThat(child(feed.getDocumentElement(), "updated")).isEqualTo("2021-02-16T00:00:00+01:00");
    }

    private static List<Element> entries(Document feed) {
        NodeList nodes = feed.getElementsByTagNameNS(ATOM, "entry");
        List<Element> entries = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            entries.add((Element) nodes.item(i));
        }
        return entries;
    }

    private static String child(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && ATOM.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                return element.getTextContent();
            }
        }
        throw new AssertionError("no " + name + " in " + parent.getLocalName());
    }
}

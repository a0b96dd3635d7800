package dev.hybridconf.rapporteur.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import dev.hybridconf.rapporteur.analysis.ThemeCount;
import dev.hybridconf.rapporteur.programme.ConferenceInfo;

/**
 * The theme charts are well-formed SVG (parsed by the JDK), say what they show to screen readers, carry any label
 * as text (escaped, characters XML cannot hold dropped), and give the same bytes for the same data whatever the
 * order it came in.
 */
class ThemeChartTests extends ReadingServiceTest {

    private static final String HOSTILE = "<script>alert('x')</script> & \"Droit à la ville\"\u0000\u0007\uFFFF";

    private final ThemeCharts charts = new ThemeCharts(new ReadingTexts());

    private static List<ThemeCount> themes() {
        return List.of(
                new ThemeCount("housing", Map.of("en", "Housing", "fr", "Logement", "es", "Vivienda"), 4,
                        List.of("a", "b", "c", "d")),
                new ThemeCount("mobility", Map.of("en", "Mobility", "fr", "Mobilité"), 2, List.of("a", "b")),
                new ThemeCount("droit a la ville", Map.of("fr", HOSTILE), 3, List.of("a", "b", "c")),
                new ThemeCount("climate", Map.of(), 1, List.of("e")));
    }

    @Test
    void theDayChartIsWellFormedAccessibleSvgWithOneBarPerTheme() throws Exception {
        String svg = ThemeCharts.document(charts.day("Séminaire Campus 2021", DAY1, themes(), "fr"));
        Document document = xml(svg);

        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(document.getDocumentElement().getAttribute("role")).isEqualTo("img");
        assertThat(text(document, "/*[local-name()='svg']/*[local-name()='title']"))
                .isEqualTo("Thèmes du mardi 16 février 2021");
        assertThat(text(document, "/*[local-name()='svg']/*[local-name()='desc']"))
                .isEqualTo("Ateliers par thème, Séminaire Campus 2021, mardi 16 février 2021 : Logement : 4 ateliers; "
                        + "<script>alert('x')</script> & \"Droit à la ville\" : 3 ateliers; Mobilité : 2 ateliers; "
                        + "climate : 1 atelier.");
        NodeList bars = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        assertThat(bars.getLength()).as("the background and one bar per theme").isEqualTo(1 + 4);
        // The longest bar is the most raised theme's; the others are in proportion (4 : 3 : 2 : 1).
        assertThat(List.of(width(bars, 1), width(bars, 2), width(bars, 3), width(bars, 4)))
                .containsExactly(400, 300, 200, 100);
        assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;");
    }

    @Test
    void theConferenceGridCountsEachThemeOnEachDay() throws Exception {
        SortedMap<LocalDate, List<ThemeCount>> days = new TreeMap<>();
        days.put(DAY1, themes());
        days.put(DAY2, List.of(new ThemeCount("housing", Map.of("en", "Housing"), 1, List.of("x")),
                new ThemeCount("water", Map.of("en", "Water & sanitation"), 5, List.of("1", "2", "3", "4", "5"))));
        String svg = ThemeCharts.document(charts.conference("Seminar Campus 2021", days, "en"));
        Document document = xml(svg);

        assertThat(text(document, "/*[local-name()='svg']/*[local-name()='title']"))
                .isEqualTo("Themes of Seminar Campus 2021, day by day");
        assertThat(text(document, "/*[local-name()='svg']/*[local-name()='desc']")).endsWith("5 themes over 2 days.");
        // Rows by breakouts over the days: Housing 5 (4 + 1), Water & sanitation 5, the hostile label 3, ...
        NodeList rows = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("//*[local-name()='g']/*[local-name()='title']", document, XPathConstants.NODESET);
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < rows.getLength(); i++) {
            titles.add(rows.item(i).getTextContent());
        }
        assertThat(titles).containsExactly("Housing: 16 Feb 4, 17 Feb 1", "Water & sanitation: 16 Feb 0, 17 Feb 5",
                "<script>alert('x')</script> & \"Droit à la ville\": 16 Feb 3, 17 Feb 0",
                "Mobility: 16 Feb 2, 17 Feb 0", "climate: 16 Feb 1, 17 Feb 0");
    }

    @Test
    void theSameDataGivesTheSameBytesWhateverItsOrder() {
        List<ThemeCount> shuffled = new ArrayList<>(themes());
        Collections.shuffle(shuffled, new Random(13));
        for (String language : ReadingTexts.LANGUAGES) {
            String once = charts.day("Seminar", DAY1, themes(), language);
            assertThat(charts.day("Seminar", DAY1, shuffled, language)).isEqualTo(once);
            SortedMap<LocalDate, List<ThemeCount>> days = new TreeMap<>(Map.of(DAY1, themes(), DAY2, shuffled));
            assertThat(charts.conference("Seminar", days, language))
                    .isEqualTo(charts.conference("Seminar", new TreeMap<>(Map.of(DAY2, themes(), DAY1, shuffled)),
                            language));
        }
    }

    @Test
    void theChartsAreServedAsSvgOnlyForPublishedDaysAndTwiceAlike() {
        ConferenceInfo conference = conference("chart-http", "en", "fr", "es");
        publish(conference, DAY1, 1, PUBLISHED, Map.of("en", "Housing."), Map.of());
        analyse(conference, DAY1, themes());
        analyse(conference, DAY2, List.of(new ThemeCount("unpublished", Map.of("en", "Not yet published"), 9,
                List.of("z"))));

        HttpResponse<String> day = get(base(conference) + "/days/" + DAY1 + "/themes.svg?lang=es");
        assertThat(day.statusCode()).isEqualTo(200);
        assertThat(day.headers().firstValue("Content-Type")).hasValue("image/svg+xml;charset=UTF-8");
        assertThat(day.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).startsWith("default-src 'none'"));
        assertThat(xml(day.body()).getDocumentElement().getAttribute("xml:lang")).isEqualTo("es");
        assertThat(day.body()).contains("Vivienda").startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg");
        assertThat(get(base(conference) + "/days/" + DAY1 + "/themes.svg?lang=es").body()).isEqualTo(day.body());
        assertThat(get(base(conference) + "/days/" + DAY1 + "/themes.svg?lang=es", "If-None-Match",
                day.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);

        HttpResponse<String> grid = get(base(conference) + "/themes.svg", "Accept-Language", "fr");
        assertThat(grid.statusCode()).isEqualTo(200);
        xml(grid.body());
        assertThat(grid.body()).contains("Logement").doesNotContain("Not yet published").doesNotContain("17 févr.");
        assertThat(get(base(conference) + "/themes.svg", "Accept-Language", "fr").body()).isEqualTo(grid.body());
    }

    @Test
    void aPublishedDayWithoutThemesAndAConferenceWithoutPublicationsGiveAnEmptyChart() {
        ConferenceInfo conference = conference("chart-empty", "en");
        HttpResponse<String> grid = get(base(conference) + "/themes.svg?lang=en");
        assertThat(grid.statusCode()).isEqualTo(200);
        assertThat(text(xml(grid.body()), "/*[local-name()='svg']/*[local-name()='desc']"))
                .isEqualTo("No published day has themes yet.");

        publish(conference, DAY1, 1, PUBLISHED, Map.of("en", "Nothing tagged."), Map.of());
        HttpResponse<String> day = get(base(conference) + "/days/" + DAY1 + "/themes.svg?lang=en");
        assertThat(day.statusCode()).isEqualTo(200);
        assertThat(text(xml(day.body()), "/*[local-name()='svg']/*[local-name()='desc']"))
                .isEqualTo("No theme was tagged on Tuesday 16 February 2021.");
    }

    private static String text(Document document, String path) {
        try {
            return XPathFactory.newInstance().newXPath().evaluate(path, document);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int width(NodeList rects, int index) {
        return Integer.parseInt(((org.w3c.dom.Element) rects.item(index)).getAttribute("width"));
    }
}

package dev.hybridconf.rapporteur.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

import dev.hybridconf.rapporteur.programme.ConferenceInfo;

/**
 * A rapporteur's Markdown cannot run anything in a reader's browser: scripts, {@code javascript:} and {@code data:}
 * addresses, raw HTML and event handler attributes come out as text or empty addresses, checked on the parsed
 * output (no {@code script}/{@code iframe}/{@code object} element, no {@code on*} attribute, only http(s), mailto or
 * relative addresses), and the page that shows it forbids scripts anyway.
 */
class MarkdownSafetyTests extends ReadingServiceTest {

    private final MarkdownHtml markdown = new MarkdownHtml();

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "Before <script src=\"https://evil.example/x.js\"></script> after",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(document.cookie))",
            "[click]( javascript:alert(1) )",
            "[click](java&#x09;script:alert(1))",
            "[click](&#106;avascript:alert(1))",
            "[click](vbscript:msgbox(1))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<javascript:alert(1)>",
            "[ref]\n\n[ref]: javascript:alert(1)",
            "![x](javascript:alert(1))",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\" onclick=\"alert(2)\">x</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<object data=\"x.swf\"></object><embed src=\"x\">",
            "<svg onload=alert(1)><circle/></svg>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "`<script>` in code is fine\n\n    <script>alert(1)</script>",
            "| a | b |\n|---|---|\n| <script>alert(1)</script> | [x](javascript:alert(1)) |",
            "<!-- <script>alert(1)</script> -->",
            "<details open ontoggle=alert(1)>",
            "\u0000<scr\u0000ipt>alert(1)</script>"})
    void nothingInTheMarkdownCanRunInTheReadersBrowser(String hostile) {
        String html = markdown.render(hostile);
        assertSafe(html);
        // As text ("javascript:alert(1)" shown to the reader) is harmless; as an address or markup it is not.
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script").doesNotContain("<iframe")
                .doesNotContain("<img src=x").doesNotContain("<svg").doesNotContain("=\"javascript:")
                .doesNotContain("=\"vbscript:").doesNotContain("=\"data:");
    }

    @Test
    void rawHtmlIsShownAsTextNotDropped() {
        assertThat(markdown.render("Use <b>bold</b> & <script>alert(1)</script>"))
                .isEqualTo("<p>Use &lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
    }

    @Test
    void ordinaryMarkdownStillWorks() {
        String html = markdown.render("""
                ## Way forward

                - **Affordable housing** in [the New Urban Agenda](https://habitat3.org/the-new-urban-agenda/)
                - Write to [the secretariat](mailto:info@uclg.example) or see [the programme](/programme)

                | Theme | Breakouts |
                |---|---:|
                | Housing | 4 |
                """);
        assertSafe(html);
        assertThat(html).contains("<h2>Way forward</h2>")
                .contains("<a rel=\"nofollow noopener noreferrer\" href=\"https://habitat3.org/the-new-urban-agenda/\">")
                .contains("href=\"mailto:info@uclg.example\"")
                .contains("href=\"/programme\"")
                .contains("<table>").contains("<td align=\"right\">4</td>");
    }

    @Test
    void thePageOfAHostileSummaryForbidsScriptsAndShowsTheTextAsText() {
        ConferenceInfo conference = conference("md-page", "en", "fr", "es");
        publish(conference, DAY1, 1, PUBLISHED,
                Map.of("en", "Hello <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(2)>"),
                Map.of());

        HttpResponse<String> page = get(base(conference) + "/days/" + DAY1 + "/summary/published?lang=en",
                "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'none'").doesNotContain("script-src"));
        assertThat(page.body()).doesNotContain("<script").doesNotContain("href=\"javascript:").doesNotContain("<img")
                .contains("Hello &lt;script&gt;alert(1)&lt;/script&gt;");

        String json = get(base(conference) + "/days/" + DAY1 + "/summary/published?lang=en").body();
        assertThat(json).doesNotContain("<script").doesNotContain("href=\\\"javascript:");
    }

    /** Parses the fragment (commonmark writes XHTML-style markup) and walks every element. */
    private static void assertSafe(String html) {
        Document document = xml("<div>" + html + "</div>");
        List<String> problems = new ArrayList<>();
        NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            String name = element.getTagName().toLowerCase(Locale.ROOT);
            if (List.of("script", "iframe", "object", "embed", "svg", "style", "link", "meta", "form", "base")
                    .contains(name)) {
                problems.add("element " + name);
            }
            NamedNodeMap attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                String attribute = attributes.item(a).getNodeName().toLowerCase(Locale.ROOT);
                String value = attributes.item(a).getNodeValue().strip().toLowerCase(Locale.ROOT);
                if (attribute.startsWith("on") || attribute.equals("style")) {
                    problems.add("attribute " + attribute + " on " + name);
                }
                if ((attribute.equals("href") || attribute.equals("src")) && !value.isEmpty()
                        && !value.startsWith("http://") && !value.startsWith("https://")
                        && !value.startsWith("mailto:") && !value.startsWith("/") && value.contains(":")) {
                    problems.add(attribute + "=" + value);
                }
            }
        }
        assertThat(problems).as(html).isEmpty();
    }
}

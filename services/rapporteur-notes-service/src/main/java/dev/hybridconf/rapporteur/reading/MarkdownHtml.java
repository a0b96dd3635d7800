package dev.hybridconf.rapporteur.reading;

import java.util.List;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * A rapporteur's Markdown as HTML readers can be given: CommonMark with GFM tables; raw HTML in the text is shown
 * as text, never passed on ({@code escapeHtml}); link and image addresses keep only {@code http}, {@code https},
 * {@code mailto} or relative ones ({@code javascript:}, {@code data:}, {@code vbscript:} … become empty); links
 * leave with {@code rel="nofollow noopener noreferrer"}. The page's Content-Security-Policy is the second line of
 * defence, not the first.
 */
@Component
class MarkdownHtml {

    private static final List<String> PROTOCOLS = List.of("http", "https", "mailto");

    private final Parser parser;
    private final HtmlRenderer renderer;

    MarkdownHtml() {
        var extensions = List.of(TablesExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder().extensions(extensions)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .urlSanitizer(new DefaultUrlSanitizer(PROTOCOLS))
                .percentEncodeUrls(true)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof Link) {
                        attributes.put("rel", "nofollow noopener noreferrer");
                    }
                    if (node instanceof Image) {
                        attributes.put("loading", "lazy");
                    }
                })
                .build();
    }

    /** The HTML fragment of {@code markdown} (empty for none); characters XML cannot carry are dropped first. */
    String render(String markdown) {
        if (markdown == null || markdown.isEmpty()) {
            return "";
        }
        return renderer.render(parser.parse(XmlText.clean(markdown)));
    }
}

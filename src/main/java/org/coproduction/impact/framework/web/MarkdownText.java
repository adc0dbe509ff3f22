package org.coproduction.impact.framework.web;

import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The framework's long text, written in Markdown, made safe to show (ARCHITECTURE: text). Raw HTML
 * is escaped, so it shows as typed and never runs; links keep only safe schemes (no
 * {@code javascript:}); images become links, so neither a browser nor the PDF renderer ever fetches
 * an address someone typed; headings all become level 4, below the section headings (h3), so the
 * page and the PDF keep a heading order with no gaps (PDF/UA).
 */
public final class MarkdownText {

    /** Headings inside a section: h1 is the page, h2 a part, h3 the section. */
    static final int HEADING_LEVEL = 4;

    private static final Parser PARSER = Parser.builder()
            .postProcessor(MarkdownText::tidy)
            .build();

    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> MarkdownText::govukClasses)
            .build();

    private MarkdownText() {}

    /** The text as HTML with GOV.UK Frontend's classes, safe to put in a page unescaped. */
    public static String html(String markdown) {
        return HTML.render(parse(markdown));
    }

    /** The parsed text, for writers of other formats (the Word file). */
    static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }

    private static Node tidy(Node document) {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(HEADING_LEVEL);
                visitChildren(heading);
            }

            @Override
            public void visit(Image image) {
                Link link = new Link(image.getDestination(), image.getTitle());
                Node child = image.getFirstChild();
                while (child != null) {
                    Node next = child.getNext();
                    link.appendChild(child);
                    child = next;
                }
                image.insertAfter(link);
                image.unlink();
                visitChildren(link);
            }
        });
        return document;
    }

    private static final Map<Class<? extends Node>, String> CLASSES = Map.of(
            Paragraph.class, "govuk-body",
            Heading.class, "govuk-heading-s",
            BulletList.class, "govuk-list govuk-list--bullet",
            OrderedList.class, "govuk-list govuk-list--number",
            Link.class, "govuk-link",
            BlockQuote.class, "govuk-inset-text",
            ThematicBreak.class, "govuk-section-break govuk-section-break--m govuk-section-break--visible");

    private static void govukClasses(Node node, String tagName, Map<String, String> attributes) {
        String classes = CLASSES.get(node.getClass());
        if (classes != null) {
            attributes.put("class", classes);
        }
    }
}

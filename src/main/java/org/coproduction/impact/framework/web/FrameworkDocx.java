package org.coproduction.impact.framework.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.coproduction.impact.framework.FrameworkVersion;
import org.coproduction.impact.framework.Part;
import org.coproduction.impact.framework.SectionText;
import org.coproduction.impact.shared.document.WordStyles;
import org.coproduction.impact.shared.web.Ui;

/**
 * The framework as a Word file the organisation can edit and re-use: a title, then each part and
 * section as real headings (Word's Heading 1 and 2, so its navigation pane and contents work), the
 * Markdown text as paragraphs, lists and links, and the easy-read summary at the end.
 */
final class FrameworkDocx {

    private static final String MONO = "DejaVu Sans Mono";

    private static final DefaultUrlSanitizer SAFE_URLS = new DefaultUrlSanitizer();

    private FrameworkDocx() {}

    static byte[] write(FrameworkVersion version, String organisation, String subtitle) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            WordStyles.addTo(doc);
            String title = Ui.t("framework.document.title");
            doc.getProperties().getCoreProperties().setTitle(title + " – " + organisation);
            doc.getProperties().getCoreProperties().setCreator(organisation);
            doc.getProperties().getCoreProperties().setDescription(Ui.t("framework.document.credit"));

            WordStyles.styled(doc, "Title").createRun().setText(title);
            doc.createParagraph().createRun().setText(organisation);
            doc.createParagraph().createRun().setText(subtitle);
            XWPFRun credit = doc.createParagraph().createRun();
            credit.setItalic(true);
            credit.setText(Ui.t("framework.document.credit"));

            for (Part part : Part.values()) {
                WordStyles.styled(doc, "Heading1").createRun().setText(Ui.t(part.titleKey()));
                for (SectionText section : version.sections(part)) {
                    WordStyles.styled(doc, "Heading2").createRun().setText(Ui.t(section.section().titleKey()));
                    new Blocks(doc).children(MarkdownText.parse(section.body()), 0);
                }
            }
            if (version.hasEasyRead()) {
                WordStyles.styled(doc, "Heading1").createRun().setText(Ui.t("framework.easy-read.title"));
                for (SectionText section : version.sections()) {
                    if (section.easyReadPoints().isEmpty()) {
                        continue;
                    }
                    WordStyles.styled(doc, "Heading2").createRun().setText(Ui.t(section.section().titleKey()));
                    for (String point : section.easyReadPoints()) {
                        XWPFParagraph p = doc.createParagraph();
                        p.setIndentationLeft(360);
                        XWPFRun run = p.createRun();
                        run.setFontSize(16);
                        run.setText("• " + point);
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes Markdown blocks as Word paragraphs. */
    private static final class Blocks {

        private final XWPFDocument doc;

        Blocks(XWPFDocument doc) {
            this.doc = doc;
        }

        void children(Node parent, int depth) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
                block(node, depth);
            }
        }

        private void block(Node node, int depth) {
            switch (node) {
                case Heading h -> inlines(WordStyles.styled(doc, "Heading3"), h);
                case Paragraph p -> inlines(indented(depth), p);
                case BulletList list -> items(list, depth, -1);
                case OrderedList list -> items(list, depth, list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber());
                case BlockQuote quote -> children(quote, depth + 1);
                case FencedCodeBlock code -> code(code.getLiteral(), depth);
                case IndentedCodeBlock code -> code(code.getLiteral(), depth);
                case HtmlBlock html -> indented(depth).createRun().setText(html.getLiteral().strip());
                default -> children(node, depth);
            }
        }

        private void items(Node list, int depth, int start) {
            int number = start;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item instanceof ListItem)) {
                    continue;
                }
                String marker = start < 0 ? "• " : (number++) + ". ";
                boolean first = true;
                for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                    if (first && child instanceof Paragraph p) {
                        XWPFParagraph para = indented(depth + 1);
                        para.createRun().setText(marker);
                        inlines(para, p);
                    } else {
                        block(child, depth + 1);
                    }
                    first = false;
                }
            }
        }

        private void code(String literal, int depth) {
            for (String line : literal.stripTrailing().split("\n", -1)) {
                XWPFRun run = indented(depth).createRun();
                run.setFontFamily(MONO);
                run.setText(line);
            }
        }

        private XWPFParagraph indented(int depth) {
            XWPFParagraph p = doc.createParagraph();
            if (depth > 0) {
                p.setIndentationLeft(360 * depth);
            }
            return p;
        }

        private void inlines(XWPFParagraph paragraph, Node parent) {
            new Inlines(paragraph).children(parent, false, false, false);
        }
    }

    /** Writes Markdown's inline text (emphasis, code, links, line breaks) as runs of one paragraph. */
    private record Inlines(XWPFParagraph paragraph) {

        void children(Node parent, boolean bold, boolean italic, boolean mono) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
                switch (node) {
                    case Text t -> run(t.getLiteral(), bold, italic, mono);
                    case Code c -> run(c.getLiteral(), bold, italic, true);
                    case HtmlInline h -> run(h.getLiteral(), bold, italic, mono);
                    case SoftLineBreak s -> run(" ", bold, italic, mono);
                    case HardLineBreak b -> paragraph.createRun().addBreak();
                    case Emphasis e -> children(e, bold, true, mono);
                    case StrongEmphasis s -> children(s, true, italic, mono);
                    case Link link -> link(link, bold, italic);
                    default -> children(node, bold, italic, mono);
                }
            }
        }

        private void link(Link link, boolean bold, boolean italic) {
            // As on the page: only safe kinds of address become links; anything else stays text.
            String url = SAFE_URLS.sanitizeLinkUrl(link.getDestination());
            if (url.isBlank()) {
                children(link, bold, italic, false);
                return;
            }
            XWPFHyperlinkRun run = paragraph.createHyperlinkRun(url);
            run.setText(text(link));
            run.setBold(bold);
            run.setItalic(italic);
            run.setUnderline(org.apache.poi.xwpf.usermodel.UnderlinePatterns.SINGLE);
            run.setColor("1D70B8");
        }

        private void run(String text, boolean bold, boolean italic, boolean mono) {
            XWPFRun run = paragraph.createRun();
            run.setText(text);
            run.setBold(bold);
            run.setItalic(italic);
            if (mono) {
                run.setFontFamily(MONO);
            }
        }

        private static String text(Node node) {
            StringBuilder s = new StringBuilder();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Text t) {
                    s.append(t.getLiteral());
                } else if (child instanceof Code c) {
                    s.append(c.getLiteral());
                } else {
                    s.append(text(child));
                }
            }
            return s.toString();
        }
    }
}

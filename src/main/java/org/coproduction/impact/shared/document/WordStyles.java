package org.coproduction.impact.shared.document;

import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.coproduction.impact.shared.web.Languages;
import org.jspecify.annotations.Nullable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Word's built-in title and heading styles for the .docx files we write, so a file's structure is
 * real (Word's navigation pane and contents work, and screen readers announce headings), not just
 * big bold text.
 */
public final class WordStyles {

    private WordStyles() {}

    /** Adds the Title, Heading1, Heading2 and Heading3 styles, in the language of the request. */
    public static void addTo(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        styles.setSpellingLanguage(Languages.tag());
        doc.getProperties().getCoreProperties().getUnderlyingProperties().setLanguageProperty(Languages.tag());
        style(styles, "Title", "Title", null, 56);
        style(styles, "Heading1", "heading 1", 0, 36);
        style(styles, "Heading2", "heading 2", 1, 30);
        style(styles, "Heading3", "heading 3", 2, 26);
    }

    /**
     * Marks a run's words with their language where it is not the document's ({@code code} "en" or
     * "cy", as {@code Ui.langIfOther} gives it; null leaves the run in the document's language), so a
     * screen reader reads a Welsh-writing organisation's words as Welsh in an English file (WCAG 3.1.2).
     */
    public static XWPFRun inLanguage(XWPFRun run, @Nullable String code) {
        if (code != null) {
            Languages.byCode(code).ifPresent(language -> run.setLang(language.toLanguageTag()));
        }
        return run;
    }

    /** A new paragraph in one of the styles. */
    public static XWPFParagraph styled(XWPFDocument doc, String style) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        return p;
    }

    private static void style(XWPFStyles styles, String id, String name, @Nullable Integer outline, int halfPoints) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        style.addNewUiPriority().setVal(BigInteger.valueOf(outline == null ? 10 : 9));
        style.addNewQFormat();
        var paragraph = style.addNewPPr();
        paragraph.addNewKeepNext();
        paragraph.addNewSpacing().setBefore(BigInteger.valueOf(240));
        if (outline != null) {
            paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
        }
        CTRPr run = style.addNewRPr();
        run.addNewB();
        run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        styles.addStyle(new XWPFStyle(style, styles));
    }
}

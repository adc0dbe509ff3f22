package org.coproduction.impact.plan.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.coproduction.impact.plan.PlanTable;
import org.coproduction.impact.shared.document.WordStyles;
import org.coproduction.impact.shared.web.Ui;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/**
 * The plan as a Word table the group can edit: a title, then SCIE's columns on a landscape A4 page,
 * with the header row marked as one (Word repeats it on every page, and screen readers read it as
 * the cells' headings).
 */
final class PlanDocx {

    /** A4 in twentieths of a point, turned on its side. */
    private static final int A4_LONG = 16838;

    private static final int A4_SHORT = 11906;

    /** 1.5 cm margins, to leave room for nine columns. */
    private static final int MARGIN = 850;

    private PlanDocx() {}

    static byte[] write(PlanTable table, String organisation) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            WordStyles.addTo(doc);
            String title = Ui.t("plan.export.document.title", table.projectName());
            doc.getProperties().getCoreProperties().setTitle(title);
            doc.getProperties().getCoreProperties().setCreator(organisation);
            doc.getProperties().getCoreProperties().setDescription(Ui.t("plan.export.document.description"));
            landscape(doc);

            doc.createParagraph().createRun().setText(organisation);
            WordStyles.styled(doc, "Title").createRun().setText(title);
            var credit = doc.createParagraph().createRun();
            credit.setItalic(true);
            credit.setText(Ui.t("plan.export.document.credit"));

            XWPFTable grid = doc.createTable(table.rows().size() + 1, table.header().size());
            grid.setWidth("100%");
            XWPFTableRow header = grid.getRow(0);
            header.setRepeatHeader(true);
            header.setCantSplitRow(true);
            fill(header, table.header(), true);
            for (int i = 0; i < table.rows().size(); i++) {
                fill(grid.getRow(i + 1), table.rows().get(i), false);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean heading) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            if (heading) {
                cell.setColor("F3F2F1");
            }
            String[] lines = cells.get(c).split("\n");
            for (int l = 0; l < lines.length; l++) {
                XWPFParagraph p = l == 0 ? cell.getParagraphs().getFirst() : cell.addParagraph();
                var run = p.createRun();
                if (!heading && c != PlanTable.TYPE) {
                    // The organisation's words: marked with their language where it is not the file's (WCAG 3.1.2).
                    WordStyles.inLanguage(run, Ui.ownWordsLang());
                }
                run.setBold(heading);
                run.setFontSize(9);
                run.setText(lines[l]);
            }
        }
    }

    private static void landscape(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setOrient(STPageOrientation.LANDSCAPE);
        size.setW(BigInteger.valueOf(A4_LONG));
        size.setH(BigInteger.valueOf(A4_SHORT));
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN));
        margins.setBottom(BigInteger.valueOf(MARGIN));
        margins.setLeft(BigInteger.valueOf(MARGIN));
        margins.setRight(BigInteger.valueOf(MARGIN));
    }
}

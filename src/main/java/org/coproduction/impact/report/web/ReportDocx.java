package org.coproduction.impact.report.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.coproduction.impact.evidence.EvidencePictures;
import org.coproduction.impact.report.PrintableDiagram;
import org.coproduction.impact.report.ReportChart;
import org.coproduction.impact.report.ReportKind;
import org.coproduction.impact.report.ReportWords;
import org.coproduction.impact.report.Snapshot;
import org.coproduction.impact.shared.document.WordStyles;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTInline;

/**
 * A published report as a Word file to edit and re-use: the same sections as the page, as Word's real
 * headings (so its navigation pane works and screen readers announce them), the chart as its table of
 * numbers, and only the items that may be shown to the report's audience now.
 */
final class ReportDocx {

    /** The diagram's width in the Word file (six inches, inside an A4 page's margins) and in the picture's pixels. */
    private static final double DIAGRAM_POINTS = 432;

    private static final int DIAGRAM_PIXELS = 1600;

    /** A photo's longer side in the Word file: four inches. */
    private static final double PHOTO_POINTS = 288;

    private ReportDocx() {}

    static byte[] write(Snapshot s, int number, Map<UUID, EvidencePictures.Content> pictures) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            WordStyles.addTo(doc);
            doc.getProperties().getCoreProperties().setTitle(s.title());
            doc.getProperties().getCoreProperties().setCreator(s.organisation());
            ReportWords langs = s.wordsLang();
            WordStyles.inLanguage(WordStyles.styled(doc, "Title").createRun(), Ui.langIfOther(s.titleLang())).setText(s.title());
            XWPFParagraph byline = doc.createParagraph();
            byline.createRun().setText(s.organisation() + " – ");
            WordStyles.inLanguage(byline.createRun(), Ui.langIfOther(s.projectLang())).setText(s.project());
            text(doc, Ui.t("report.meta", Ui.t(s.kind().messageKey()), s.round(), Ui.day(s.reviewOn()), number));
            text(doc, Ui.t("report.for-audience", Ui.t(s.audience().messageKey())));

            if (s.kind() == ReportKind.IMPACT) {
                heading(doc, "Heading1", Ui.t("report.section.problem"));
                text(doc, s.problem() == null ? Ui.t("report.not-written") : s.problem(), s.problem() == null ? null : Ui.langIfOther(s.mainLanguage()));
            }
            heading(doc, "Heading1", Ui.t("report.section.impact"));
            heading(doc, "Heading2", Ui.t("report.section.project-impact"));
            if (s.projectImpact() != null) {
                text(doc, Ui.t("report.impact.aim") + " " + s.projectImpact());
            } else if (s.words().projectImpact() == null) {
                text(doc, Ui.t("report.not-written"));
            }
            paragraphs(doc, s.words().projectImpact(), Ui.langIfOther(langs.projectImpact()));
            heading(doc, "Heading2", Ui.t("report.section.coproduction-impact"));
            if (s.coproductionImpact() != null) {
                text(doc, Ui.t("report.impact.aim") + " " + s.coproductionImpact());
            } else if (s.words().coproductionImpact() == null) {
                text(doc, Ui.t("report.not-written"));
            }
            paragraphs(doc, s.words().coproductionImpact(), Ui.langIfOther(langs.coproductionImpact()));

            if (s.diagram() != null) {
                heading(doc, "Heading1", Ui.t("report.section.pathway"));
                diagram(doc, s.diagram());
                text(doc, Ui.t("report.pathway.caption"));
            }

            heading(doc, "Heading1", Ui.t("report.chart.title"));
            XWPFTable table = doc.createTable(s.outcomes().size() + 1, 4);
            cells(table.getRow(0), Ui.t("report.chart.number"), Ui.t("report.chart.outcome"), Ui.t("report.chart.judgement"),
                    Ui.t("report.chart.views"));
            for (int i = 0; i < s.outcomes().size(); i++) {
                Snapshot.OutcomePart o = s.outcomes().get(i);
                cells(table.getRow(i + 1), String.valueOf(i + 1), o.title(), judgement(o) + " (" + ReportChart.score(o) + "/4)",
                        o.viewsInWords());
                XWPFParagraph outcome = table.getRow(i + 1).getCell(1).getParagraphs().getFirst();
                outcome.getRuns().forEach(r -> WordStyles.inLanguage(r, Ui.langIfOther(s.mainLanguage())));
            }

            heading(doc, "Heading1", Ui.t("report.section.outcomes"));
            for (Snapshot.OutcomePart o : s.outcomes()) {
                WordStyles.inLanguage(WordStyles.styled(doc, "Heading2").createRun(), Ui.langIfOther(s.mainLanguage())).setText(o.title());
                text(doc, Ui.t("report.judgement.is", judgement(o)));
                paragraphs(doc, o.reasons(), null);
                if (o.nextSteps() != null) {
                    text(doc, Ui.t("report.judgement.next", o.nextSteps()));
                }
                text(doc, o.viewsInWords());
                heading(doc, "Heading3", Ui.t("report.section.evidence"));
                o.figures().forEach(f -> text(doc, f));
                items(doc, o.items());
            }
            if (!s.stories().isEmpty()) {
                heading(doc, "Heading1", Ui.t("report.section.stories"));
                for (Snapshot.Item story : s.stories()) {
                    items(doc, List.of(story));
                    for (Snapshot.Picture p : story.pictures()) {
                        EvidencePictures.Content content = pictures.get(p.id());
                        if (content != null) {
                            photo(doc, content, p.description());
                        }
                    }
                }
            }
            if (s.kind() == ReportKind.LEARNING) {
                heading(doc, "Heading1", Ui.t("report.section.worked"));
                paragraphs(doc, orNot(s.words().whatWorked()), Ui.langIfOther(langs.whatWorked()));
                heading(doc, "Heading1", Ui.t("report.section.did-not"));
                paragraphs(doc, orNot(s.words().whatDidNot()), Ui.langIfOther(langs.whatDidNot()));
                heading(doc, "Heading1", Ui.t("report.section.suggestions"));
                if (s.suggestions().isEmpty()) {
                    text(doc, Ui.t("report.suggestions.none"));
                }
                s.suggestions().forEach(x -> text(doc, x));
            }
            for (Snapshot.Contribution c : s.contributions()) {
                heading(doc, "Heading1", c.heading());
                c.paragraphs().forEach(p -> text(doc, p));
            }
            heading(doc, "Heading1", s.kind() == ReportKind.LEARNING ? Ui.t("report.section.changes") : Ui.t("report.section.next"));
            paragraphs(doc, orNot(s.words().nextSteps()), Ui.langIfOther(langs.nextSteps()));
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String orNot(@Nullable String s) {
        return s == null ? Ui.t("report.not-written") : s;
    }

    static String judgement(Snapshot.OutcomePart o) {
        return o.judgement() == null ? Ui.t("report.judgement.none") : Ui.t(o.judgement().messageKey());
    }

    private static void items(XWPFDocument doc, List<Snapshot.Item> items) {
        for (Snapshot.Item i : items) {
            text(doc, i.title() + " – " + Ui.t("coverage.item.meta", Ui.t(i.kindKey()), Ui.day(i.date())));
        }
    }

    private static void cells(XWPFTableRow row, String... texts) {
        for (int i = 0; i < texts.length; i++) {
            row.getCell(i).setText(texts[i]);
        }
    }

    private static void heading(XWPFDocument doc, String style, String text) {
        WordStyles.styled(doc, style).createRun().setText(text);
    }

    private static void text(XWPFDocument doc, String text) {
        text(doc, text, null);
    }

    /** A paragraph of words in {@code language} where that is not the document's ({@link WordStyles#inLanguage}). */
    private static void text(XWPFDocument doc, String text, @Nullable String language) {
        WordStyles.inLanguage(doc.createParagraph().createRun(), language).setText(text);
    }

    private static void paragraphs(XWPFDocument doc, @Nullable String text, @Nullable String language) {
        if (text == null) {
            return;
        }
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                text(doc, line, language);
            }
        }
    }

    /** The pathway diagram as a picture six inches wide, described by its title and summary for screen readers. */
    private static void diagram(XWPFDocument doc, String svg) {
        byte[] png = PrintableDiagram.png(svg, DIAGRAM_PIXELS);
        picture(doc, png, Document.PICTURE_TYPE_PNG, "pathway.png", DIAGRAM_POINTS, DIAGRAM_POINTS * PrintableDiagram.heightPerWidth(svg),
                PrintableDiagram.altText(svg), Ui.t("report.section.pathway"));
    }

    /**
     * A story's photo, at most four inches wide or high with its shape kept, described by its text
     * description. A kind of picture Word cannot show (such as WebP) is left out; the story's words stay.
     */
    private static void photo(XWPFDocument doc, EvidencePictures.Content content, String description) {
        int type = switch (content.contentType()) {
            case "image/jpeg" -> Document.PICTURE_TYPE_JPEG;
            case "image/png" -> Document.PICTURE_TYPE_PNG;
            case "image/gif" -> Document.PICTURE_TYPE_GIF;
            default -> -1;
        };
        BufferedImage image = null;
        try {
            image = type < 0 ? null : ImageIO.read(new ByteArrayInputStream(content.bytes()));
        } catch (IOException e) {
            image = null;
        }
        if (image == null) {
            return;
        }
        double scale = Math.min(PHOTO_POINTS / image.getWidth(), PHOTO_POINTS / image.getHeight());
        picture(doc, content.bytes(), type, "photo", image.getWidth() * scale, image.getHeight() * scale, description, description);
    }

    private static void picture(XWPFDocument doc, byte[] bytes, int type, String name, double widthPoints, double heightPoints,
            String description, String title) {
        XWPFRun run = doc.createParagraph().createRun();
        try {
            run.addPicture(new ByteArrayInputStream(bytes), type, name, Units.toEMU(widthPoints), Units.toEMU(heightPoints));
        } catch (InvalidFormatException | IOException e) {
            throw new IllegalStateException("A picture could not be added to the Word file", e);
        }
        CTInline inline = run.getCTR().getDrawingArray(0).getInlineArray(0);
        inline.getDocPr().setDescr(description);
        inline.getDocPr().setTitle(title);
    }
}

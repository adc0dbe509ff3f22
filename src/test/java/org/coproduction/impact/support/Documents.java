package org.coproduction.impact.support;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;

/** Reading what a PDF or a Word file carries, for tests of the documents the service makes. */
public final class Documents {

    private Documents() {}

    /** The descriptions (alternative text) of every figure tagged in a PDF, in document order. */
    public static List<String> figureDescriptions(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> found = new ArrayList<>();
            collectFigures(doc.getDocumentCatalog().getStructureTreeRoot().getKids(), found);
            return found;
        }
    }

    private static void collectFigures(List<Object> kids, List<String> found) {
        for (Object kid : kids) {
            if (kid instanceof PDStructureElement e) {
                if ("Figure".equals(e.getStructureType()) && e.getAlternateDescription() != null) {
                    found.add(e.getAlternateDescription());
                }
                collectFigures(e.getKids(), found);
            }
        }
    }

    /** One entry of a zip-based file (a Word file's {@code word/document.xml}, say). */
    public static byte[] entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("No " + name + " in the file");
    }
}

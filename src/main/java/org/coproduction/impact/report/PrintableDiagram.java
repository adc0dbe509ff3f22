package org.coproduction.impact.report;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.jspecify.annotations.Nullable;

/**
 * The pathway diagram frozen into a report, made ready for paper: scaled to fit an A4 page in the PDF
 * (with its title and description as the figure's alternative text, which PDF/UA asks for), and drawn
 * as a picture for the Word file. The page keeps the diagram as it is; both files also give the pathway
 * in words, so the picture is never the only way to read it.
 */
public final class PrintableDiagram {

    /** The width and height, in CSS pixels, that fit inside the PDF's A4 page and its margins. */
    static final double PAGE_WIDTH = 640;

    static final double PAGE_HEIGHT = 860;

    private static final Pattern ROOT = Pattern.compile("<svg\\b[^>]*>");

    private static final Pattern WIDTH = Pattern.compile("\\swidth=\"([0-9.]+)\"");

    private static final Pattern HEIGHT = Pattern.compile("\\sheight=\"([0-9.]+)\"");

    private static final Pattern TITLE = Pattern.compile("<title id=\"[^\"]*\">([^<]*)</title>");

    private static final Pattern DESC = Pattern.compile("<desc id=\"[^\"]*\">([^<]*)</desc>");

    private PrintableDiagram() {}

    /** The diagram's size as drawn, in CSS pixels. */
    record Size(double width, double height) {

        /** This size made small enough for the page, keeping its shape; never made bigger. */
        Size toFit(double maxWidth, double maxHeight) {
            double scale = Math.min(1, Math.min(maxWidth / width, maxHeight / height));
            return new Size(Math.floor(width * scale), Math.floor(height * scale));
        }
    }

    static Size size(String svg) {
        String root = root(svg);
        return new Size(number(WIDTH, root), number(HEIGHT, root));
    }

    private static final Pattern FONT = Pattern.compile("\\sfont-family=\"[^\"]*\"");

    /**
     * The diagram in the SVG 1.1 that Batik (the PDF's and the picture's drawing library) reads: arrows
     * turned with {@code orient="auto"}, icons linked with {@code xlink:href}, and the PDF's embedded
     * font instead of the page's list of system fonts (which Batik's CSS parser refuses).
     */
    static String forBatik(String svg) {
        String root = root(svg);
        String plain = FONT.matcher(root).replaceFirst(Matcher.quoteReplacement(" font-family=\"DejaVu Sans, sans-serif\""));
        if (!plain.contains("xmlns:xlink")) {
            plain = plain.replaceFirst("<svg\\b", Matcher.quoteReplacement("<svg xmlns:xlink=\"http://www.w3.org/1999/xlink\""));
        }
        return svg.replace(root, plain)
                .replace("orient=\"auto-start-reverse\"", "orient=\"auto\"")
                .replace("<use href=", "<use xlink:href=");
    }

    /** The diagram for the PDF: scaled to the page (its viewBox keeps the drawing whole) and with its alternative text. */
    public static String forPdf(String original) {
        String svg = forBatik(original);
        String root = root(svg);
        Size fitted = size(svg).toFit(PAGE_WIDTH, PAGE_HEIGHT);
        String scaled = WIDTH.matcher(root).replaceFirst(Matcher.quoteReplacement(" width=\"" + format(fitted.width()) + "\""));
        scaled = HEIGHT.matcher(scaled).replaceFirst(Matcher.quoteReplacement(" height=\"" + format(fitted.height()) + "\""));
        scaled = scaled.substring(0, scaled.length() - 1) + " alt=\"" + alt(svg) + "\">";
        return svg.replace(root, scaled);
    }

    /**
     * The diagram's alternative text: its title and description, as the page's {@code aria-labelledby}
     * gives them, still escaped for an attribute.
     */
    public static String alt(String svg) {
        return first(TITLE, svg) + ". " + first(DESC, svg);
    }

    /** The diagram's height for each unit of its width, to keep its shape when it is placed at another size. */
    public static double heightPerWidth(String svg) {
        Size size = size(svg);
        return size.height() / size.width();
    }

    /** The alternative text as plain words, for the Word file's picture description. */
    public static String altText(String svg) {
        return unescape(alt(svg));
    }

    /** The diagram drawn as a PNG picture {@code widthPx} wide, for the Word file. */
    public static byte[] png(String svg, int widthPx) {
        PNGTranscoder transcoder = new PNGTranscoder();
        transcoder.addTranscodingHint(PNGTranscoder.KEY_WIDTH, (float) widthPx);
        transcoder.addTranscodingHint(PNGTranscoder.KEY_BACKGROUND_COLOR, java.awt.Color.WHITE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            transcoder.transcode(new TranscoderInput(new StringReader(forBatik(svg))), new TranscoderOutput(out));
        } catch (TranscoderException e) {
            throw new IllegalStateException("The pathway diagram could not be drawn as a picture", e);
        }
        return out.toByteArray();
    }

    private static String root(String svg) {
        Matcher m = ROOT.matcher(svg);
        if (!m.find()) {
            throw new IllegalArgumentException("Not an SVG diagram");
        }
        return m.group();
    }

    private static double number(Pattern p, String root) {
        Matcher m = p.matcher(root);
        if (!m.find()) {
            throw new IllegalArgumentException("The diagram has no size");
        }
        return Double.parseDouble(m.group(1));
    }

    private static String first(Pattern p, String svg) {
        Matcher m = p.matcher(svg);
        return m.find() ? m.group(1) : "";
    }

    private static String format(double d) {
        return String.format(Locale.ROOT, "%.0f", d);
    }

    private static String unescape(@Nullable String s) {
        return s == null ? "" : s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}

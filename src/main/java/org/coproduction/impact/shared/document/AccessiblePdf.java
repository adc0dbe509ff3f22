package org.coproduction.impact.shared.document;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a print page (a JTE template in the {@code print} layout, so the same content as the web
 * page) into a tagged, accessible PDF (PDF/UA-1). Used by every module that offers a PDF (the
 * framework document, assessment plans). veraPDF passes it only when every font is
 * embedded, so the DejaVu fonts ship with the service, and every picture has an {@code alt}.
 *
 * <p>The renderer may read only the service's own stylesheet and fonts, from the classpath: it
 * never fetches an address that could come from someone's text.
 */
@Component
public class AccessiblePdf {

    static {
        // openhtmltopdf writes to the console through java.util.logging by default; use our logs.
        XRLog.setLoggerImpl(new Slf4jLog());
    }

    /** Where the print page's relative addresses (its stylesheet) are read from. */
    public static final String BASE = "classpath:/static/";

    public static final String FONT_FAMILY = "DejaVu Sans";

    public static final String MONO_FAMILY = "DejaVu Sans Mono";

    private final TemplateEngine templates;

    AccessiblePdf(TemplateEngine templates) {
        this.templates = templates;
    }

    /** The HTML of a print template, as it goes into the PDF. */
    public String html(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        templates.render(template, params, out);
        return out.toString();
    }

    public byte[] pdf(String template, Map<String, Object> params) {
        return render(html(template, params));
    }

    public static byte[] render(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.useSVGDrawer(new BatikSVGDrawer());
        font(builder, "DejaVuSans.ttf", FONT_FAMILY, 400, FontStyle.NORMAL);
        font(builder, "DejaVuSans-Bold.ttf", FONT_FAMILY, 700, FontStyle.NORMAL);
        font(builder, "DejaVuSans-Oblique.ttf", FONT_FAMILY, 400, FontStyle.ITALIC);
        font(builder, "DejaVuSans-BoldOblique.ttf", FONT_FAMILY, 700, FontStyle.ITALIC);
        font(builder, "DejaVuSansMono.ttf", MONO_FAMILY, 400, FontStyle.NORMAL);
        builder.useProtocolsStreamImplementation(AccessiblePdf::classpath, "classpath");
        // Only the service's own files, and pictures the template carries inline (a report's photos, read and
        // checked by the service before the page was made): nothing is fetched from anywhere else.
        builder.useExternalResourceAccessControl((uri, type) -> uri != null && (uri.startsWith(BASE) || uri.startsWith("data:image/")),
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), BASE);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void font(PdfRendererBuilder builder, String file, String family, int weight, FontStyle style) {
        builder.useFont(() -> resource("/fonts/" + file), family, weight, style, true);
    }

    private static FSStream classpath(String uri) {
        String path = "/" + uri.substring("classpath:".length()).replaceFirst("^/+", "");
        return new FSStream() {
            @Override
            public InputStream getStream() {
                return resource(path);
            }

            @Override
            public Reader getReader() {
                return new InputStreamReader(resource(path), StandardCharsets.UTF_8);
            }
        };
    }

    /** openhtmltopdf's log lines in ours. Its INFO lines (timings, fonts loaded) are debug here. */
    private static final class Slf4jLog implements XRLogger {

        @Override
        public void log(String where, Level level, String message) {
            log(where, level, message, null);
        }

        @Override
        public void log(String where, Level level, String message, @Nullable Throwable error) {
            Logger logger = LoggerFactory.getLogger(where);
            if (level.intValue() >= Level.SEVERE.intValue()) {
                logger.error(message, error);
            } else if (level.intValue() >= Level.WARNING.intValue()) {
                logger.warn(message, error);
            } else {
                logger.debug(message, error);
            }
        }

        @Override
        public void setLevel(String logger, Level level) {
            // Levels are set in our logging configuration.
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            return diagnostic.getLevel().intValue() >= Level.WARNING.intValue()
                    || LoggerFactory.getLogger(XRLog.GENERAL).isDebugEnabled();
        }
    }

    private static InputStream resource(String path) {
        InputStream in = AccessiblePdf.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing resource " + path);
        }
        return in;
    }
}

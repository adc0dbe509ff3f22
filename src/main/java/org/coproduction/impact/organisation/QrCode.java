package org.coproduction.impact.organisation;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** Draws a QR code as SVG markup, so it prints sharply and needs no image file. */
public final class QrCode {

    private QrCode() {}

    /** An SVG of the QR code for {@code text}. The markup is built here, never from user input. */
    public static String svg(String text, String title) {
        try {
            BitMatrix matrix = new QRCodeWriter()
                    .encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            String safeTitle = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-qr\" role=\"img\" aria-labelledby=\"qr-title\" viewBox=\"0 0 "
                    + matrix.getWidth() + " " + matrix.getHeight() + "\" shape-rendering=\"crispEdges\">"
                    + "<title id=\"qr-title\">" + safeTitle + "</title>"
                    + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                    + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot draw a QR code for this text", e);
        }
    }
}

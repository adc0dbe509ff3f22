package org.coproduction.impact.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Removes everything but the picture from a photo: location (GPS), camera make and model, dates,
 * XMP, IPTC and comments all live in metadata segments or chunks, and none survives decoding the
 * pixels and encoding them again. The EXIF orientation is applied first, so the photo still shows
 * the right way up once the tag that said how to turn it is gone.
 */
final class PhotoCleaner {

    /** The cleaned bytes, or why the photo could not be cleaned (a message key). */
    sealed interface Cleaned {
        record Done(byte[] bytes) implements Cleaned {}

        record Failed(String messageKey) implements Cleaned {}
    }

    private static final float JPEG_QUALITY = 0.9f;

    private PhotoCleaner() {}

    static Cleaned clean(byte[] original, String contentType) {
        boolean jpeg = contentType.equals("image/jpeg");
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(original))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return new Cleaned.Failed("media.error.photo-unreadable");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MediaLimits.MAX_PIXELS) {
                    return new Cleaned.Failed("media.error.photo-too-many-pixels");
                }
                BufferedImage image = reader.read(0);
                int orientation = jpeg ? exifOrientation(original) : 1;
                BufferedImage upright = upright(image, orientation, !jpeg && image.getColorModel().hasAlpha());
                return new Cleaned.Done(jpeg ? writeJpeg(upright) : writePng(upright));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return new Cleaned.Failed("media.error.photo-unreadable");
        }
    }

    private static byte[] writeJpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] writePng(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer");
        }
        return out.toByteArray();
    }

    /** The picture turned as its EXIF orientation says, drawn onto a plain RGB (or ARGB) image. */
    static BufferedImage upright(BufferedImage image, int orientation, boolean alpha) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5 && orientation <= 8;
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The Orientation tag (0x0112) of a JPEG's EXIF block, or 1 (as taken) when there is none or it cannot be read. */
    static int exifOrientation(byte[] b) {
        try {
            int i = 2;
            while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
                int marker = b[i + 1] & 0xFF;
                if (marker == 0xDA || marker == 0xD9) {
                    return 1;
                }
                int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
                int data = i + 4;
                if (marker == 0xE1 && length >= 16 && data + 6 <= b.length
                        && b[data] == 'E' && b[data + 1] == 'x' && b[data + 2] == 'i' && b[data + 3] == 'f') {
                    return orientationInTiff(b, data + 6, Math.min(b.length, i + 2 + length));
                }
                i += 2 + length;
            }
        } catch (RuntimeException e) {
            return 1;
        }
        return 1;
    }

    private static int orientationInTiff(byte[] b, int tiff, int end) {
        boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
        int ifd = tiff + (int) read(b, tiff + 4, 4, little);
        if (ifd + 2 > end) {
            return 1;
        }
        int entries = (int) read(b, ifd, 2, little);
        for (int n = 0; n < entries; n++) {
            int e = ifd + 2 + n * 12;
            if (e + 12 > end) {
                return 1;
            }
            if (read(b, e, 2, little) == 0x0112) {
                int value = (int) read(b, e + 8, 2, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static long read(byte[] b, int at, int bytes, boolean little) {
        long v = 0;
        for (int k = 0; k < bytes; k++) {
            int octet = b[at + (little ? bytes - 1 - k : k)] & 0xFF;
            v = (v << 8) | octet;
        }
        return v;
    }
}

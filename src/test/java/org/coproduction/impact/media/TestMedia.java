package org.coproduction.impact.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Real files for tests: photos (one with location and camera details), a PDF, a Word document, and things that must be refused. */
public final class TestMedia {

    /** The camera make written into {@link #jpegWithGps()}: it must not survive storing. */
    public static final String CAMERA = "SpyCam Model 9";

    private TestMedia() {}

    /** A small PNG: left half red, right half blue. */
    public static byte[] png(int width, int height) {
        return encode(twoColours(width, height), "png");
    }

    /** A small JPEG with no metadata: left half red, right half blue. */
    public static byte[] jpeg(int width, int height) {
        return encode(twoColours(width, height), "jpeg");
    }

    /**
     * A JPEG as a phone writes it: an EXIF block with the camera's make, orientation 6 (turn 90°
     * clockwise to show) and a GPS position (51° 30′ 12.34″ N, 0° 7′ 56.78″ W), then an XMP packet,
     * an IPTC block and a comment, all before the picture (40 wide, 20 high as stored).
     */
    public static byte[] jpegWithGps() {
        byte[] plain = jpeg(40, 20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), exifTiff()));
        segment(out, 0xE1, concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
                ("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF><exif:GPSLatitude>51,30.2N</exif:GPSLatitude>"
                        + "<tiff:Make>" + CAMERA + "</tiff:Make></rdf:RDF></x:xmpmeta>").getBytes(StandardCharsets.UTF_8)));
        segment(out, 0xED, concat("Photoshop 3.0\0".getBytes(StandardCharsets.ISO_8859_1),
                ("8BIM IPTC by-line: " + CAMERA).getBytes(StandardCharsets.UTF_8)));
        segment(out, 0xFE, ("Taken at 12 Station Road with " + CAMERA).getBytes(StandardCharsets.UTF_8));
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A one-page PDF made by PDFBox. */
    public static byte[] pdf() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Word document made by Apache POI. */
    public static byte[] docx() {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("Minutes of the steering group");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The start of a Windows program: "MZ", a DOS stub and a PE header. */
    public static byte[] exe() {
        byte[] b = new byte[512];
        b[0] = 'M';
        b[1] = 'Z';
        b[0x3C] = (byte) 0x80;
        b[0x80] = 'P';
        b[0x81] = 'E';
        return b;
    }

    /** The markers of a JPEG's segments before its picture data (0xE1 is APP1, where EXIF and XMP live). */
    public static List<Integer> jpegMarkers(byte[] b) {
        List<Integer> markers = new ArrayList<>();
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
            int marker = b[i + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            i += 2 + (((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF));
        }
        return markers;
    }

    private static BufferedImage twoColours(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        int length = payload.length + 2;
        out.write(0xFF);
        out.write(marker);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(payload, 0, payload.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** A big-endian TIFF block: IFD0 with Make, Orientation 6 and a pointer to a GPS IFD with latitude and longitude. */
    private static byte[] exifTiff() {
        byte[] make = (CAMERA + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8;
        int makeAt = ifd0 + 2 + 3 * 12 + 4;
        int gpsAt = makeAt + make.length + (make.length % 2);
        int latAt = gpsAt + 2 + 4 * 12 + 4;
        int lonAt = latAt + 24;
        ByteBuffer t = ByteBuffer.allocate(lonAt + 24).order(ByteOrder.BIG_ENDIAN);
        t.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0);
        t.putShort((short) 3);
        t.putShort((short) 0x010F).putShort((short) 2).putInt(make.length).putInt(makeAt);
        t.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0);
        t.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsAt);
        t.putInt(0);
        t.put(make);
        t.position(gpsAt);
        t.putShort((short) 4);
        t.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        t.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(latAt);
        t.putShort((short) 0x0003).putShort((short) 2).putInt(2).put((byte) 'W').put((byte) 0).putShort((short) 0);
        t.putShort((short) 0x0004).putShort((short) 5).putInt(3).putInt(lonAt);
        t.putInt(0);
        t.putInt(51).putInt(1).putInt(30).putInt(1).putInt(1234).putInt(100);
        t.putInt(0).putInt(1).putInt(7).putInt(1).putInt(5678).putInt(100);
        return t.array();
    }
}

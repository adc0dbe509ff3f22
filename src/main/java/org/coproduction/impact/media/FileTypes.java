package org.coproduction.impact.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * Says what a file is from its first bytes (and, for office documents, the zip's own list of
 * contents), never from its name. Anything not on the allow-list is refused: programs, web pages,
 * scripts, images other than JPEG and PNG.
 */
final class FileTypes {

    /** A recognised type: its kind and the content type it is stored and served with. */
    record Type(MediaKind kind, String contentType) {}

    private static final int ZIP_PART_LIMIT = 256 * 1024;

    private FileTypes() {}

    static Optional<Type> of(byte[] b, String filename) {
        if (b.length == 0) {
            return Optional.empty();
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return type(MediaKind.PHOTO, "image/jpeg");
        }
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return type(MediaKind.PHOTO, "image/png");
        }
        if (starts(b, '%', 'P', 'D', 'F', '-')) {
            return type(MediaKind.DOCUMENT, "application/pdf");
        }
        if (starts(b, 'I', 'D', '3') || mpegAudioFrame(b)) {
            return type(MediaKind.AUDIO, "audio/mpeg");
        }
        if (starts(b, 'O', 'g', 'g', 'S')) {
            return type(MediaKind.AUDIO, "audio/ogg");
        }
        if (b.length >= 12 && starts(b, 'R', 'I', 'F', 'F') && at(b, 8, 'W', 'A', 'V', 'E')) {
            return type(MediaKind.AUDIO, "audio/wav");
        }
        if (b.length >= 12 && at(b, 4, 'f', 't', 'y', 'p')) {
            String brand = new String(b, 8, 4, StandardCharsets.US_ASCII);
            return switch (brand) {
                case "M4A ", "M4B ", "mp42", "mp41", "isom", "iso2" -> type(MediaKind.AUDIO, "audio/mp4");
                default -> Optional.empty();
            };
        }
        if (starts(b, 'P', 'K', 0x03, 0x04)) {
            return officeDocument(b);
        }
        return plainText(b, filename);
    }

    private static Optional<Type> type(MediaKind kind, String contentType) {
        return Optional.of(new Type(kind, contentType));
    }

    private static boolean starts(byte[] b, int... expected) {
        return at(b, 0, expected);
    }

    private static boolean at(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** An MP3 without an ID3 tag starts with a frame header: 11 sync bits, then a valid version, layer, bit rate and sample rate. */
    private static boolean mpegAudioFrame(byte[] b) {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xE0) != 0xE0) {
            return false;
        }
        int version = (b[1] >> 3) & 0x03;
        int layer = (b[1] >> 1) & 0x03;
        int bitrate = (b[2] >> 4) & 0x0F;
        int sampleRate = (b[2] >> 2) & 0x03;
        return version != 0x01 && layer != 0x00 && bitrate != 0x0F && bitrate != 0x00 && sampleRate != 0x03;
    }

    /**
     * Word, Excel and PowerPoint files are zips whose {@code [Content_Types].xml} names the main part;
     * OpenDocument text names itself in a {@code mimetype} entry. Only those small entries are read.
     */
    private static Optional<Type> officeDocument(byte[] b) {
        Path temp = null;
        try {
            temp = Files.createTempFile("upload-", ".zip");
            Files.write(temp, b);
            try (ZipFile zip = new ZipFile(temp.toFile())) {
                String mimetype = entry(zip, "mimetype");
                if (mimetype != null && mimetype.strip().equals("application/vnd.oasis.opendocument.text")) {
                    return type(MediaKind.DOCUMENT, "application/vnd.oasis.opendocument.text");
                }
                String types = entry(zip, "[Content_Types].xml");
                if (types == null) {
                    return Optional.empty();
                }
                if (types.contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")) {
                    return type(MediaKind.DOCUMENT, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
                }
                if (types.contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")) {
                    return type(MediaKind.DOCUMENT, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                }
                if (types.contains("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml")) {
                    return type(MediaKind.DOCUMENT, "application/vnd.openxmlformats-officedocument.presentationml.presentation");
                }
                return Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // A temporary file the system will clear.
                }
            }
        }
    }

    private static @Nullable String entry(ZipFile zip, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] part = in.readNBytes(ZIP_PART_LIMIT);
            return new String(part, StandardCharsets.UTF_8);
        }
    }

    /** Text is valid UTF-8 with no NUL and no control characters but tab and line ends, and is not a web page or other markup. */
    private static Optional<Type> plainText(byte[] b, String filename) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))
                    .toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                    return Optional.empty();
                }
            }
            String start = text.stripLeading().replace("\uFEFF", "");
            String head = start.substring(0, Math.min(start.length(), 2048)).toLowerCase(Locale.ROOT);
            if (start.startsWith("<") || head.contains("<script") || head.contains("<html") || head.contains("<!doctype")
                    || head.contains("<svg") || head.contains("<iframe")) {
                return Optional.empty();
            }
            boolean csv = filename.toLowerCase(Locale.ROOT).endsWith(".csv");
            return type(MediaKind.DOCUMENT, csv ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8");
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}

package org.jiaxing.project.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file accepted, recognised by their first bytes (magic numbers), never by the file name or
 * the browser's Content-Type.
 */
public enum MediaType {
    JPEG("image/jpeg", "jpg", Kind.IMAGE),
    PNG("image/png", "png", Kind.IMAGE),
    GIF("image/gif", "gif", Kind.IMAGE),
    WEBP("image/webp", "webp", Kind.IMAGE),
    MP4("video/mp4", "mp4", Kind.VIDEO),
    MOV("video/quicktime", "mov", Kind.VIDEO),
    WEBM("video/webm", "webm", Kind.VIDEO),
    PDF("application/pdf", "pdf", Kind.FILE);

    public enum Kind { IMAGE, VIDEO, FILE }

    private final String mime;
    private final String extension;
    private final Kind kind;

    MediaType(String mime, String extension, Kind kind) {
        this.mime = mime;
        this.extension = extension;
        this.kind = kind;
    }

    public String mime() {
        return mime;
    }

    public String extension() {
        return extension;
    }

    public Kind kind() {
        return kind;
    }

    public static Optional<MediaType> sniff(byte[] b) {
        if (starts(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) {
            return Optional.of(GIF);
        }
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
            return Optional.of(WEBP);
        }
        if (ascii(b, 4, "ftyp")) {
            return Optional.of(ascii(b, 8, "qt  ") ? MOV : MP4);
        }
        if (starts(b, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return Optional.of(WEBM);
        }
        if (ascii(b, 0, "%PDF-")) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    public static Optional<MediaType> byMime(String mime) {
        return Arrays.stream(values()).filter(t -> t.mime.equals(mime)).findFirst();
    }

    private static boolean starts(byte[] b, int offset, int... expected) {
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

    private static boolean ascii(byte[] b, int offset, String text) {
        byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
        return b.length >= offset + expected.length
                && Arrays.equals(b, offset, offset + expected.length, expected, 0, expected.length);
    }
}

package org.jiaxing.code.domain;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;

/**
 * The token format, version 1. Bytes, then base64url without padding:
 * <pre>
 *   payload   = version (1 byte, 0x01)
 *               kid        (unsigned LEB128 varint, 1..2^31-1)
 *               venue id   (unsigned LEB128 varint, 1..2^63-1)
 *               generation (unsigned LEB128 varint, 1..2^31-1)
 *   token     = base64url(payload || Ed25519 signature over payload (64 bytes))
 * </pre>
 * Typically 5-8 payload bytes, so a token has 91-96 characters. {@link #decode} is total: any string,
 * however broken, gives a {@link Decoding}, never an exception. Only the canonical spelling of a token
 * is accepted (minimal varints, no padding, no stray bits in the last base64 character), so that one
 * signed code has exactly one text form.
 */
public final class TokenCodec {

    public static final int VERSION = 1;
    /** Longest payload: version + three varints at their maximum length (5 + 9 + 5 bytes). */
    private static final int MAX_PAYLOAD = 1 + 5 + 9 + 5;
    private static final int MIN_BYTES = 1 + 3 + Ed25519.SIGNATURE_LENGTH;
    private static final int MAX_BYTES = MAX_PAYLOAD + Ed25519.SIGNATURE_LENGTH;
    private static final int MAX_CHARS = (MAX_BYTES * 4 + 2) / 3;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private TokenCodec() {
    }

    /** Result of reading a token's text; the signature is not checked here. */
    public sealed interface Decoding {
    }

    public record Decoded(VenueToken token, byte[] payload, byte[] signature) implements Decoding {
    }

    public record Malformed(boolean unsupportedVersion) implements Decoding {
    }

    public static byte[] payload(VenueToken token) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(MAX_PAYLOAD);
        out.write(VERSION);
        writeVarint(out, token.kid());
        writeVarint(out, token.venueId());
        writeVarint(out, token.generation());
        return out.toByteArray();
    }

    public static String encode(byte[] payload, byte[] signature) {
        byte[] bytes = Arrays.copyOf(payload, payload.length + signature.length);
        System.arraycopy(signature, 0, bytes, payload.length, signature.length);
        return ENCODER.encodeToString(bytes);
    }

    public static Decoding decode(String text) {
        byte[] bytes = base64url(text);
        if (bytes == null || bytes.length < MIN_BYTES || bytes.length > MAX_BYTES) {
            return new Malformed(false);
        }
        if ((bytes[0] & 0xff) != VERSION) {
            return new Malformed(true);
        }
        Reader reader = new Reader(bytes, bytes.length - Ed25519.SIGNATURE_LENGTH);
        long kid = reader.varint(Integer.MAX_VALUE);
        long venueId = reader.varint(Long.MAX_VALUE);
        long generation = reader.varint(Integer.MAX_VALUE);
        if (reader.failed || !reader.atEnd() || kid < 1 || venueId < 1 || generation < 1) {
            return new Malformed(false);
        }
        int signatureStart = bytes.length - Ed25519.SIGNATURE_LENGTH;
        return new Decoded(new VenueToken((int) kid, venueId, (int) generation), Arrays.copyOf(bytes, signatureStart),
                Arrays.copyOfRange(bytes, signatureStart, bytes.length));
    }

    /** The bytes of a canonical base64url text, or {@code null}. */
    private static byte[] base64url(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_CHARS || text.length() % 4 == 1) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
            if (!allowed) {
                return null;
            }
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        // the decoder ignores stray low bits in the last character; only the canonical text is accepted
        return ENCODER.encodeToString(bytes).equals(text) ? bytes : null;
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    /** Reads minimal unsigned LEB128 varints up to {@code end}; any irregularity sets {@code failed}. */
    private static final class Reader {

        private final byte[] bytes;
        private final int end;
        private int position = 1;
        private boolean failed;

        private Reader(byte[] bytes, int end) {
            this.bytes = bytes;
            this.end = end;
        }

        long varint(long max) {
            long value = 0;
            for (int shift = 0; !failed; shift += 7) {
                if (position >= end || shift > 56) {
                    failed = true;
                    break;
                }
                int b = bytes[position++] & 0xff;
                if (shift > 0 && b == 0) {
                    failed = true; // a trailing zero byte: not the minimal encoding
                    break;
                }
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    if (value < 0 || value > max) {
                        failed = true;
                        break;
                    }
                    return value;
                }
            }
            return -1;
        }

        boolean atEnd() {
            return position == end;
        }
    }
}

package org.jiaxing.audit.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.jiaxing.audit.AuditEntry;

/**
 * The hash that links an entry to the one before it: SHA-256 over the format version, the sequence, the
 * previous hash, the time (epoch millis, as stored) and the entry's fields. Each text field is written
 * as its UTF-8 length (4 bytes, -1 for null) followed by its bytes, so that no choice of field values
 * (a "|" in a reason, say) can make two different entries hash alike.
 */
final class AuditHash {

    /** The previous hash of the very first entry, and the anchor before any purge (migration V53). */
    static final String GENESIS = "0".repeat(64);

    private static final byte FORMAT_VERSION = 1;

    private AuditHash() {
    }

    static String of(long sequence, String previousHash, Instant at, AuditEntry entry) {
        MessageDigest sha256 = sha256();
        sha256.update(FORMAT_VERSION);
        sha256.update(ByteBuffer.allocate(16).putLong(sequence).putLong(at.toEpochMilli()).array());
        text(sha256, previousHash);
        text(sha256, entry.actor());
        text(sha256, entry.action());
        text(sha256, entry.subjectType());
        text(sha256, entry.subjectId());
        text(sha256, entry.reason());
        text(sha256, entry.detail());
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void text(MessageDigest digest, String value) {
        if (value == null) {
            digest.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

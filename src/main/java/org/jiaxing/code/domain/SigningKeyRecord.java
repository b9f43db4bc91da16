package org.jiaxing.code.domain;

import java.time.Instant;

/**
 * The public, stored part of a signing key.
 *
 * @param publicKey  raw 32-byte Ed25519 public key, base64url without padding
 * @param createdBy  username, or {@code null} when the server generated or imported it at start-up
 */
public record SigningKeyRecord(int kid, String publicKey, KeyStatus status, Instant createdAt, String createdBy,
        Instant retiredAt, String retiredBy) {

    public boolean active() {
        return status == KeyStatus.ACTIVE;
    }
}

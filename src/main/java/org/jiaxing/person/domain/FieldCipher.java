package org.jiaxing.person.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for personal fields. A stored value is base64 of
 * {@code format (1 byte) ‖ key id (1 byte) ‖ IV (12 random bytes) ‖ ciphertext ‖ tag (16 bytes)}.
 * The key id lets a later key rotation decrypt old values while new ones use the new key. The format
 * byte, the key id and the field's purpose ({@code person.name}) are authenticated as associated data,
 * so a value copied into another column, or relabelled with another key id, fails to decrypt instead of
 * turning up as someone's name. A fresh random IV per value makes equal values look different.
 */
public final class FieldCipher {

    static final byte FORMAT = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER_BYTES = 2;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int currentKeyId;
    private final Map<Integer, SecretKey> keys;

    /**
     * @param currentKeyId the key that encrypts new values (1–255)
     * @param keys         every key that may have encrypted a stored value, by id
     */
    public FieldCipher(int currentKeyId, Map<Integer, SecretKey> keys) {
        if (currentKeyId < 1 || currentKeyId > 255 || !keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the current key id must be 1-255 and have a key");
        }
        this.currentKeyId = currentKeyId;
        this.keys = Map.copyOf(keys);
    }

    /** The key id that new values are written with. */
    public int currentKeyId() {
        return currentKeyId;
    }

    public String encrypt(String purpose, String clear) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] header = {FORMAT, (byte) currentKeyId};
        byte[] sealed = run(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), iv, header, purpose,
                clear.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(HEADER_BYTES + IV_BYTES + sealed.length)
                .put(header).put(iv).put(sealed).array());
    }

    public String encryptNullable(String purpose, String clear) {
        return clear == null ? null : encrypt(purpose, clear);
    }

    /** @throws UnreadableField when the value was changed, belongs to another field or to an unknown key */
    public String decrypt(String purpose, String stored) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            throw new UnreadableField(purpose, "not base64");
        }
        if (bytes.length < HEADER_BYTES + IV_BYTES + TAG_BITS / 8 || bytes[0] != FORMAT) {
            throw new UnreadableField(purpose, "unknown format");
        }
        int keyId = Byte.toUnsignedInt(bytes[1]);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new UnreadableField(purpose, "unknown key id " + keyId);
        }
        byte[] header = {bytes[0], bytes[1]};
        byte[] iv = java.util.Arrays.copyOfRange(bytes, HEADER_BYTES, HEADER_BYTES + IV_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(bytes, HEADER_BYTES + IV_BYTES, bytes.length);
        return new String(run(Cipher.DECRYPT_MODE, key, iv, header, purpose, sealed), StandardCharsets.UTF_8);
    }

    public String decryptNullable(String purpose, String stored) {
        return stored == null ? null : decrypt(purpose, stored);
    }

    private static byte[] run(int mode, SecretKey key, byte[] iv, byte[] header, String purpose, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(header);
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new UnreadableField(purpose, "authentication failed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable or the key is unusable", e);
        }
    }

    /**
     * A stored value that cannot be decrypted: changed in the database, moved from another column, or
     * written with a key this server does not have. Says which field, never what it holds.
     */
    public static final class UnreadableField extends IllegalStateException {

        UnreadableField(String purpose, String why) {
            super("Stored " + purpose + " cannot be decrypted (" + why + ")");
        }
    }
}

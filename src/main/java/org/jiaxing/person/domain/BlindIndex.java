package org.jiaxing.person.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Keyed hashes for exact-match lookups of encrypted fields: HMAC-SHA256 with a key of its own (not the
 * encryption key) over a purpose label and the normalised value, base64url without padding (43
 * characters). The same value always gives the same index, so a lookup is one indexed equality query;
 * without the key, nobody can compute the index of a guessed phone or ID number (both are small spaces
 * that a plain hash would not protect). The purpose label keeps a phone's index from matching an ID
 * number's.
 */
public final class BlindIndex {

    private static final String ALGORITHM = "HmacSHA256";

    // Mac is not thread-safe and Mac.getInstance is slow on a hot path: one per thread
    private final ThreadLocal<Mac> macs;

    public BlindIndex(SecretKey key) {
        this.macs = ThreadLocal.withInitial(() -> newMac(key));
        macs.get(); // fail at start-up, not on the first lookup, if the key is unusable
    }

    public String phone(String normalizedPhone) {
        return of("phone", normalizedPhone);
    }

    public String idNumber(String normalizedIdNumber) {
        return of("id-number", normalizedIdNumber);
    }

    private String of(String purpose, String value) {
        Mac mac = macs.get();
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac newMac(SecretKey key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable or the index key is unusable", e);
        }
    }
}

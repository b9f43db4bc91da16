package org.jiaxing.person.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Keyed hashes for exact-match lookups of encrypted fields: HMAC-SHA256 with a key of its own (not the
 * encryption key) over a purpose label and the normalised value, base64url without padding (43
 * characters). The same value always gives the same index, so a lookup is one indexed equality query;
 * without the key, nobody can compute the index of a guessed phone or ID number (both are small spaces
 * that a plain hash would not protect). The purpose label keeps a phone's index from matching an ID
 * number's.
 *
 * <p>During a rotation of the index key, rows are stored under the old or the new key (column
 * {@code index_kid}) until the background re-keying has rewritten them all; a lookup therefore asks for
 * the value's index under every configured key ({@link #idNumberUnderEveryKey}), while new rows get the
 * current key's index only.
 */
public final class BlindIndex {

    private static final String ALGORITHM = "HmacSHA256";

    private final int currentKeyId;
    // Mac is not thread-safe and Mac.getInstance is slow on a hot path: one per thread and key
    private final Map<Integer, ThreadLocal<Mac>> macs = new TreeMap<>();

    /** A single index key, id 1. */
    public BlindIndex(SecretKey key) {
        this(1, Map.of(1, key));
    }

    /**
     * @param currentKeyId the key that indexes new and changed rows
     * @param keys         every key that may have computed a stored index, by id
     */
    public BlindIndex(int currentKeyId, Map<Integer, SecretKey> keys) {
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the current index key id has no key");
        }
        this.currentKeyId = currentKeyId;
        keys.forEach((kid, key) -> {
            ThreadLocal<Mac> mac = ThreadLocal.withInitial(() -> newMac(key));
            mac.get(); // fail at start-up, not on the first lookup, if the key is unusable
            macs.put(kid, mac);
        });
    }

    public int currentKeyId() {
        return currentKeyId;
    }

    public String phone(String normalizedPhone) {
        return of(currentKeyId, "phone", normalizedPhone);
    }

    public String idNumber(String normalizedIdNumber) {
        return of(currentKeyId, "id-number", normalizedIdNumber);
    }

    /** The phone's index under each configured key, the current key's first. */
    public List<String> phoneUnderEveryKey(String normalizedPhone) {
        return underEveryKey("phone", normalizedPhone);
    }

    /** The ID number's index under each configured key, the current key's first. */
    public List<String> idNumberUnderEveryKey(String normalizedIdNumber) {
        return underEveryKey("id-number", normalizedIdNumber);
    }

    private List<String> underEveryKey(String purpose, String value) {
        List<String> indexes = new ArrayList<>(macs.size());
        indexes.add(of(currentKeyId, purpose, value));
        macs.keySet().stream().filter(kid -> kid != currentKeyId).forEach(kid -> indexes.add(of(kid, purpose, value)));
        return indexes;
    }

    private String of(int kid, String purpose, String value) {
        Mac mac = macs.get(kid).get();
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

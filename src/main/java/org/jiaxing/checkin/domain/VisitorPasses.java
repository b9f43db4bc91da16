package org.jiaxing.checkin.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jiaxing.shared.JiaxingProperties;
import org.jiaxing.shared.crypto.SecretFiles;
import org.springframework.stereotype.Component;

/**
 * The long-lived pass a visitor's browser keeps after registering once, so later scans are one step:
 * {@code v1.<personId>.<issued epoch seconds>.<HMAC-SHA256>}. It names a person id only (no personal
 * data), and only the server can make one.
 */
@Component
public class VisitorPasses {

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    /** Passes remembered as genuine; beyond it the memory starts afresh (a miss only costs one HMAC). */
    private static final int MAX_REMEMBERED = 500_000;

    private final byte[] key;
    private final Clock clock;
    private final Duration lifetime;
    /** Genuine passes seen, with what they name: a repeat scan costs no HMAC (they never change). */
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final ThreadLocal<Mac> macs;

    VisitorPasses(JiaxingProperties platform, VisitorProperties properties, Clock clock) {
        this.key = SecretFiles.readOrCreate(platform.dataDir().resolve("keys").resolve("visitor-pass.key"), 32,
                properties.visitorPassKey());
        this.clock = clock;
        this.lifetime = properties.visitorPassLifetime();
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private record Verified(long personId, long issuedEpochSecond) {
    }

    public String issue(long personId) {
        String payload = "v1." + personId + "." + clock.instant().getEpochSecond();
        return payload + "." + sign(payload);
    }

    /** The person id of a genuine, unexpired pass; empty for anything else. Never throws. */
    public OptionalLong verify(String pass) {
        if (pass == null || pass.length() > 200) {
            return OptionalLong.empty();
        }
        Verified known = verified.get(pass);
        if (known == null) {
            known = check(pass);
            if (known == null) {
                return OptionalLong.empty();
            }
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(pass, known);
        }
        boolean expired = clock.instant().getEpochSecond() - known.issuedEpochSecond() > lifetime.toSeconds();
        return expired ? OptionalLong.empty() : OptionalLong.of(known.personId());
    }

    /** What a genuine pass names, or {@code null} for anything else. */
    private Verified check(String pass) {
        String[] parts = pass.split("\\.");
        if (parts.length != 4 || !"v1".equals(parts[0])) {
            return null;
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        try {
            return new Verified(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String sign(String payload) {
        // doFinal resets the Mac for its next use on this thread
        return BASE64.encodeToString(macs.get().doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

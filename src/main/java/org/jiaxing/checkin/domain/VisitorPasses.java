package org.jiaxing.checkin.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.OptionalLong;
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

    private final byte[] key;
    private final Clock clock;
    private final Duration lifetime;

    VisitorPasses(JiaxingProperties platform, VisitorProperties properties, Clock clock) {
        this.key = SecretFiles.readOrCreate(platform.dataDir().resolve("keys").resolve("visitor-pass.key"), 32,
                properties.visitorPassKey());
        this.clock = clock;
        this.lifetime = properties.visitorPassLifetime();
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
        String[] parts = pass.split("\\.");
        if (parts.length != 4 || !"v1".equals(parts[0])) {
            return OptionalLong.empty();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return OptionalLong.empty();
        }
        try {
            long personId = Long.parseLong(parts[1]);
            long issued = Long.parseLong(parts[2]);
            boolean expired = clock.instant().getEpochSecond() - issued > lifetime.toSeconds();
            return expired ? OptionalLong.empty() : OptionalLong.of(personId);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return BASE64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

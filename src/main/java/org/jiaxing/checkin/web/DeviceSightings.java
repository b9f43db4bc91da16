package org.jiaxing.checkin.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jiaxing.checkin.VisitorDeviceSeen;
import org.jiaxing.checkin.domain.Visit;
import org.jiaxing.shared.JiaxingProperties;
import org.jiaxing.shared.crypto.SecretFiles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the dashboard which (hashed) device checked which person in, for the "one device, many identities"
 * flag. The device cookie is hashed with a key of its own, so the hash cannot be linked back to a cookie.
 */
@Component
class DeviceSightings {

    private final byte[] key;
    private final ApplicationEventPublisher events;

    DeviceSightings(JiaxingProperties properties, ApplicationEventPublisher events) {
        this.key = SecretFiles.readOrCreate(properties.dataDir().resolve("keys").resolve("device-hash.key"), 32, null);
        this.events = events;
    }

    void seen(String deviceId, Visit visit) {
        if (deviceId == null || visit.result().duplicate()) {
            return;
        }
        var checkin = visit.result().checkin();
        events.publishEvent(new VisitorDeviceSeen(hash(deviceId), checkin.personId(), checkin.venueId(), checkin.id(),
                checkin.checkedInAt()));
    }

    String hash(String deviceId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(deviceId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

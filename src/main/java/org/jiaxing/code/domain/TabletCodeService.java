package org.jiaxing.code.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jiaxing.account.StaffUser;
import org.jiaxing.code.CodeAccessDenied;
import org.jiaxing.code.TabletCodes;
import org.jiaxing.code.VenueCodes;
import org.jiaxing.shared.JiaxingProperties;
import org.jiaxing.shared.crypto.SecretFiles;
import org.jiaxing.shared.time.DbTime;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The time stamp is {@code <step>.<HMAC-SHA256(key, venueId|step), 16 chars>}, where step counts
 * 30-second periods since the epoch. Only this server checks it, so a keyed MAC is enough (offline
 * verifiers check the Ed25519 token part as usual). Enabled venues are held in memory: every scan asks.
 */
@Service
class TabletCodeService implements TabletCodes {

    private static final int MAC_CHARS = 16;

    private final JdbcClient jdbc;
    private final VenueCodes codes;
    private final VenueDirectory venues;
    private final Clock clock;
    private final byte[] key;
    private final Set<Long> enabled = ConcurrentHashMap.newKeySet();

    TabletCodeService(JdbcClient jdbc, VenueCodes codes, VenueDirectory venues, Clock clock, JiaxingProperties platform) {
        this.jdbc = jdbc;
        this.codes = codes;
        this.venues = venues;
        this.clock = clock;
        this.key = SecretFiles.readOrCreate(platform.dataDir().resolve("keys").resolve("tablet-code.key"), 32, null);
        enabled.addAll(jdbc.sql("SELECT venue_id FROM tablet_mode").query(Long.class).list());
    }

    @Override
    public boolean enabled(long venueId) {
        return enabled.contains(venueId);
    }

    @Override
    public void enable(long venueId, StaffUser by) {
        requireManager(venueId, by);
        jdbc.sql("""
                INSERT INTO tablet_mode (venue_id, enabled_by, enabled_at) VALUES (:venue, :by, :at)
                ON CONFLICT (venue_id) DO NOTHING""")
                .param("venue", venueId).param("by", by.getUsername()).param("at", DbTime.toDb(clock.instant()))
                .update();
        enabled.add(venueId);
    }

    @Override
    public void disable(long venueId, StaffUser by) {
        requireManager(venueId, by);
        jdbc.sql("DELETE FROM tablet_mode WHERE venue_id = :venue").param("venue", venueId).update();
        enabled.remove(venueId);
    }

    @Override
    public String currentUrl(long venueId) {
        return codes.issueUrl(venueId) + "?t=" + stamp(venueId, currentStep());
    }

    @Override
    public boolean fresh(long venueId, String stamp, int steps) {
        if (stamp == null || stamp.length() > 40) {
            return false;
        }
        int dot = stamp.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        long step;
        try {
            step = Long.parseLong(stamp.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        long age = currentStep() - step;
        boolean genuine = MessageDigest.isEqual(stamp(venueId, step).getBytes(StandardCharsets.US_ASCII),
                stamp.getBytes(StandardCharsets.US_ASCII));
        return genuine && age >= 0 && age <= steps;
    }

    private long currentStep() {
        return clock.millis() / 1000 / STEP_SECONDS;
    }

    private String stamp(long venueId, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((venueId + "|" + step).getBytes(StandardCharsets.US_ASCII));
            return step + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, MAC_CHARS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private void requireManager(long venueId, StaffUser by) {
        Venue venue = venues.requireVisible(venueId, by);
        if (!venues.canManage(venue, by)) {
            throw CodeAccessDenied.tabletMode();
        }
    }
}

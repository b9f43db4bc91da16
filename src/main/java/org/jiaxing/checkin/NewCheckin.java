package org.jiaxing.checkin;

import java.time.Instant;
import java.util.Objects;

/**
 * A check-in to record.
 *
 * @param at       when the person arrived (normally the server's clock at the scan; the time from the
 *                 register for imports)
 * @param refused  the person was turned away (RED/YELLOW status); always recorded, never deduplicated
 * @param deviceId an opaque id of the scanning device, kept for fraud detection; may be null
 */
public record NewCheckin(long personId, long venueId, Instant at, boolean refused, CheckinChannel channel,
        String deviceId) {

    /** Longest device id stored; longer ones are a client bug or an attack, not a device. */
    public static final int MAX_DEVICE_ID_LENGTH = 64;

    public NewCheckin {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(channel, "channel");
        if (personId <= 0) {
            throw InvalidCheckin.person();
        }
        if (venueId <= 0) {
            throw InvalidCheckin.venue();
        }
        if (deviceId != null && deviceId.length() > MAX_DEVICE_ID_LENGTH) {
            throw InvalidCheckin.deviceId(MAX_DEVICE_ID_LENGTH);
        }
    }

    /** An accepted scan by the visitor's own phone. */
    public static NewCheckin scan(long personId, long venueId, Instant at) {
        return new NewCheckin(personId, venueId, at, false, CheckinChannel.SCAN, null);
    }

    public NewCheckin asRefused() {
        return new NewCheckin(personId, venueId, at, true, channel, deviceId);
    }

    public NewCheckin via(CheckinChannel otherChannel) {
        return new NewCheckin(personId, venueId, at, refused, otherChannel, deviceId);
    }

    public NewCheckin fromDevice(String otherDeviceId) {
        return new NewCheckin(personId, venueId, at, refused, channel, otherDeviceId);
    }
}

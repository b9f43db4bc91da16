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
 * @param checkedOutAt when the person left, for visits recorded after the fact (an imported paper register
 *                 has both times); null for a scan at the door, whose check-out comes later if at all
 */
public record NewCheckin(long personId, long venueId, Instant at, boolean refused, CheckinChannel channel,
        String deviceId, Instant checkedOutAt) {

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
        if (checkedOutAt != null && !checkedOutAt.isAfter(at)) {
            throw InvalidCheckin.checkOutNotAfterCheckIn();
        }
        if (checkedOutAt != null && refused) {
            // a refused attempt was never a stay, so it cannot end
            throw InvalidCheckin.refusedWithCheckOut();
        }
    }

    /** A check-in whose check-out is not known yet (every scan at the door). */
    public NewCheckin(long personId, long venueId, Instant at, boolean refused, CheckinChannel channel,
            String deviceId) {
        this(personId, venueId, at, refused, channel, deviceId, null);
    }

    /** An accepted scan by the visitor's own phone. */
    public static NewCheckin scan(long personId, long venueId, Instant at) {
        return new NewCheckin(personId, venueId, at, false, CheckinChannel.SCAN, null);
    }

    public NewCheckin asRefused() {
        return new NewCheckin(personId, venueId, at, true, channel, deviceId, checkedOutAt);
    }

    public NewCheckin via(CheckinChannel otherChannel) {
        return new NewCheckin(personId, venueId, at, refused, otherChannel, deviceId, checkedOutAt);
    }

    public NewCheckin fromDevice(String otherDeviceId) {
        return new NewCheckin(personId, venueId, at, refused, channel, otherDeviceId, checkedOutAt);
    }

    /** The same visit, known to have ended at {@code leftAt} (after {@link #at()}). */
    public NewCheckin withCheckOutAt(Instant leftAt) {
        return new NewCheckin(personId, venueId, at, refused, channel, deviceId, leftAt);
    }
}

package org.jiaxing.checkin;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/** A check-in that cannot be recorded as given; nothing was written. */
public class InvalidCheckin extends JiaxingException {

    private InvalidCheckin(String key, Object... args) {
        super(HttpStatus.BAD_REQUEST, key, args);
    }

    public static InvalidCheckin person() {
        return new InvalidCheckin("checkin.error.person");
    }

    public static InvalidCheckin venue() {
        return new InvalidCheckin("checkin.error.venue");
    }

    public static InvalidCheckin deviceId(int maxLength) {
        return new InvalidCheckin("checkin.error.deviceId", maxLength);
    }

    /** Later than the server's clock allows (a wrong device clock or a forged time). */
    public static InvalidCheckin inTheFuture() {
        return new InvalidCheckin("checkin.error.inTheFuture");
    }

    /** Older than the retention period: it would be deleted at once, so it is not stored at all. */
    public static InvalidCheckin olderThanRetention(long days) {
        return new InvalidCheckin("checkin.error.olderThanRetention", days);
    }

    /** A visit cannot end before (or when) it began. */
    public static InvalidCheckin checkOutNotAfterCheckIn() {
        return new InvalidCheckin("checkin.error.checkOutNotAfterCheckIn");
    }

    public static InvalidCheckin refusedWithCheckOut() {
        return new InvalidCheckin("checkin.error.refusedWithCheckOut");
    }

    public static InvalidCheckin empty() {
        return new InvalidCheckin("checkin.error.empty");
    }
}

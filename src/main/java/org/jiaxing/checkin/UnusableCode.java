package org.jiaxing.checkin;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/** A scanned code nobody can check in with: forged, withdrawn, or its venue suspended or closed. */
public class UnusableCode extends JiaxingException {

    private UnusableCode(HttpStatus status, String key) {
        super(status, key);
    }

    public static UnusableCode invalid() {
        return new UnusableCode(HttpStatus.BAD_REQUEST, "checkin.error.invalidCode");
    }

    public static UnusableCode withdrawn() {
        return new UnusableCode(HttpStatus.GONE, "checkin.error.withdrawnCode");
    }

    public static UnusableCode closed() {
        return new UnusableCode(HttpStatus.GONE, "checkin.error.closedVenue");
    }

    public static UnusableCode stale() {
        return new UnusableCode(HttpStatus.GONE, "checkin.error.staleCode");
    }

    public static UnusableCode suspended() {
        return new UnusableCode(HttpStatus.CONFLICT, "checkin.error.suspendedVenue");
    }
}

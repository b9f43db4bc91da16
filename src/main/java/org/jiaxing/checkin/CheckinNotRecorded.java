package org.jiaxing.checkin;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/**
 * The database refused the write (unreachable, disk full, a constraint). Nothing of the caller's
 * request was written: its whole transaction rolled back. 503, because trying again later is the only
 * thing the visitor can do; the cause is kept for the log, never shown.
 */
public class CheckinNotRecorded extends JiaxingException {

    private CheckinNotRecorded(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "checkin.error.notRecorded");
        initCause(cause);
    }

    public static CheckinNotRecorded because(Throwable cause) {
        return new CheckinNotRecorded(cause);
    }
}

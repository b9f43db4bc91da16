package org.jiaxing.checkin;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/**
 * The write path is saturated: the writer's queue is full, or a check-in was not committed within the
 * acknowledgement timeout. Failing fast with 503 keeps request threads from piling up behind a slow
 * disk; clients retry, and a retry that finds the first attempt committed is simply a duplicate.
 */
public class CheckinBackpressure extends JiaxingException {

    private CheckinBackpressure(String key) {
        super(HttpStatus.SERVICE_UNAVAILABLE, key);
    }

    public static CheckinBackpressure queueFull() {
        return new CheckinBackpressure("checkin.error.busy");
    }

    /** Not committed in time. It may still commit later; the caller was not told it did. */
    public static CheckinBackpressure notCommittedInTime() {
        return new CheckinBackpressure("checkin.error.timeout");
    }

    /** The writer is not running (starting up or shutting down). */
    public static CheckinBackpressure writerStopped() {
        return new CheckinBackpressure("checkin.error.unavailable");
    }
}

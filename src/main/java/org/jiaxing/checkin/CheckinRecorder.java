package org.jiaxing.checkin;

import java.util.List;

/**
 * The check-in write path. Every method returns only after the change is committed to the database:
 * nothing is acknowledged before its commit. Today one in-process writer batches the writes (group
 * commit); a Kafka-backed writer partitioned by venue can replace it behind this interface
 * (docs/ARCHITECTURE.md, "Scale-out").
 *
 * <p>Failures are {@link org.jiaxing.shared.web.JiaxingException}s: {@link InvalidCheckin} (400),
 * {@link CheckoutRefused} (404/409), {@link CheckinBackpressure} (503, too busy or no commit in time)
 * and {@link CheckinNotRecorded} (503, the database refused). After a 503 the caller may retry: a
 * retried scan within the dedup window is folded into the first one if that one did commit.
 */
public interface CheckinRecorder {

    /**
     * Records one check-in, or, when the same person is already checked in (not refused, not checked
     * out) at the same venue within the dedup window, extends that stay and returns it as a duplicate.
     */
    CheckinResult record(NewCheckin checkin);

    /**
     * Records several check-ins all-or-nothing (one transaction), in order; dedup applies between them
     * as if they were recorded one by one. For imports and companion groups.
     */
    List<CheckinResult> recordAll(List<NewCheckin> checkins);

    /**
     * Sets the check-out time of the person's own check-in. Refused when the check-in does not exist or
     * belongs to someone else (both 404, so ids cannot be probed) or is already checked out (409).
     */
    Checkin checkOut(long checkinId, long personId);
}
